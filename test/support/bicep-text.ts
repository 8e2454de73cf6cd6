import { readFileSync } from 'node:fs';

/**
 * A small reader of Bicep as text, for structure tests where no Bicep compiler is at hand. It understands what
 * Qualibot's infra/ uses: comments, single-quoted strings with `${}` interpolation and `\` escapes, ''' strings,
 * top-level declarations with decorators, and object literals written one property per line.
 */
export interface BicepText {
  /** Where the text came from (for messages). */
  source: string;
  /** The text with comments blanked (same length, same line breaks). */
  code: string;
  /** `code` with the content of string literals blanked too; interpolated expressions are kept. */
  masked: string;
}

/** One top-level declaration: `param`, `var`, `resource`, `module`, `output`… with its decorators. */
export interface Statement {
  keyword: string;
  /** Declared name (symbol), empty for `targetScope` and `using`. */
  name: string;
  /** Code of the decorator lines above it. */
  decorators: string;
  /** Code of the whole declaration, decorators excluded. */
  text: string;
  /** Offset of `text` in the file's code. */
  start: number;
}

/** A `param` declaration. */
export interface ParamDeclaration {
  name: string;
  type: string;
  hasDefault: boolean;
  /** Values of `@allowed([...])`, empty when not constrained. */
  allowed: string[];
}

/** A `resource` declaration. */
export interface ResourceDeclaration {
  source: string;
  symbol: string;
  /** Full type string, e.g. `Microsoft.Web/sites@2024-04-01`. */
  typeString: string;
  /** Type without the API version. */
  type: string;
  /** API version, or undefined when the type string has none. */
  apiVersion: string | undefined;
  existing: boolean;
  /** Condition of `= if (...)`, or undefined. */
  condition: string | undefined;
  /** The body object, or undefined for a body this reader does not understand. */
  body: BicepObject | undefined;
}

/** A `module` declaration. */
export interface ModuleDeclaration {
  symbol: string;
  path: string;
  condition: string | undefined;
  body: BicepObject | undefined;
}

/** An object literal: its properties' value expressions (code), in order. */
export interface BicepObject {
  entries: Map<string, string>;
}

const keywords = new Set([
  'param', 'var', 'resource', 'module', 'output', 'targetScope', 'type', 'func', 'import', 'metadata', 'using',
  'existing', 'if', 'for', 'in', 'true', 'false', 'null', 'with', 'as', 'string', 'int', 'bool', 'object', 'array',
  'az', 'sys',
]);
const statementKeywords = ['param', 'var', 'resource', 'module', 'output', 'targetScope', 'type', 'func', 'import', 'metadata', 'using'];

type Frame = { kind: 'code'; interpolation: boolean; depth: number } | { kind: 'string' };

/** Blanks comments, and (in `masked`) the content of string literals, keeping offsets and line breaks. */
export function scanBicep(text: string, source = '<text>'): BicepText {
  const code: string[] = [];
  const masked: string[] = [];
  const blank = (c: string) => (c === '\n' ? '\n' : ' ');
  const stack: Frame[] = [{ kind: 'code', interpolation: false, depth: 0 }];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    const frame = stack[stack.length - 1] ?? { kind: 'code', interpolation: false, depth: 0 };
    if (frame.kind === 'string') {
      if (c === '\\') {
        const escaped = text.slice(i, i + 2);
        code.push(escaped);
        masked.push(' '.repeat(escaped.length));
        i += escaped.length;
      } else if (c === '$' && text.charAt(i + 1) === '{') {
        code.push('${');
        masked.push('${');
        stack.push({ kind: 'code', interpolation: true, depth: 0 });
        i += 2;
      } else if (c === "'" || c === '\n') {
        code.push(c);
        masked.push(c);
        stack.pop();
        i += 1;
      } else {
        code.push(c);
        masked.push(' ');
        i += 1;
      }
      continue;
    }
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const comment = text.slice(i, end === -1 ? text.length : end);
      code.push(' '.repeat(comment.length));
      masked.push(' '.repeat(comment.length));
      i += comment.length;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const comment = text.slice(i, end === -1 ? text.length : end + 2);
      const blanked = [...comment].map(blank).join('');
      code.push(blanked);
      masked.push(blanked);
      i += comment.length;
    } else if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      const literal = text.slice(i, end === -1 ? text.length : end + 3);
      code.push(literal);
      masked.push("'''" + [...literal.slice(3, -3)].map(blank).join('') + "'''");
      i += literal.length;
    } else if (c === "'") {
      code.push(c);
      masked.push(c);
      stack.push({ kind: 'string' });
      i += 1;
    } else {
      if (c === '{') frame.depth += 1;
      if (c === '}') {
        if (frame.interpolation && frame.depth === 0) stack.pop();
        else frame.depth -= 1;
      }
      code.push(c);
      masked.push(c);
      i += 1;
    }
  }
  return { source, code: code.join(''), masked: masked.join('') };
}

