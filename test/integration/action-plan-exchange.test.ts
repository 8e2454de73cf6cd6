import ExcelJS from 'exceljs';
import type { ActionItem } from '../../services/action-plan/action-item';
import { planColumnKeys, planColumns, seedColumns } from '../../services/action-plan/action-plan-columns';
import { signExportLink } from '../../services/exports/export-link';
import { ConcurrentUpdateError } from '../../services/storage/storage-errors';
import { adele, alex, cardActionActivity, installActivity, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { cardTexts } from '../support/card-validation';
import { movableClock, testConnectionString } from '../support/test-storage';

const monday = '2026-11-23T09:00:00.000Z'; // 10:00 in Paris
const secret = 'integration-test-secret-of-more-than-32-characters';
const publicBaseUrl = 'https://qualibot.example.fr';
/** A plan year of its own, so demo data (seeded or not) never mixes with the test's actions. */
const year = 2030;
type InvokeBody = { value: unknown };
type CardAction = { type: string; title: string; url: string };

/** An action of BMI carried by Adele, planned for the test's year. */
function draft(finding: string): ActionItem {
  return {
    id: `${year}-01`,
    year,
    finding,
    references: ['E6'],
    sources: ['contexte-local'],
    state: 'planned',
    deadline: `${year}-06-30`,
    deadlineSetAt: '2026-11-20T08:00:00.000Z',
    action: 'Installer une boucle auditive au pré-accueil',
    services: ['BMI', 'SGCD'],
    ownerId: adele.aadObjectId,
    createdAt: '2026-11-20T08:00:00.000Z',
    createdBy: alex.aadObjectId,
    revision: 0,
  };
}

describe('the quality officer exports the action plan as XLSX and CSV, and imports it back (issue 5)', () => {
  let harness: BotHarness;
  const clock = movableClock(monday);

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), clock, { PUBLIC_BASE_URL: publicBaseUrl, EXPORT_LINK_SECRET: secret });
    for (const person of [alex, adele]) await harness.post(installActivity(harness.connector.url, person));
    for (const finding of ['Boucle auditive absente', 'Signalétique du hall peu lisible', 'Attente téléphonique trop longue']) {
      await harness.bot.app.actions.create(draft(finding), { actorId: alex.aadObjectId, action: 'action.create', entityType: 'action', entityId: '' }, clock.now());
    }
  });
  afterAll(() => harness.stop());

  const say = async (text: string, from = alex) => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, text, from));
    const card = harness.connector.cards().at(-1) ?? {};
    return { card, text: cardTexts(card).join('\n') };
  };
  const importCsv = async (csv: string, from = alex) => {
    clock.advance(1_000); // history entries sort by instant
    const card = ((await harness.post(cardActionActivity(harness.connector.url, 'actionPlan.import', { csv }, from))).body as InvokeBody).value;
    return cardTexts(card).join('\n');
  };
  /** A link of the card, fetched from the harness's server (the card names the public address). */
  const download = (link: string) => fetch(`${new URL(harness.endpoint).origin}${new URL(link).pathname}`);
  const exportLinks = async (command = `exporter plan d'action ${year}`) => {
    const { card, text } = await say(command);
    const actions = (card.actions ?? []) as CardAction[];
    return { text, actions, xlsx: actions.find((a) => a.title.includes('Excel'))?.url ?? '', csv: actions.find((a) => a.title.includes('CSV'))?.url ?? '' };
  };
  const planOfYear = async () => (await harness.bot.app.actions.list()).filter((item) => item.year === year);
  const header = planColumnKeys.map((key) => planColumns[key].header);

  it('answers « exporter plan d’action » with a card of two signed links, the expiry and the row count', async () => {
    const { text, actions, xlsx, csv } = await exportLinks();
    expect(text).toContain(`Plan d’actions ${year}`);
    expect(text).toContain('3 action(s) dans le fichier.');
    expect(text).toContain('Liens valables jusqu’à 10:15 (15 minutes)');
    expect(actions.map((a) => a.type)).toEqual(['Action.OpenUrl', 'Action.OpenUrl']);
    expect(xlsx).toMatch(new RegExp(`^${publicBaseUrl}/exports/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
    expect(csv).toMatch(new RegExp(`^${publicBaseUrl}/exports/`));
    expect(csv).not.toBe(xlsx);
  });

  it('serves the CSV: UTF-8 with a BOM, the seed’s headers separated by `;`, as an attachment never cached', async () => {
    const response = await download((await exportLinks()).csv);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="plan-d-actions-${year}.csv"`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = Buffer.from(await response.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8').slice(1);
    expect(text.startsWith(`${Object.values(seedColumns).map((column) => column.header).join(';')};`)).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + 3);
  });

  it('serves the workbook: same header row, as many rows as the plan, one sheet named after the year', async () => {
    const response = await download((await exportLinks()).xlsx);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="plan-d-actions-${year}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe(`Plan d'actions ${year}`);
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual(header);
    expect(sheet?.rowCount).toBe(1 + (await planOfYear()).length);
  });

  it('exports the whole plan without a year, every stored action in it', async () => {
    const { text, xlsx } = await exportLinks("exporter le plan d'action");
    const all = await harness.bot.app.actions.list();
    expect(text).toContain('Plan d’actions complet');
    expect(text).toContain(`${all.length} action(s) dans le fichier.`);
    const response = await download(xlsx);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="plan-d-actions-complet.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets[0]?.rowCount).toBe(1 + all.length);
  });

  it('logs every download in the audit trail, with the format and the count', async () => {
    const entries = (await harness.bot.app.audit.listMonth('2026-11')).filter((entry) => entry.action === 'actionPlan.export');
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(entries).toContainEqual(expect.objectContaining({ actorId: alex.aadObjectId, entityId: String(year), after: { format: 'csv', rows: 3 } }));
  });

  it('refuses with 403 and a short French text a tampered link, a made-up one and one made for an agent', async () => {
    const { csv } = await exportLinks();
    const token = new URL(csv).pathname.split('/').at(-1) ?? '';
    const [payload = '', mac = ''] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), filter: { year: 2021 } })).toString('base64url');
    const forAdele = signExportLink({ kind: 'action-plan', format: 'csv', personId: adele.aadObjectId }, secret, clock.now()).token;
    for (const path of [`${forged}.${mac}`, `${payload}.${mac.slice(0, -2)}xx`, 'pas-un-jeton', forAdele]) {
      const response = await fetch(`${new URL(harness.endpoint).origin}/exports/${path}`);
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toBe('Ce lien de téléchargement n’est pas ou plus valable. Demandez-en un nouveau à Qualibot : « exporter le plan d’action ».\n');
    }
  });

  it('refuses a link once it has expired (403), and the agent the command itself', async () => {
    const { xlsx } = await exportLinks();
    expect((await download(xlsx)).status).toBe(200);
    clock.advance(15 * 60_000);
    const expired = await download(xlsx);
    expect(expired.status).toBe(403);
    expect(await expired.text()).not.toMatch(/expir/i);
    expect((await say("exporter plan d'action", adele)).text).toContain('réservée aux rôles');
    expect((await say("importer plan d'action", adele)).text).toContain('réservée aux rôles');
  });

  it('shows the paste form on « importer le plan d’action »', async () => {
    const { text, card } = await say('importer le plan d action');
    expect(text).toContain('Importer le plan d’actions');
    expect(JSON.stringify(card)).toContain('"verb":"actionPlan.import"');
  });

  it('refuses an import with a bad date and an unknown service: both lines in French, nothing written', async () => {
    const before = await harness.bot.app.actions.list();
    const csv = [
      "N°;CONSTATS / ÉCARTS / DYSFONCTIONNEMENTS;ÉTAT;Échéance de réalisation;NATURE DU PLAN D'ACTION;RESPONSABLE;PILOTE (E-MAIL)",
      `${year}-01;Boucle auditive absente;Prévue;31/02/${year};Installer une boucle;BMI;adele.vance@cher.gouv.fr`,
      `;Nouvelle ligne;Prévue;15/01/${year};Former l’équipe;XYZ;adele.vance@cher.gouv.fr`,
    ].join('\n');
    const text = await importCsv(csv);
    expect(text).toContain('Import refusé : 2 ligne(s) à corriger, rien n’a été enregistré.');
    expect(text).toContain(`Ligne 2 : Échéance de réalisation : date « 31/02/${year} » invalide (attendu JJ/MM/AAAA).`);
    expect(text).toContain('Ligne 3 : Service « XYZ » inconnu.');
    expect(await harness.bot.app.actions.list()).toEqual(before);
    const imports = (await harness.bot.app.audit.listMonth('2026-11')).filter((entry) => entry.action === 'actionPlan.import');
    expect(imports).toEqual([]);
  });

  it('imports an exported plan with one finding changed: 1 replaced, the rest left alone, history and audit written', async () => {
    const exported = Buffer.from(await (await download((await exportLinks()).csv)).arrayBuffer()).toString('utf8');
    expect(exported).toContain(';Signalétique du hall peu lisible;');
    const changed = exported.replace(';Signalétique du hall peu lisible;', ';Signalétique du hall illisible de loin;');
    const before = await harness.bot.app.actions.get(`${year}-02`);

    const text = await importCsv(changed);
    expect(text).toContain('Plan d’actions importé');
    expect(text).toContain('0 action(s) créée(s), 1 remplacée(s).');
    expect(text).toContain('2 ligne(s) identique(s)');

    const after = await harness.bot.app.actions.get(`${year}-02`);
    expect(after).toMatchObject({ finding: 'Signalétique du hall illisible de loin', revision: (before?.revision ?? 0) + 1, action: before?.action, ownerId: adele.aadObjectId });
    const history = await harness.bot.app.actions.history(`${year}-02`);
    expect(history.map((entry) => entry.action)).toEqual(['action.import', 'action.create']);
    expect(history[0]).toMatchObject({ actorId: alex.aadObjectId, before: { finding: 'Signalétique du hall peu lisible' }, after: { finding: 'Signalétique du hall illisible de loin' } });
    expect((await harness.bot.app.actions.history(`${year}-01`)).map((entry) => entry.action)).toEqual(['action.create']);
    const imports = (await harness.bot.app.audit.listMonth('2026-11')).filter((entry) => entry.action === 'actionPlan.import');
    expect(imports).toEqual([expect.objectContaining({ actorId: alex.aadObjectId, after: { rows: 3, created: 0, replaced: 1, unchanged: 2 } })]);

    // The same paste again changes nothing: what an interrupted import's re-run relies on.
    expect(await importCsv(changed)).toContain('0 action(s) créée(s), 0 remplacée(s). 3 ligne(s) identique(s)');
    expect((await harness.bot.app.actions.get(`${year}-02`))?.revision).toBe(after?.revision);
  });

  it('writes nothing when one replaced action changed since the import read it (ETag), not even the rows before it', async () => {
    const stored = await harness.bot.app.actions.get(`${year}-03`);
    if (!stored) throw new Error('missing action');
    const { etag, ...target } = stored;
    const writes = [
      { item: { ...target, id: `${year}-09`, finding: 'Ligne nouvelle' } },
      { item: { ...target, finding: 'Écrasement', revision: target.revision + 1 }, etag: etag.replace(/.$/, 'x"') },
    ];
    await expect(harness.bot.app.actions.importAll(writes, { actorId: alex.aadObjectId, action: 'action.import', entityType: 'action' }, clock.now())).rejects.toBeInstanceOf(ConcurrentUpdateError);
    expect(await harness.bot.app.actions.get(`${year}-09`)).toBeUndefined();
    expect(await harness.bot.app.actions.get(`${year}-03`)).toEqual(stored);
  });
});
