import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { cellText } from '../../services/action-plan/action-plan-xlsx';
import { signExportLink, type ExportLinkRequest } from '../../services/exports/export-link';
import { adele, alex, installActivity, isaiah, megan, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { cardTexts } from '../support/card-validation';
import { movableClock, testConnectionString } from '../support/test-storage';

const monday = '2026-11-23T09:00:00.000Z'; // 10:00 in Paris
const secret = 'integration-test-secret-of-more-than-32-characters';
const publicBaseUrl = 'https://qualibot.example.fr';
const refused = 'Ce lien de téléchargement n’est pas ou plus valable. Demandez-en un nouveau à Qualibot : « exporter le plan d’action ».\n';
/** Patti Fernandez: an admin (IT) without the fraud referent's or the quality officer's role. */
const patti = '00000000-0000-0000-0000-0000000000024';
type CardAction = { type: string; title: string; url: string };

/** What each list's file starts with, its name, and a command that asks for it. */
const lists = [
  { command: 'exporter contrôles', file: 'controles-2026', header: ['Trimestre', 'Élément', 'Libellé', 'Engagement'] },
  { command: 'exporter contrôles T4 2026', file: 'controles-2026-T4', header: ['Trimestre', 'Élément'] },
  { command: 'exporter formations', file: 'formations-2026-11-23', header: ['Nom', 'E-mail', 'Service', 'Formation'] },
  { command: 'exporter réclamations 2026', file: 'reclamations-2026', header: ['Numéro', 'Reçue le', 'Canal', 'Nature'] },
  { command: 'exporter fraude 2025', file: 'fraude-2025', header: ['Numéro', 'Domaine', 'Titre', 'Nature'] },
  { command: 'export audit', file: 'journal-audit-2026-11', header: ['Date (UTC)', 'Auteur', 'Action', 'Type'] },
] as const;

describe('exports for auditors: every list as XLSX and CSV through signed, expiring, personal links (issue 7)', () => {
  let harness: BotHarness;
  const clock = movableClock(monday);

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), clock, { PUBLIC_BASE_URL: publicBaseUrl, EXPORT_LINK_SECRET: secret }, { actionPlan: true });
    for (const person of [alex, adele, megan, isaiah]) await harness.post(installActivity(harness.connector.url, person));
  });
  afterAll(() => harness.stop());

  const say = async (text: string, from: typeof alex = alex) => {
    harness.connector.clear();
    clock.advance(1_000);
    await harness.post(messageActivity(harness.connector.url, text, from));
    const last = harness.connector.sent.at(-1);
    const card = (last?.attachments?.[0]?.content ?? {}) as { actions?: CardAction[] };
    const actions = (card.actions ?? []).filter((action) => action.type === 'Action.OpenUrl');
    return {
      text: [last?.text ?? '', ...cardTexts(card)].filter(Boolean).join('\n'),
      actions,
      xlsx: actions.find((action) => action.title.includes('Excel'))?.url ?? '',
      csv: actions.find((action) => action.title.includes('CSV'))?.url ?? '',
    };
  };
  const fetchPath = (path: string) => fetch(`${new URL(harness.endpoint).origin}${path}`);
  const download = (link: string) => fetchPath(new URL(link).pathname);
  const signed = (request: ExportLinkRequest) => `/exports/${signExportLink(request, secret, clock.now()).token}`;
  const audit = async () => (await harness.bot.app.audit.listMonth('2026-11', { limit: 1000 })).filter((entry) => entry.action === 'export.download');
  const records = (text: string): string[][] => {
    const table: string[][] = parse(text, { delimiter: ';', bom: true });
    return table;
  };
  const csvOf = async (command: string, from: typeof alex = alex) => records(Buffer.from(await (await download((await say(command, from)).csv)).arrayBuffer()).toString('utf8'));
  const workbookRows = async (body: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    const rows: string[][] = [];
    for (let n = 1; n <= (sheet?.rowCount ?? 0); n += 1) rows.push(Array.from({ length: sheet?.columnCount ?? 0 }, (_, i) => cellText(sheet?.getRow(n).getCell(i + 1).value ?? null)));
    return { workbook, rows };
  };

  it.each(lists)('« $command » gives two links; the CSV (BOM, `;`) and the workbook hold the same rows', async ({ command, file, header }) => {
    const { text, xlsx, csv } = await say(command);
    expect(text).toContain('Liens valables jusqu’à');
    expect(text).toContain('(15 minutes)');
    expect(xlsx).toMatch(new RegExp(`^${publicBaseUrl}/exports/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));

    const csvResponse = await download(csv);
    expect(csvResponse.status).toBe(200);
    expect(csvResponse.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csvResponse.headers.get('content-disposition')).toBe(`attachment; filename="${file}.csv"`);
    expect(csvResponse.headers.get('cache-control')).toBe('no-store');
    const body = Buffer.from(await csvResponse.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = records(body.toString('utf8'));
    expect(table[0]?.slice(0, header.length)).toEqual([...header]);
    if (!command.includes('audit')) expect(text).toContain(table.length === 1 ? 'Aucune ligne' : `${table.length - 1} ligne(s) dans le fichier.`);

    const xlsxResponse = await download(xlsx);
    expect(xlsxResponse.status).toBe(200);
    expect(xlsxResponse.headers.get('content-disposition')).toBe(`attachment; filename="${file}.xlsx"`);
    const { rows } = await workbookRows(Buffer.from(await xlsxResponse.arrayBuffer()));
    // The audit trail grew by the CSV's own download in between; every other list is the same file.
    if (command.includes('audit')) expect(rows[0]).toEqual(table[0]);
    else expect(rows).toEqual(table);
  });

  it('has rows from the demo data in the lists, and the plan still through its own card', async () => {
    const complaints = await csvOf('exporter réclamations');
    expect(complaints.length).toBeGreaterThan(5);
    expect(complaints[1]?.[0]).toMatch(/^R-2026-\d{4}$/);
    const fraud = await csvOf('exporter fraude 2025');
    expect(fraud.slice(1).every((row) => /^(BMI|CERT|PERMIS|SIV|AUTRE)-2025-\d{4}$/.test(row[0] ?? ''))).toBe(true);
    expect(fraud.length).toBeGreaterThan(10);
    const plan = await say('exporter plan 2026');
    expect(plan.text).toContain('Plan d’actions 2026');
    expect((await download(plan.csv)).headers.get('content-disposition')).toBe('attachment; filename="plan-d-actions-2026.csv"');
  });

  it('gives the yearly report as a workbook only', async () => {
    const { text, actions, xlsx } = await say('exporter bilan 2025');
    expect(text).toContain('Bilan qualité — 2025');
    expect(text).toContain('Classeur de 8 feuille(s).');
    expect(actions).toHaveLength(1);
    const response = await download(xlsx);
    expect(response.status).toBe(200);
    const { workbook } = await workbookRows(Buffer.from(await response.arrayBuffer()));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('Fraude');
    expect((await fetchPath(signed({ kind: 'report', format: 'csv', personId: alex.aadObjectId, filter: { year: 2025 } }))).status).toBe(403);
  });

  it('logs every download in the audit trail with the list, format, period and rows, and no names', async () => {
    const entries = await audit();
    expect(entries.length).toBeGreaterThanOrEqual(2 * lists.length);
    expect(entries).toContainEqual(expect.objectContaining({ actorId: alex.aadObjectId, entityType: 'export', entityId: 'complaints', after: { kind: 'complaints', format: 'csv', period: '2026', rows: expect.any(Number) } }));
    expect(entries).toContainEqual(expect.objectContaining({ entityId: 'checks', after: expect.objectContaining({ period: '2026-T4' }) }));
    expect(entries).toContainEqual(expect.objectContaining({ entityId: 'audit', after: expect.objectContaining({ period: '2026-11' }) }));
    for (const entry of entries) {
      expect(Object.keys(entry.after as object).sort()).toEqual(['format', 'kind', 'period', 'rows']);
      expect(JSON.stringify(entry.after)).not.toContain('@');
    }
    const trail = await csvOf('exporter audit 2026-11');
    expect(trail.some((row) => row[2] === 'export.download' && row[1] === 'alex.wilber@cher.gouv.fr')).toBe(true);
  });

  it('keeps fraud to the fraud referent and the quality officer: others are refused, a link made for them is 403', async () => {
    expect((await say('exporter fraude', adele)).text).toContain('réservée aux rôles');
    expect((await say('exporter fraude', megan)).text).toContain('réservée aux rôles');
    const referent = await say('exporter fraude 2025', isaiah);
    expect((await download(referent.csv)).status).toBe(200);
    expect((await say('exporter réclamations', isaiah)).text).toContain('L’export « Réclamations » est réservé aux rôles : Responsable qualité, Administrateur.');

    const before = (await audit()).length;
    for (const personId of [adele.aadObjectId, megan.aadObjectId, patti]) {
      const response = await fetchPath(signed({ kind: 'fraud', format: 'csv', personId, filter: { year: 2025 } }));
      expect(response.status).toBe(403);
      expect(await response.text()).toBe(refused);
    }
    expect((await fetchPath(signed({ kind: 'audit', format: 'xlsx', personId: isaiah.aadObjectId, filter: { year: 2026, month: 11 } }))).status).toBe(403);
    expect((await audit()).length).toBe(before);
  });

  it('refuses a tampered link, a period the list does not offer and an expired link with 403, writing nothing', async () => {
    const { csv } = await say('exporter réclamations 2026');
    const token = new URL(csv).pathname.split('/').at(-1) ?? '';
    const [payload = '', mac = ''] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const otherKind = Buffer.from(JSON.stringify({ ...claims, kind: 'fraud' })).toString('base64url');
    const before = (await audit()).length;
    for (const path of [`/exports/${otherKind}.${mac}`, `/exports/${payload}.${mac.slice(0, -2)}xx`, '/exports/pas-un-jeton', signed({ kind: 'complaints', format: 'csv', personId: alex.aadObjectId, filter: { year: 2026, quarter: 1 } }), signed({ kind: 'training', format: 'csv', personId: alex.aadObjectId, filter: { year: 2026 } })]) {
      const response = await fetchPath(path);
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toBe(refused);
    }
    expect((await download(csv)).status).toBe(200);
    clock.advance(15 * 60_000);
    const expired = await download(csv);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toBe(refused);
    expect((await audit()).length).toBe(before + 1);
  });

  it('answers in French an unknown list, a period not begun and a period the list does not take', async () => {
    expect((await say('exporter truc')).text).toContain('Que voulez-vous exporter ?');
    expect((await say('exporter')).text).toContain('Nommez la liste');
    expect((await say('exporter réclamations 2027')).text).toContain('Cette période n’a pas commencé : rien à exporter.');
    expect((await say('exporter formations 2025')).text).toContain('L’export « Formations » se fait sans période (l’état d’aujourd’hui).');
    expect((await say('exporter réclamations 2026-T1')).text).toContain('L’export « Réclamations » se fait par année (2026).');
    expect((await say('exporter audit hier')).text).toContain('« hier » n’est pas une période');
  });
});