/** Reads and scans a Bicep file. */
export function readBicep(path: string): BicepText {
  return scanBicep(readFileSync(path, 'utf8'), path);
}

const openers = '{[(';
const closers = '}])';

/** Offset of the bracket closing the one at `open` (in masked text, so brackets in strings do not count). */
function matchingBracket(masked: string, open: number): number {
  let depth = 0;
  for (let i = open; i < masked.length; i += 1) {
    const c = masked.charAt(i);
    if (openers.includes(c)) depth += 1;
    if (closers.includes(c)) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return masked.length - 1;
}

/** The top-level declarations of a file, each with the decorator lines written above it. */
export function statements(file: BicepText): Statement[] {
  const result: Statement[] = [];
  const lineStarts: number[] = [];
  let depth = 0;
  let atLineStart = true;
  for (let i = 0; i < file.masked.length; i += 1) {
    const c = file.masked.charAt(i);
    if (atLineStart && depth === 0 && c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') lineStarts.push(i);
    if (c !== ' ' && c !== '\t') atLineStart = c === '\n';
    if (openers.includes(c)) depth += 1;
    if (closers.includes(c)) depth -= 1;
  }
  let decoratorStart: number | undefined;
  const starts: { start: number; decoratorStart: number | undefined }[] = [];
  for (const start of lineStarts) {
    const rest = file.masked.slice(start);
    if (rest.startsWith('@')) {
      decoratorStart ??= start;
      continue;
    }
    if (statementKeywords.some((keyword) => new RegExp(`^${keyword}\\b`).test(rest))) {
      starts.push({ start, decoratorStart });
    }
    decoratorStart = undefined;
  }
  starts.forEach(({ start, decoratorStart: decoratorsAt }, index) => {
    const next = starts[index + 1];
    const end = next ? (next.decoratorStart ?? next.start) : file.code.length;
    const text = file.code.slice(start, end).trimEnd();
    const head = /^(\w+)\s*(\w*)/.exec(file.masked.slice(start, end));
    const keyword = head?.[1] ?? '';
    const name = keyword === 'targetScope' || keyword === 'using' ? '' : (head?.[2] ?? '');
    const decorators = decoratorsAt === undefined ? '' : file.code.slice(decoratorsAt, start);
    result.push({ keyword, name, decorators, text, start });
  });
  return result;
}

/** Parses the object literal opening at `open` in the file (one property per line, or comma separated). */
export function objectAt(file: BicepText, open: number): BicepObject {
  const close = matchingBracket(file.masked, open);
  const entries = new Map<string, string>();
  let depth = 0;
  let i = open + 1;
  let entryStart = i;
  const flush = (end: number) => {
    const masked = file.masked.slice(entryStart, end);
    const key = /^\s*([A-Za-z_]\w*|'[^']*')\s*:/.exec(masked);
    if (key?.[1]) {
      const rawKey = file.code.slice(entryStart + masked.indexOf(key[1]), entryStart + masked.indexOf(key[1]) + key[1].length);
      entries.set(rawKey, file.code.slice(entryStart + key[0].length, end).trim());
    }
  };
  for (; i < close; i += 1) {
    const c = file.masked.charAt(i);
    if (openers.includes(c)) depth += 1;
    if (closers.includes(c)) depth -= 1;
    if (depth === 0 && (c === '\n' || c === ',')) {
      flush(i);
      entryStart = i + 1;
    }
  }
  flush(close);
  return { entries };
}

/** The object literal a value expression is, when it is one (`{ ... }`), re-scanned on its own. */
export function valueObject(value: string | undefined): BicepObject | undefined {
  if (!value?.startsWith('{')) return undefined;
  return objectAt(scanBicep(value), 0);
}

/** Follows a path of property names down nested object literals; returns the value expression found. */
export function property(body: BicepObject | undefined, path: string): string | undefined {
  let current = body;
  const keys = path.split('.');
  for (const [index, key] of keys.entries()) {
    const value = current?.entries.get(key);
    if (index === keys.length - 1) return value;
    current = valueObject(value);
  }
  return undefined;
}

/** The `{` of the body after `=` (and after `if (...)`) in a declaration starting at `start`. */
function bodyStart(file: BicepText, start: number, end: number): number | undefined {
  const equals = file.masked.indexOf('=', start);
  if (equals === -1 || equals > end) return undefined;
  const open = file.masked.indexOf('{', equals);
  return open === -1 || open > end ? undefined : open;
}

function conditionOf(text: string): string | undefined {
  return /=\s*if\s*\(([^\n]*)\)\s*\{/.exec(text)?.[1]?.trim();
}

/** The `param` declarations of a file. */
export function params(file: BicepText): ParamDeclaration[] {
  return statements(file)
    .filter((s) => s.keyword === 'param')
    .map((s) => {
      const head = /^param\s+(\w+)\s+(\w+)\s*(=)?/.exec(s.text);
      const allowedList = /@allowed\(\s*\[([\s\S]*?)\]\s*\)/.exec(s.decorators)?.[1] ?? '';
      return {
        name: s.name,
        type: head?.[2] ?? '',
        hasDefault: head?.[3] === '=',
        allowed: [...allowedList.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? ''),
      };
    });
}

/** The value expression of a `var`, or undefined when the file declares no such variable. */
export function variable(file: BicepText, name: string): string | undefined {
  const statement = statements(file).find((s) => s.keyword === 'var' && s.name === name);
  return statement ? statement.text.replace(/^var\s+\w+\s*=\s*/, '') : undefined;
}

/** The `output` declarations: name to value expression. */
export function outputs(file: BicepText): Map<string, string> {
  const result = new Map<string, string>();
  for (const s of statements(file).filter((st) => st.keyword === 'output')) {
    result.set(s.name, s.text.replace(/^output\s+\w+\s+\w+\s*=\s*/, ''));
  }
  return result;
}

/** Every `resource` declared at the top level of a file. */
export function resources(file: BicepText): ResourceDeclaration[] {
  return statements(file)
    .filter((s) => s.keyword === 'resource')
    .map((s) => {
      const typeString = /^resource\s+\w+\s+'([^']*)'/.exec(s.text)?.[1] ?? '';
      const [type, apiVersion] = typeString.split('@');
      const open = bodyStart(file, s.start, s.start + s.text.length);
      return {
        source: file.source,
        symbol: s.name,
        typeString,
        type: type ?? '',
        apiVersion,
        existing: /^resource\s+\w+\s+'[^']*'\s+existing\b/.test(s.text),
        condition: conditionOf(s.text),
        body: open === undefined ? undefined : objectAt(file, open),
      };
    });
}

