import ExcelJS from 'exceljs';
import { cellText } from '../../services/action-plan/action-plan-xlsx';
import { formatFraudSignalId, type FraudSignal } from '../../services/fraud/fraud-signal';
import type { FraudVolume } from '../../services/fraud/fraud-volumes';
import { seed003Data, trainingTypes } from '../unit/report-seed003.fixture';
import { adele, alex, installActivity, megan, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { cardTexts } from '../support/card-validation';
import { movableClock, testConnectionString } from '../support/test-storage';

const monday = '2026-11-23T09:00:00.000Z'; // 10:00 in Paris
const secret = 'integration-test-secret-of-more-than-32-characters';
type CardAction = { type: string; title: string; url?: string };

/** The fixture's fraud signals as stored ones, numbered per domain and year. */
function storedSignals(): FraudSignal[] {
  const orders = new Map<string, number>();
  return seed003Data.fraudSignals.map((signal) => {
    const year = Number(signal.detectedOn.slice(0, 4));
    const key = `${signal.service}-${year}`;
    const order = (orders.get(key) ?? 0) + 1;
    orders.set(key, order);
    return {
      ...signal,
      id: formatFraudSignalId(signal.service, year, order),
      titleType: 'autre',
      nature: 'faux-document',
      fileReference: `${year}-${order}`,
      description: 'Pièce justificative non conforme au modèle',
      authorId: '00000000-0000-0000-0000-0000000000107',
      createdAt: `${signal.detectedOn}T08:00:00.000Z`,
      submittedAt: `${signal.detectedOn}T08:00:00.000Z`,
      exchanges: [],
      revision: 1,
    };
  });
}

describe('the yearly report « bilan » on Azurite (issue 7)', () => {
  let harness: BotHarness;
  const clock = movableClock(monday);

  beforeAll(async () => {
    // The demo data (this year's plan, complaints, fraud of this year and last), then seed 003's 2020 and 2019.
    harness = await startBotHarness(testConnectionString(), clock, { PUBLIC_BASE_URL: 'https://qualibot.example.fr', EXPORT_LINK_SECRET: secret }, { actionPlan: true });
    for (const person of [alex, adele, megan]) await harness.post(installActivity(harness.connector.url, person));
    const { app } = harness.bot;
    await app.complaints.addMissing(seed003Data.complaints, 'system', clock.now());
    await app.fraudSignals.addMissing(storedSignals());
    await app.fraudVolumes.addMissing(seed003Data.fraudVolumes.map((volume): FraudVolume => ({ ...volume, enteredBy: alex.aadObjectId, enteredAt: monday })));
    await app.reportIndicators.addMissing(seed003Data.indicators);
    await app.trainingTypes.addMissing(trainingTypes);
    for (const record of seed003Data.trainingRecords) await app.trainingRecords.add(record);
  });
  afterAll(() => harness.stop());

  const say = async (text: string, from = alex) => {
    harness.connector.clear();
    clock.advance(1_000);
    await harness.post(messageActivity(harness.connector.url, text, from));
    const last = harness.connector.sent.at(-1);
    const card = (last?.attachments?.[0]?.content ?? {}) as { actions?: CardAction[] };
    return { card, text: [last?.text ?? '', ...cardTexts(card)].filter(Boolean).join('\n') };
  };
  const download = (link: string) => fetch(`${new URL(harness.endpoint).origin}${new URL(link).pathname}`);

  it('computes « bilan 2020 » from the stored data and prints seed 003’s figures', async () => {
    const { text } = await say('bilan 2020');
    expect(text).toContain('Bilan qualité 2020');
    expect(text).toContain('état au 31/12/2020');
    expect(text).toContain('42 demande(s) dans le périmètre Qual-e-pref (78 en 2019)');
    expect(text).toContain('Courriel : 24 (57 %)');
    expect(text).toContain('Courrier : 15 (36 %)');
    expect(text).toContain('Fiche du hall : 3 (7 %)');
    expect(text).toMatch(/BMI — titres des étrangers : 12 signalement\(s\) \/ 3\s870 dossiers = 3,10 ‰ \(7,18 ‰ en 2019\) — cible 5 ‰ : écart 25–50 % \(38 %\)/);
    expect(text).toMatch(/CERT CNI-Passeports : 11 signalement\(s\) \/ 20\s370 dossiers = 0,54 ‰ .* cible 0,5 ‰ : conforme/);
    expect(text).toContain('Signalements transmis au procureur (art. 40) : 52 (58 en 2019)');
    expect(text).toContain('Délai de traitement CNI / passeports : 5,9 j (14,9 j en 2019) — cible 9 j : conforme');
    expect(text).toContain('Délai de traitement renouvellement carte de séjour : 64 j (52,1 j en 2019) — cible 30 j : écart > 50 % (113 %)');
    expect(text).toContain('Taux d’appels décrochés : 91,96 % (91,46 % en 2019) — cible 90 % : conforme');
    expect(text).toContain('E.4 — Accueil physique et téléphonique : 4 agent(s) formé(s) en 2020');
    expect(text).toContain('E.28 — Valeurs du service public : 26 agent(s) formé(s) en 2020, dont 26 en e-learning');
    expect(text).toContain('Légende : conforme');
  });

  it('links the card to its workbook, one sheet per table, and audits the download', async () => {
    const { card } = await say('bilan 2020');
    const links = (card.actions ?? []).filter((action) => action.type === 'Action.OpenUrl');
    expect(links).toHaveLength(1);
    expect(links[0]?.title).toBe('Télécharger le bilan (Excel)');
    const response = await download(links[0]?.url ?? '');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="bilan-qualite-2020.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Réclamations', 'Délais de réponse', 'Titres et accueil', 'Fraude', 'Formation', 'Plan d’actions', 'Contrôles', 'Légende']);
    const complaints = workbook.getWorksheet('Réclamations');
    const rows = [2, 3, 4, 5].map((n) => (complaints?.getRow(n).values as ExcelJS.CellValue[]).slice(1).map(cellText));
    expect(rows).toEqual([
      ['COURRIEL', '24', '57'],
      ['COURRIER', '15', '36'],
      ['FICHE DU HALL', '3', '7'],
      ['TOTAL', '42', '100'],
    ]);
    const fraud = workbook.getWorksheet('Fraude');
    expect((fraud?.getRow(2).values as ExcelJS.CellValue[]).slice(1).map(cellText)).toEqual(['BMI — titres des étrangers', '12', '3870', '3.1', '7.18', '5', '38', 'écart 25–50 %', '12']);
    const entries = (await harness.bot.app.audit.listMonth('2026-11', { limit: 1000 })).filter((entry) => entry.action === 'export.download');
    expect(entries).toContainEqual(expect.objectContaining({ actorId: alex.aadObjectId, entityId: 'report', after: { kind: 'report', format: 'xlsx', period: '2020', rows: expect.any(Number) } }));
  });

  it('shows this year’s report from the demo data, with every section and the quarter under way', async () => {
    const { text, card } = await say('bilan');
    expect(text).toContain('Bilan qualité 2026');
    expect(text).toContain('état au 23/11/2026');
    for (const title of ['Demandes d’information, réclamations, suggestions', 'Délais moyens de traitement des titres', 'Appels décrochés, connexions internet', 'Fraude', 'Formation', 'Plan d’actions', 'Contrôles trimestriels de l’information']) {
      expect(text).toContain(title);
    }
    expect(text).toMatch(/\d+ demande\(s\) dans le périmètre Qual-e-pref/);
    expect(text).toMatch(/\d+ action\(s\) au plan 2026/);
    expect(text).toContain('T4 2026 (en cours)');
    expect((card.actions ?? []).some((action) => action.type === 'Action.OpenUrl')).toBe(true);
  });

  it('says so for a year with no data at all, offers no download and writes nothing', async () => {
    const before = (await harness.bot.app.audit.listMonth('2026-11', { limit: 1000 })).length;
    const { text, card } = await say('bilan 2012');
    expect(text).toContain('Aucune donnée enregistrée pour 2012');
    expect((card.actions ?? []).some((action) => action.type === 'Action.OpenUrl')).toBe(false);
    expect((await harness.bot.app.audit.listMonth('2026-11', { limit: 1000 })).length).toBe(before);
  });

  it('answers a year to come, a word that is not a year, and someone who is not the quality officer in French', async () => {
    expect((await say('bilan 2031')).text).toContain('L’année 2031 n’a pas commencé : aucun bilan.');
    expect((await say('bilan l’an dernier')).text).toContain('n’est pas une année. Tapez « bilan » pour l’année en cours, ou « bilan 2025 ».');
    expect((await say('bilan', adele)).text).toContain('réservée aux rôles');
  });

  it('lets the quality officer enter, correct and remove an indicator per period, audited; refuses bad input and writes nothing', async () => {
    expect((await say('indicateur delai-cni-passeports 2026-T1 5,9')).text).toContain('Délai de traitement CNI / passeports, T1 2026 : 5,9 j.');
    expect((await say('indicateur cni 2026-T1 6,1')).text).toContain('T1 2026 : 6,1 j (remplace 5,9 j).');
    expect((await say('indicateur appels 2026 91,96 %')).text).toContain('Taux d’appels décrochés, 2026 : 91,96 %.');
    const card = (await say('indicateurs')).text;
    expect(card).toContain('Indicateurs saisis — 2026');
    expect(card).toContain('T1 2026 : 6,1 j');

    const stored = await harness.bot.app.reportIndicators.listYear(2026);
    expect((await say('indicateur cni 2027 3')).text).toContain('La période 2027 n’a pas commencé');
    expect((await say('indicateur cni 2026-T4 beaucoup')).text).toContain('Valeur « beaucoup » illisible');
    expect((await say('indicateur delai-titres-sejour 2026 3')).text).toContain('Indicateur « delai-titres-sejour » inconnu');
    expect((await say('indicateur cni 2026-T2 3', megan)).text).toContain('réservée aux rôles');
    expect(await harness.bot.app.reportIndicators.listYear(2026)).toEqual(stored);
    expect(await harness.bot.app.reportIndicators.listYear(2027)).toEqual([]);

    expect((await say('indicateur cni 2026-T1 effacer')).text).toContain('valeur 6,1 j effacée');
    const audit = (await harness.bot.app.audit.listMonth('2026-11', { limit: 1000 })).filter((entry) => entry.entityType === 'reportIndicator');
    expect(audit.map((entry) => entry.action).sort()).toEqual(['reportIndicator.remove', 'reportIndicator.set', 'reportIndicator.set', 'reportIndicator.set']);
    expect(audit).toContainEqual(expect.objectContaining({ entityId: 'delai-cni-passeports|2026-Q1', before: { value: 5.9 }, after: { value: 6.1 } }));

    const report = (await say('bilan')).text;
    expect(report).toContain('Taux d’appels décrochés : 91,96 % — cible 90 % : conforme');
    expect(report).toContain('Délai de traitement CNI / passeports : non saisi — cible 9 j');
  });
});
