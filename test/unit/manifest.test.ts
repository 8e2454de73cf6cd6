import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { commandTable, type CommandName } from '../../bot/commands';
import type { CommandDefinition } from '../../bot/command-definition';
import { drawColorIcon, drawOutlineIcon, franceBlue } from '../../scripts/lib/app-icons';
import {
  buildAppPackage,
  bundledSchemaErrors,
  bundledSchemaVersions,
  fillTemplates,
  manifestDirectory,
  missingLocalizedKeys,
  validatePackage,
} from '../../scripts/package-app';
import { matchCommand } from '../../services/text/command-matcher';

const env = { BOT_ID: '00000000-0000-0000-0000-000000000001', BOT_DOMAIN: 'qualibot.example.fr' };
const read = (file: string) => readFileSync(path.join(manifestDirectory, file), 'utf8');
const templates = { 'manifest.json': read('manifest.json'), 'en.json': read('en.json') };

/** The parts of the manifest these tests read. */
interface Manifest {
  manifestVersion: string;
  accentColor: string;
  bots: { commandLists: { scopes: string[]; commands: { title: string; description?: string }[] }[] }[];
  [key: string]: unknown;
}

function filled(): { manifest: Manifest; en: Record<string, string> } {
  const result = fillTemplates(templates, env, '0.1.0');
  if (!result.ok) throw new Error(result.message);
  return {
    manifest: JSON.parse(result.files['manifest.json'] ?? '') as Manifest,
    en: JSON.parse(result.files['en.json'] ?? '') as Record<string, string>,
  };
}

const commands = (Object.entries(commandTable) as [CommandName, CommandDefinition][]).map(([name, c]) => ({
  name,
  phrasings: c.phrasings,
  takesArgument: c.takesArgument,
}));

const icon = (file: string) => PNG.sync.read(readFileSync(path.join(manifestDirectory, file)));