/** Every type string of a `resource` declaration anywhere in the file (nested ones included). */
export function resourceTypeStrings(file: BicepText): string[] {
  return [...file.code.matchAll(/\bresource\s+\w+\s+'([^']*)'/g)].map((m) => m[1] ?? '');
}

/** True for `Namespace.Provider/type[/child]@yyyy-mm-dd[-preview]`. */
export function hasApiVersion(typeString: string): boolean {
  return /^[A-Za-z]+\.[A-Za-z]+(\/[A-Za-z]+)+@\d{4}-\d{2}-\d{2}(-preview)?$/.test(typeString);
}

/** Every `module` declared at the top level of a file. */
export function modules(file: BicepText): ModuleDeclaration[] {
  return statements(file)
    .filter((s) => s.keyword === 'module')
    .map((s) => {
      const open = bodyStart(file, s.start, s.start + s.text.length);
      return {
        symbol: s.name,
        path: /^module\s+\w+\s+'([^']*)'/.exec(s.text)?.[1] ?? '',
        condition: conditionOf(s.text),
        body: open === undefined ? undefined : objectAt(file, open),
      };
    });
}

/** A symbol used in an expression, with its line (1-based). */
export interface Reference {
  name: string;
  line: number;
}

/** Symbols used in expressions: not keywords, functions, property names, property accesses or declared names. */
export function references(file: BicepText): Reference[] {
  const { masked } = file;
  const excluded = new Set<number>();
  // Declared names, and the type after a param's or output's name, are not uses.
  for (const m of masked.matchAll(/^([ \t]*(?:param|output|var|resource|module|type|func|metadata)[ \t]+)(\w+)(?:([ \t]+)(\w+))?/gm)) {
    const nameAt = m.index + (m[1]?.length ?? 0);
    excluded.add(nameAt);
    if (/^\s*(param|output)/.test(m[1] ?? '') && m[4]) excluded.add(nameAt + (m[2]?.length ?? 0) + (m[3]?.length ?? 0));
  }
  const locals = new Set<string>();
  for (const m of masked.matchAll(/\bfor\s+(?:(\w+)|\(\s*(\w+)\s*,\s*(\w+)\s*\))\s+in\b/g)) {
    for (const local of [m[1], m[2], m[3]]) if (local) locals.add(local);
  }
  for (const m of masked.matchAll(/(?:\b(\w+)|\(([\w\s,]*)\))\s*=>/g)) {
    for (const local of (m[1] ?? m[2] ?? '').split(',')) if (local.trim()) locals.add(local.trim());
  }

  const result: Reference[] = [];
  for (const m of masked.matchAll(/[A-Za-z_]\w*/g)) {
    const at = m.index;
    const name = m[0];
    const before = masked.charAt(at - 1);
    if (/[\w$]/.test(before) || before === '.' || before === '@') continue;
    if (excluded.has(at) || keywords.has(name) || locals.has(name)) continue;
    const after = masked.slice(at + name.length);
    if (/^\s*\(/.test(after)) continue; // function call
    if (/^[ \t]*:(?!:)/.test(after)) {
      const lineBefore = masked.slice(0, at).replace(/[ \t]+$/, '');
      const previous = lineBefore.charAt(lineBefore.length - 1);
      if (previous === '' || previous === '\n' || previous === '{' || previous === ',') continue; // property name
    }
    result.push({ name, line: masked.slice(0, at).split('\n').length });
  }
  return result;
}

/** Names a file declares that expressions may use. */
export function declaredSymbols(file: BicepText): Set<string> {
  return new Set(statements(file).filter((s) => s.name !== '' && s.keyword !== 'output').map((s) => s.name));
}

/** Symbols used but never declared (a misspelt or forgotten parameter), as `name (line n)`. */
export function undeclaredReferences(file: BicepText): string[] {
  const declared = declaredSymbols(file);
  return references(file)
    .filter((r) => !declared.has(r.name))
    .map((r) => `${r.name} (line ${r.line})`);
}

/** Parameters declared but used by no expression. */
export function unusedParams(file: BicepText): string[] {
  const used = new Set(references(file).map((r) => r.name));
  return params(file)
    .map((p) => p.name)
    .filter((name) => !used.has(name));
}

/** A .bicepparam file: the template it uses and the expression given to each parameter. */
export interface BicepParamFile {
  using: string | undefined;
  values: Map<string, string>;
}

/** Reads the `using` and `param x = value` lines of a .bicepparam text. */
export function parseBicepParam(text: string): BicepParamFile {
  const file = scanBicep(text);
  const values = new Map<string, string>();
  let using: string | undefined;
  for (const s of statements(file)) {
    if (s.keyword === 'using') using = /^using\s+'([^']*)'/.exec(s.text)?.[1];
    if (s.keyword === 'param') values.set(s.name, s.text.replace(/^param\s+\w+\s*=\s*/, ''));
  }
  return { using, values };
}

