import type { FraudSignalDraft } from '../../services/fraud/fraud-signal';
import { alex, cardActionActivity, installActivity, isaiah, megan, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { cardTexts } from '../support/card-validation';
import { movableClock, testConnectionString } from '../support/test-storage';

const monday = '2026-11-23T09:00:00.000Z';
type InvokeBody = { value: unknown };

/** A signal as the form would build it, with the state given. */
function draft(service: 'BMI' | 'CERT', detectedOn: string, state: FraudSignalDraft['state'], reported = false): FraudSignalDraft {
  return {
    service,
    titleType: service === 'BMI' ? 'titre-sejour' : 'cni',
    nature: 'faux-document',
    detectedOn,
    fileReference: `${detectedOn.slice(0, 4)}-${service}-00001`,
    description: 'Pièce justificative non conforme au modèle',
    article40: reported ? { reported: true, on: detectedOn } : { reported: false },
    authorId: '00000000-0000-0000-0000-0000000000107',
    createdAt: monday,
    state,
    submittedAt: monday,
    exchanges: [],
    revision: 0,
  };
}

describe('fraud rates on Azurite: volumes entered in chat, rates per thousand against the targets', () => {
  let harness: BotHarness;
  const clock = movableClock(monday);

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), clock);
    for (const person of [alex, megan, isaiah]) await harness.post(installActivity(harness.connector.url, person));
    const signals = harness.bot.app.fraudSignals;
    await signals.create(draft('CERT', '2026-10-05', 'confirmed'));
    await signals.create(draft('CERT', '2026-10-20', 'submitted'));
    await signals.create(draft('CERT', '2026-11-02', 'not-confirmed', true));
    await signals.create(draft('CERT', '2025-06-10', 'confirmed'));
    await signals.create(draft('BMI', '2026-03-10', 'confirmed', true));
  });
  afterAll(() => harness.stop());

  const say = async (text: string, from = alex) => {
    harness.connector.clear();
    clock.advance(1_000);
    await harness.post(messageActivity(harness.connector.url, text, from));
    const last = harness.connector.sent.at(-1);
    return [last?.text ?? '', ...cardTexts(last?.attachments?.[0]?.content)].filter(Boolean).join('\n');
  };

  it('keeps each domain and year in its own partition, so listing one reads no other', async () => {
    const cert = await harness.bot.app.fraudSignals.listPartition('CERT', 2026);
    expect(cert.map((signal) => signal.id)).toEqual(['CERT-2026-0001', 'CERT-2026-0002', 'CERT-2026-0003']);
    const october = await harness.bot.app.fraudSignals.listPartition('CERT', 2026, { from: '2026-10-01', to: '2026-10-31' });
    expect(october.map((signal) => signal.id)).toEqual(['CERT-2026-0001', 'CERT-2026-0002']);
    const table = harness.bot.app.store.table('FraudSignals');
    const keys = [];
    for await (const row of table.listEntities({ queryOptions: { select: ['PartitionKey', 'RowKey'] } })) keys.push(`${row.partitionKey}/${row.rowKey}`);
    expect(keys.sort()).toEqual(['BMI|2026/BMI-2026-0001', 'CERT|2025/CERT-2025-0001', 'CERT|2026/CERT-2026-0001', 'CERT|2026/CERT-2026-0002', 'CERT|2026/CERT-2026-0003']);
  });

  it('says there is no rate, rather than dividing by zero, while no volume is entered', async () => {
    const overview = await say('fraude');
    expect(overview).toContain('Fraude — indicateurs 2026');
    expect(overview).toContain('2026 : 2 signalement(s) (dont 1 en cours de qualification) — aucun volume saisi : taux non calculable ; 1 transmis au procureur (art. 40)');
    expect(overview).toContain('CERT-2026-0002'); // awaiting qualification
    expect(overview).toMatch(/3 signalement\(s\) retenu\(s\) \(2 confirmé\(s\), 1 en cours de qualification\), 1 non confirmé\(s\) ; 2 transmis/);
  });

  it('enters a quarter’s volume in chat and computes the rate against the target', async () => {
    expect(await say('volumes CERT 2026-T4 2 000')).toMatch(/Volume enregistré — CERT, T4 2026 : 2\s000 dossiers traités\./);
    const overview = await say('fraude');
    expect(overview).toMatch(/T4 2026 : 2 signalement\(s\) \(dont 1 en cours de qualification\) \/ 2\s000 dossiers = 1,00 ‰ — cible 0,5 ‰ : atteinte/);
    expect(overview).toMatch(/2026 : 2 signalement\(s\) \(dont 1 en cours de qualification\) ; taux sur T4 : 2 signalement\(s\) \/ 2\s000 dossiers = 1,00 ‰/);
    // BMI: a signal in Q1 and no volume at all.
    expect(overview).toContain('T1 2026 : 1 signalement(s) — aucun volume saisi : taux non calculable ; 1 transmis au procureur (art. 40)');
  });

  it('replaces a corrected volume and keeps the old figure in the audit trail', async () => {
    expect(await say('volumes cert T4 2026 4000')).toMatch(/4\s000 dossiers traités \(au lieu de 2\s000\)/);
    expect(await harness.bot.app.fraudVolumes.get('CERT', '2026-Q4')).toMatchObject({ volume: 4000, enteredBy: alex.aadObjectId });
    const [entry] = (await harness.bot.app.audit.listMonth('2026-11')).filter((row) => row.action === 'fraud.volume');
    expect(entry).toMatchObject({ entityId: 'CERT|2026-Q4', before: expect.objectContaining({ volume: 2000 }), after: expect.objectContaining({ volume: 4000 }) });
    expect(await say('fraude')).toMatch(/T4 2026 : 2 signalement\(s\) \(dont 1 en cours de qualification\) \/ 4\s000 dossiers = 0,50 ‰ — cible 0,5 ‰ : atteinte/);
  });

  it('shows an earlier year on request, with a volume of zero giving no rate', async () => {
    expect(await say('fraude 2025')).toContain('2025 : 1 signalement(s) — aucun volume saisi : taux non calculable');
    await say('volumes CERT 2025 0');
    expect(await say('fraude 2025')).toContain('2025 : 1 signalement(s) — volume nul : taux non calculable');
  });

  it('refuses an unknown service, a bad number, a period not begun and another service’s volumes, writing nothing', async () => {
    const before = [...(await harness.bot.app.fraudVolumes.listYear(2026)), ...(await harness.bot.app.fraudVolumes.listYear(2027))];
    expect(await say('volumes XYZ 2026-T4 100')).toContain('Service « XYZ » inconnu : choisissez parmi BMI, CERT, PERMIS, SIV, AUTRE.');
    expect(await say('volumes CERT 2026-T4 12,5')).toContain('doit être un nombre entier');
    expect(await say('volumes CERT 2026-T4 -12')).toContain('ne peut pas être négatif');
    expect(await say('volumes CERT 2027 100')).toContain('La période 2027 n’a pas commencé');
    expect(await say('volumes CERT 2026-T3 100', megan)).toContain('Vous ne pouvez saisir les volumes que de BMI.');
    expect(await say('volumes CERT 2026')).toContain('Écrivez par exemple « volumes BMI 2025-T1 12500 »');
    expect(await say('fraude 2030')).toContain('L’année 2030 n’a pas commencé');
    expect(await say('fraude deux mille')).toContain('Indiquez une année');
    const after = [...(await harness.bot.app.fraudVolumes.listYear(2026)), ...(await harness.bot.app.fraudVolumes.listYear(2027))];
    expect(after).toEqual(before);
  });

  it('lets a manager enter their service’s volume on the card, with errors next to the fields', async () => {
    const post = async (data: Record<string, unknown>) => {
      const response = await harness.post(cardActionActivity(harness.connector.url, 'fraudVolumes.save', data, megan));
      return cardTexts((response.body as InvokeBody).value).join('\n');
    };
    expect(await say('volumes', megan)).toContain('Volumes de dossiers traités');
    expect(await post({ service: 'CERT', period: '2026-Q3', volume: '1 500' })).toContain('Vous ne pouvez saisir les volumes que de BMI.');
    expect(await post({ service: 'BMI', period: '2026-Q3', volume: '' })).toContain('Indiquez le nombre de dossiers traités.');
    expect(await post({ service: 'BMI', period: '2026-Q3', volume: '1 500' })).toMatch(/Volume enregistré — BMI, T3 2026 : 1\s500 dossiers traités\./);
    expect(await harness.bot.app.fraudVolumes.get('BMI', '2026-Q3')).toMatchObject({ volume: 1500, enteredBy: megan.aadObjectId });
  });
});