describe('the manifest and its localization', () => {
  it('declares a schema version whose schema @microsoft/app-manifest bundles', () => {
    expect(bundledSchemaVersions()).toContain(filled().manifest.manifestVersion);
  });

  it('validates, once filled, against the bundled JSON schema of its declared version', () => {
    const { manifest } = filled();
    expect(bundledSchemaErrors(manifest, manifest.manifestVersion, 'manifest')).toEqual([]);
  });

  it('has an en.json that validates against the bundled localization schema', () => {
    const { manifest, en } = filled();
    expect(bundledSchemaErrors(en, manifest.manifestVersion, 'localization')).toEqual([]);
  });

  it('passes every check the package script makes', () => {
    const { manifest, en } = filled();
    expect(validatePackage(manifest, { 'en.json': en })).toEqual([]);
  });

  it('has only keys in en.json that name a string of manifest.json', () => {
    const { manifest, en } = filled();
    expect(missingLocalizedKeys(manifest, en)).toEqual([]);
    expect(missingLocalizedKeys(manifest, { 'bots[0].commandLists[7].commands[0].title': 'help', 'name.nickname': 'x' })).toEqual([
      'bots[0].commandLists[7].commands[0].title',
      'name.nickname',
    ]);
  });

  it('translates the title and description of every command into English', () => {
    const { manifest, en } = filled();
    manifest.bots[0]?.commandLists.forEach((list, i) =>
      list.commands.forEach((_command, j) => {
        expect(en[`bots[0].commandLists[${i}].commands[${j}].title`]).toEqual(expect.any(String));
        expect(en[`bots[0].commandLists[${i}].commands[${j}].description`]).toEqual(expect.any(String));
      }),
    );
  });

  it('lists only command titles, in French and in English, that call the same command of the bot', () => {
    const { manifest, en } = filled();
    const lists = manifest.bots[0]?.commandLists ?? [];
    expect(lists.map((list) => list.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
    lists.forEach((list, i) =>
      list.commands.forEach((command, j) => {
        const french = matchCommand(command.title, commands);
        const english = matchCommand(en[`bots[0].commandLists[${i}].commands[${j}].title`] ?? '', commands);
        expect(french.kind).toBe('match');
        expect(english.kind).toBe('match');
        if (french.kind === 'match' && english.kind === 'match') expect(english.match.name).toBe(french.match.name);
      }),
    );
  });

  it('keeps the admin commands out of teams and group chats', () => {
    const adminOnly = new Set(commands.filter((c) => commandTable[c.name].audience !== 'everyone').map((c) => c.name));
    const { manifest } = filled();
    for (const list of manifest.bots[0]?.commandLists.slice(1) ?? []) {
      for (const command of list.commands) {
        const result = matchCommand(command.title, commands);
        expect(result.kind === 'match' && adminOnly.has(result.match.name)).toBe(false);
      }
    }
  });
});

describe('the package script', () => {
  it('reports every missing variable, in French and in English', () => {
    const result = fillTemplates({ ...templates, 'extra.json': '{ "x": "${{NOT_DECLARED}}" }' }, {}, '0.1.0');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.missing).toEqual(['BOT_ID', 'BOT_DOMAIN', 'NOT_DECLARED']);
    expect(result.message).toContain('Variables d’environnement manquantes / Missing environment variables');
    for (const name of result.missing) expect(result.message).toContain(`- ${name} :`);
  });

  it.each([
    ['BOT_ID', 'not-a-guid'],
    ['BOT_DOMAIN', 'https://qualibot.example.fr'],
    ['BOT_DOMAIN', 'qualibot.example.fr/api/messages'],
    ['BOT_DOMAIN', 'qualibot.example.fr:443'],
    ['APP_VERSION', '1.0'],
    ['PRIVACY_URL', 'http://qualibot.example.fr/confidentialite'],
  ])('refuses %s=%j', (name, value) => {
    const result = fillTemplates(templates, { ...env, [name]: value }, '0.1.0');
    expect(result.ok === false && result.invalid.some((line) => line.startsWith(`${name}=`))).toBe(true);
  });

  it('fills the optional variables from package.json and the bot domain', () => {
    const result = fillTemplates(templates, env, '2.3.4');
    expect(result.ok && result.values).toMatchObject({
      APP_VERSION: '2.3.4',
      PUBLISHER_NAME: 'Préfecture – SIDSIC',
      WEBSITE_URL: 'https://qualibot.example.fr/',
      PRIVACY_URL: 'https://qualibot.example.fr/confidentialite',
    });
    expect(Object.values(result.ok ? result.files : {}).join('')).not.toContain('${{');
  });

  it('keeps the JSON valid when a value holds quotes', () => {
    const result = fillTemplates(templates, { ...env, PUBLISHER_NAME: 'Préfecture "18"' }, '0.1.0');
    const manifest = JSON.parse(result.ok ? (result.files['manifest.json'] ?? '') : '') as { developer: { name: string } };
    expect(manifest.developer.name).toBe('Préfecture "18"');
  });

  it('refuses a manifest whose schema version the validator does not know', () => {
    const manifest = { ...filled().manifest, manifestVersion: '1.99' };
    const problems = validatePackage(manifest, {});
    expect(problems).toEqual([expect.stringContaining('« 1.99 » inconnue du validateur / schema version "1.99" unknown')]);
  });

  it('refuses a filled manifest that does not validate', () => {
    const { manifest, en } = filled();
    const broken = { ...manifest, accentColor: 'blue', bots: [{ ...manifest.bots[0], scopes: ['everyone'] }] };
    const problems = validatePackage(broken, { 'en.json': { ...en, 'name.short': 'Qualibot, le bot qualité de la préfecture' } });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^manifest\.json : \/accentColor /),
        expect.stringMatching(/^manifest\.json : \/bots\/0\/scopes\/0 /),
        expect.stringMatching(/^en\.json : \/name\.short /),
      ]),
    );
  });

  it('builds a zip with the filled manifest, en.json and both icons at its root', async () => {
    const result = await buildAppPackage(env, '0.1.0');
    if (!result.ok) throw new Error(result.message);
    const zip = await JSZip.loadAsync(result.zip);
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '') as { id: string; validDomains: string[] };
    expect(manifest).toMatchObject({ id: env.BOT_ID, validDomains: [env.BOT_DOMAIN] });
  });

  it('builds no zip from a manifest declaring an unknown schema version', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'qualibot-manifest-'));
    try {
      cpSync(manifestDirectory, directory, { recursive: true });
      writeFileSync(path.join(directory, 'manifest.json'), read('manifest.json').replaceAll('1.30', '1.99'));
      const result = await buildAppPackage(env, '0.1.0', directory);
      expect(result.ok === false && result.message).toContain('schema version "1.99" unknown to the validator');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('the icons', () => {
  it('has a 192×192 colour icon, fully opaque, on the manifest’s accent colour', () => {
    const color = icon('color.png');
    expect([color.width, color.height]).toEqual([192, 192]);
    for (let i = 3; i < color.data.length; i += 4) if (color.data[i] !== 255) throw new Error(`transparent pixel ${(i - 3) / 4}`);
    expect(filled().manifest.accentColor).toBe(franceBlue);
    expect(Array.from(color.data.subarray(0, 3), (c) => c.toString(16).padStart(2, '0')).join('')).toBe(franceBlue.slice(1));
  });

  it('has a 32×32 outline icon with only white pixels, anti-aliased through alpha alone', () => {
    const outline = icon('outline.png');
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a === 0) transparent += 1;
      else if (r !== 255 || g !== 255 || b !== 255) throw new Error(`pixel ${i / 4} is not white: ${r} ${g} ${b} ${a}`);
      if (a === 255) opaque += 1;
    }
    expect(transparent / (32 * 32)).toBeGreaterThan(0.4);
    expect(opaque / (32 * 32)).toBeGreaterThan(0.15);
  });

  it('are the images npm run icons draws', () => {
    expect(icon('color.png').data.equals(drawColorIcon().data)).toBe(true);
    expect(icon('outline.png').data.equals(drawOutlineIcon().data)).toBe(true);
  });
});