/** Problems of a .bicepparam file against its template's parameters: unknown ones set, required ones missing. */
export function bicepParamProblems(paramFile: BicepParamFile, declared: readonly ParamDeclaration[]): string[] {
  const problems: string[] = [];
  const names = new Set(declared.map((p) => p.name));
  for (const name of paramFile.values.keys()) if (!names.has(name)) problems.push(`sets ${name}, which the template does not declare`);
  for (const p of declared) if (!p.hasDefault && !paramFile.values.has(p.name)) problems.push(`does not set ${p.name}, which has no default`);
  for (const p of declared) {
    const value = paramFile.values.get(p.name);
    const literal = value && /^'([^']*)'$/.exec(value)?.[1];
    if (p.allowed.length > 0 && literal !== undefined && literal !== '' && !p.allowed.includes(literal)) {
      problems.push(`sets ${p.name} to '${literal}', not one of ${p.allowed.join(', ')}`);
    }
  }
  return problems;
}

/** `name`/`value` pairs of App Service settings written as objects in a file, with the value expression. */
export function appSettings(file: BicepText): Map<string, string> {
  const result = new Map<string, string>();
  for (const m of file.code.matchAll(/\bname:\s*'([^'$]+)'\s*[,\n]\s*value:\s*([^\n}]+)/g)) {
    if (m[1] && m[2]) result.set(m[1], m[2].trim());
  }
  return result;
}

