import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AnySchema, ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { PNG } from 'pngjs';

/** Folder of the manifest templates (manifest.json, en.json) and of the icons. */
export const manifestDirectory = path.resolve(__dirname, '..', 'manifest');

const repositoryRoot = path.resolve(__dirname, '..');
const outputFile = path.join(repositoryRoot, 'appPackage', 'qualibot.zip');
const validatorDirectory = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
const example = 'BOT_ID=00000000-0000-0000-0000-000000000001 BOT_DOMAIN=qualibot.example.fr npm run package';

/** A `${{NAME}}` placeholder of the templates: what it is (French / English), its default and its check. */
interface Variable {
  name: string;
  help: string;
  /** Value when the environment has none; undefined when it cannot be known (then the variable is missing). */
  fallback?: (known: Readonly<Record<string, string>>, packageVersion: string) => string | undefined;
  /** Why the value is refused (French / English), or undefined when it is fine. */
  check: (value: string) => string | undefined;
}

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hostPattern = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

function hostProblem(value: string): string | undefined {
  if (value.includes('://')) return 'sans schéma (https://) / without a scheme (https://)';
  if (/[/?#]/.test(value)) return 'sans chemin / without a path';
  if (value.includes(':')) return 'sans port / without a port';
  return hostPattern.test(value) ? undefined : 'nom d’hôte attendu (qualibot.example.fr) / a host name is expected (qualibot.example.fr)';
}

function httpsProblem(value: string): string | undefined {
  try {
    return new URL(value).protocol === 'https:' ? undefined : 'adresse https:// attendue / an https:// address is expected';
  } catch {
    return 'adresse https:// attendue / an https:// address is expected';
  }
}

/** A page under the bot's domain, the default of the developer URLs. */
const pageOfBot = (page: string) => (known: Readonly<Record<string, string>>) =>
  known.BOT_DOMAIN === undefined ? undefined : `https://${known.BOT_DOMAIN}/${page}`;

/** Every placeholder the templates may use; BOT_ID and BOT_DOMAIN have no default. */
export const variables: readonly Variable[] = [
  {
    name: 'BOT_ID',
    help: 'identifiant (GUID) de l’application Azure Bot / Azure Bot app id (a GUID)',
    check: (v) => (guidPattern.test(v) ? undefined : 'GUID attendu / a GUID is expected'),
  },
  {
    name: 'BOT_DOMAIN',
    help: 'nom d’hôte du bot, sans https:// ni chemin / host name of the bot, without https:// or path',
    check: hostProblem,
  },
  {
    name: 'APP_VERSION',
    help: 'version de l’application x.y.z (celle de package.json par défaut) / app version x.y.z (package.json’s by default)',
    fallback: (_known, packageVersion) => packageVersion,
    check: (v) => (/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(v) ? undefined : 'x.y.z attendu / x.y.z is expected'),
  },
  {
    name: 'PUBLISHER_NAME',
    help: 'éditeur affiché dans Teams / publisher shown in Teams',
    fallback: () => 'Préfecture – SIDSIC',
    check: (v) => (v.length <= 32 ? undefined : '32 caractères au plus / 32 characters at most'),
  },
  { name: 'WEBSITE_URL', help: 'site de l’application / app website', fallback: pageOfBot(''), check: httpsProblem },
  { name: 'PRIVACY_URL', help: 'politique de confidentialité / privacy policy', fallback: pageOfBot('confidentialite'), check: httpsProblem },
  {
    name: 'TERMS_OF_USE_URL',
    help: 'conditions d’utilisation / terms of use',
    fallback: pageOfBot('conditions-d-utilisation'),
    check: httpsProblem,
  },
];

/** Templates filled from the environment, or every missing and invalid variable. */
export type FillResult =
  | { ok: true; files: Record<string, string>; values: Record<string, string> }
  | { ok: false; missing: string[]; invalid: string[]; message: string };

const placeholder = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Fills the `${{NAME}}` placeholders of the templates (JSON text) from `env`, reporting every missing or invalid variable. */
export function fillTemplates(
  templates: Readonly<Record<string, string>>,
  env: Readonly<Record<string, string | undefined>>,
  packageVersion: string,
): FillResult {
  const values: Record<string, string> = {};
  const missing: string[] = [];
  const invalid: string[] = [];
  for (const variable of variables) {
    const value = env[variable.name]?.trim() || variable.fallback?.(values, packageVersion);
    if (value === undefined) {
      if (!variable.fallback) missing.push(variable.name);
      continue;
    }
    const problem = variable.check(value);
    if (problem) invalid.push(`${variable.name}=${JSON.stringify(value)} : ${problem}`);
    else values[variable.name] = variable.name === 'BOT_DOMAIN' ? value.toLowerCase() : value;
  }
  for (const text of Object.values(templates)) {
    for (const [, name = ''] of text.matchAll(placeholder)) {
      if (!variables.some((v) => v.name === name) && !missing.includes(name)) missing.push(name);
    }
  }
  if (missing.length > 0 || invalid.length > 0) {
    return { ok: false, missing, invalid, message: variableProblems(missing, invalid) };
  }
  const files: Record<string, string> = {};
  for (const [file, text] of Object.entries(templates)) {
    // JSON-escaped, so a value with quotes or backslashes keeps the JSON valid.
    files[file] = text.replace(placeholder, (_match, name: string) => JSON.stringify(values[name] ?? '').slice(1, -1));
  }
  return { ok: true, files, values };
}

function variableProblems(missing: readonly string[], invalid: readonly string[]): string {
  const lines = ['Impossible de construire le paquet Teams / Cannot build the Teams package.'];
  if (missing.length > 0) {
    lines.push('Variables d’environnement manquantes / Missing environment variables:');
    for (const name of missing) {
      const help = variables.find((v) => v.name === name)?.help ?? 'inconnue de scripts/package-app.ts / not declared in scripts/package-app.ts';
      lines.push(`  - ${name} : ${help}`);
    }
  }
  if (invalid.length > 0) {
    lines.push('Valeurs invalides / Invalid values:');
    for (const line of invalid) lines.push(`  - ${line}`);
  }
  lines.push(`Exemple / Example: ${example}`);
  return lines.join('\n');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const schemaFolder = (version: string) => (version === 'devPreview' ? 'vDevPreview' : `v${version}`);

/** Manifest schema versions whose JSON schemas @microsoft/app-manifest bundles (so validation needs no network). */
export function bundledSchemaVersions(): string[] {
  return readdirSync(path.join(validatorDirectory, 'build', 'json-schemas', 'teams'))
    .map((folder) => (folder === 'vDevPreview' ? 'devPreview' : folder.slice(1)))
    .filter((version) => existsSync(path.join(validatorDirectory, 'build', 'json-schemas', 'teams', schemaFolder(version), 'MicrosoftTeams.schema.json')))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** The `$schema` address of a manifest (or of its localization files) of this version. */
export function schemaUrl(version: string, kind: 'manifest' | 'localization'): string {
  const file = kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json';
  return `https://developer.microsoft.com/json-schemas/teams/${schemaFolder(version)}/${file}`;
}

const compiled = new Map<string, ValidateFunction>();

/**
 * Errors of a manifest or localization file against the schema of `version` bundled with @microsoft/app-manifest.
 * Its schemas are used, not its validator: that one cannot compile the localization schemas (patterns such as
 * `\b]` are not valid Unicode regular expressions) and its entry point requires an ES module that jest and
 * Node before 20.19 cannot load. Same draft-04 validator and formats, patterns read without the Unicode flag.
 */
export function bundledSchemaErrors(document: object, version: string, kind: 'manifest' | 'localization'): string[] {
  const file = path.join(validatorDirectory, 'build', schemaUrl(version, kind).replace(/^https:\/\/[^/]+\//, ''));
  let validate = compiled.get(file);
  if (!validate) {
    if (!existsSync(file)) throw new Error(`no bundled schema for version ${version}: ${file}`);
    const ajv = new AjvDraft04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as AnySchema);
    compiled.set(file, validate);
  }
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Keys of a localization file (`bots[0].commandLists[1].commands[2].title`) that name no string of the manifest. */
export function missingLocalizedKeys(manifest: unknown, localization: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(localization).filter((key) => {
    if (key === '$schema' || key === 'localizationKeys') return false;
    let node: unknown = manifest;
    for (const part of key.split('.')) {
      const [, name = '', indexes = ''] = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part) ?? [];
      node = isRecord(node) ? node[name] : undefined;
      for (const [, index = ''] of indexes.matchAll(/\[(\d+)\]/g)) node = Array.isArray(node) ? (node[Number(index)] as unknown) : undefined;
    }
    return typeof node !== 'string';
  });
}

/** Every reason Teams would refuse the filled manifest and its localization files (empty when they validate). */
export function validatePackage(manifest: unknown, localizations: Readonly<Record<string, unknown>>): string[] {
  if (!isRecord(manifest)) return ['manifest.json : objet JSON attendu / a JSON object is expected'];
  const version = String(manifest.manifestVersion);
  const known = bundledSchemaVersions();
  if (!known.includes(version)) {
    return [
      `manifest.json : version de schéma « ${version} » inconnue du validateur / schema version "${version}" unknown to the validator ` +
        `(@microsoft/app-manifest connaît / knows: ${known.join(', ')})`,
    ];
  }
  const problems: string[] = [];
  if (manifest.$schema !== schemaUrl(version, 'manifest')) {
    problems.push(`manifest.json : $schema doit être / must be ${schemaUrl(version, 'manifest')}`);
  }
  problems.push(...bundledSchemaErrors(manifest, version, 'manifest').map((e) => `manifest.json : ${e}`));
  for (const [file, localization] of Object.entries(localizations)) {
    if (!isRecord(localization)) {
      problems.push(`${file} : objet JSON attendu / a JSON object is expected`);
      continue;
    }
    if (localization.$schema !== schemaUrl(version, 'localization')) {
      problems.push(`${file} : $schema doit être / must be ${schemaUrl(version, 'localization')}`);
    }
    problems.push(...bundledSchemaErrors(localization, version, 'localization').map((e) => `${file} : ${e}`));
    for (const key of missingLocalizedKeys(manifest, localization)) {
      problems.push(`${file} : « ${key} » ne traduit rien de manifest.json / translates nothing in manifest.json`);
    }
  }
  return problems;
}

/** Files of the package named by the manifest: its localization files and its icons. */
function packageFiles(manifest: Record<string, unknown>): { localizations: string[]; icons: Record<string, number> } {
  const info = isRecord(manifest.localizationInfo) ? manifest.localizationInfo : {};
  const languages = Array.isArray(info.additionalLanguages) ? (info.additionalLanguages as unknown[]) : [];
  const localizations = languages.flatMap((l) => (isRecord(l) && typeof l.file === 'string' ? [l.file] : []));
  const icons = isRecord(manifest.icons) ? manifest.icons : {};
  const sizes: Record<string, number> = {};
  if (typeof icons.color === 'string') sizes[icons.color] = 192;
  if (typeof icons.outline === 'string') sizes[icons.outline] = 32;
  return { localizations, icons: sizes };
}

/** The zip Teams accepts, or a French + English message saying why it cannot be built. */
export type BuildResult = { ok: true; zip: Buffer; entries: string[]; values: Record<string, string> } | { ok: false; message: string };

/** Builds the app package from the templates in `directory`: fill, validate, check the icons, zip (files at the root). */
export async function buildAppPackage(
  env: Readonly<Record<string, string | undefined>>,
  packageVersion: string,
  directory = manifestDirectory,
): Promise<BuildResult> {
  const read = (file: string) => readFileSync(path.join(directory, file), 'utf8');
  const template: unknown = JSON.parse(read('manifest.json'));
  if (!isRecord(template)) return { ok: false, message: 'manifest.json : objet JSON attendu / a JSON object is expected' };
  const { localizations, icons } = packageFiles(template);
  const templates: Record<string, string> = { 'manifest.json': read('manifest.json') };
  for (const file of localizations) templates[file] = read(file);

  const filled = fillTemplates(templates, env, packageVersion);
  if (!filled.ok) return { ok: false, message: filled.message };
  const parsed = Object.fromEntries(Object.entries(filled.files).map(([file, text]): [string, unknown] => [file, JSON.parse(text)]));
  const { 'manifest.json': manifest, ...localized } = parsed;
  const problems = validatePackage(manifest, localized);
  for (const [file, side] of Object.entries(icons)) {
    const png = PNG.sync.read(readFileSync(path.join(directory, file)));
    if (png.width !== side || png.height !== side) problems.push(`${file} : ${side}×${side} attendu / expected, ${png.width}×${png.height}`);
  }
  if (problems.length > 0) {
    const lines = problems.map((p) => `  - ${p}`);
    return { ok: false, message: ['Le manifeste ne passe pas la validation / The manifest does not validate:', ...lines].join('\n') };
  }

  const zip = new JSZip();
  const date = new Date(Date.UTC(2000, 0, 1)); // a fixed date: the same inputs give the same zip
  for (const [file, text] of Object.entries(filled.files)) zip.file(file, text, { date });
  for (const file of Object.keys(icons)) zip.file(file, readFileSync(path.join(directory, file)), { date });
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { ok: true, zip: buffer, entries: Object.keys(zip.files), values: filled.values };
}

/** `npm run package`: writes appPackage/qualibot.zip, or says in French and English what is missing or wrong. */
async function main(): Promise<void> {
  const packageJson: unknown = JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8'));
  const packageVersion = isRecord(packageJson) && typeof packageJson.version === 'string' ? packageJson.version : '0.0.0';
  const result = await buildAppPackage(process.env, packageVersion);
  if (!result.ok) {
    console.error(result.message);
    process.exitCode = 1;
    return;
  }
  mkdirSync(path.dirname(outputFile), { recursive: true });
  writeFileSync(outputFile, result.zip);
  const { BOT_ID, BOT_DOMAIN, APP_VERSION } = result.values;
  console.log(`Paquet Teams écrit / Teams package written: ${path.relative(repositoryRoot, outputFile)}`);
  console.log(`  ${result.entries.join(', ')} — version ${APP_VERSION}, BOT_ID ${BOT_ID}, BOT_DOMAIN ${BOT_DOMAIN}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`Échec / Failure: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