/** Setting names neither documented (README configuration table) nor known to Azure. */
export function undocumentedSettings(names: Iterable<string>, documented: ReadonlySet<string>): string[] {
  const knownAzure = new Set(['AZURE_CLIENT_ID', 'APPLICATIONINSIGHTS_CONNECTION_STRING', 'ApplicationInsightsAgent_EXTENSION_VERSION']);
  return [...names].filter((n) => !documented.has(n) && !knownAzure.has(n) && !/^(WEBSITE|SCM)_/.test(n));
}

/** The variables of README.md's "## Configuration" table (first column, in backticks). */
export function readmeConfigurationVariables(readme: string): Set<string> {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Configuration')) ?? '';
  return new Set([...section.matchAll(/^\|\s*`([A-Za-z_][A-Za-z0-9_]*)`\s*\|/gm)].map((m) => m[1] ?? ''));
}

/** Path of a module file as written in a template, resolved against the template's folder. */
export function modulePath(templatePath: string, modulePathText: string): string {
  const folder = templatePath.slice(0, templatePath.lastIndexOf('/') + 1);
  return folder + modulePathText.replace(/^\.\//, '');
}

/**
 * One naming scheme: resources at the top level of the template take their name from `names.<kind>`, and every
 * entry of `names` derives from `baseName`; resources in modules take their name from a module parameter the
 * template fills from `names`; child resources (with `parent`) and extension resources (with `scope`) may use a
 * literal or a guid(). Returns each departure from the scheme.
 */
export function namingProblems(template: BicepText, moduleFiles: ReadonlyMap<string, BicepText>): string[] {
  const problems: string[] = [];
  const namesVar = variable(template, 'names');
  const namesObject = valueObject(namesVar);
  const baseName = variable(template, 'baseName') ?? '';
  if (!namesObject) problems.push(`${template.source}: no 'var names = { ... }' object`);
  if (!/\$\{prefix\}/.test(baseName) || !/\$\{environmentName\}/.test(baseName)) {
    problems.push(`${template.source}: baseName does not derive from prefix and environmentName`);
  }
  for (const [kind, value] of namesObject?.entries ?? []) {
    if (!/\bbaseName\b/.test(value)) problems.push(`${template.source}: names.${kind} does not derive from baseName`);
  }
  const isNamesEntry = (value: string | undefined) => {
    const kind = /^names\.(\w+)$/.exec(value ?? '')?.[1];
    return kind !== undefined && (namesObject?.entries.has(kind) ?? false);
  };
  // Returns the name expression of a top-level resource, or undefined for a child, extension or existing one.
  const topLevelName = (resource: ResourceDeclaration): string | undefined => {
    if (resource.existing) return undefined;
    const name = property(resource.body, 'name') ?? '(nothing)';
    if (property(resource.body, 'parent') !== undefined || property(resource.body, 'scope') !== undefined) {
      if (!/^('[^'$]*'|guid\(.*\))$/.test(name)) problems.push(`${resource.source}: ${resource.symbol} is a child or extension resource with a computed name`);
      return undefined;
    }
    return name;
  };
  for (const resource of resources(template)) {
    const name = topLevelName(resource);
    if (name !== undefined && !isNamesEntry(name)) problems.push(`${template.source}: ${resource.symbol} is named ${name}, not from names`);
  }
  for (const module of modules(template)) {
    const file = moduleFiles.get(module.path);
    if (!file) {
      problems.push(`${template.source}: module ${module.symbol} (${module.path}) was not given to the check`);
      continue;
    }
    if (!/\$\{baseName\}/.test(property(module.body, 'name') ?? '')) problems.push(`${template.source}: module ${module.symbol}'s deployment name does not derive from baseName`);
    const passed = valueObject(property(module.body, 'params'));
    const moduleParams = new Set(params(file).map((p) => p.name));
    for (const resource of resources(file)) {
      const name = topLevelName(resource);
      if (name === undefined) continue;
      if (!moduleParams.has(name)) problems.push(`${file.source}: ${resource.symbol} is named ${name}, not from a parameter`);
      else if (!isNamesEntry(passed?.entries.get(name))) problems.push(`${template.source}: module ${module.symbol} gets ${name} from outside names`);
    }
  }
  return problems;
}
