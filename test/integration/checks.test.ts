import { fixedClock } from '../../services/clock';
import { tableNames } from '../../services/storage/table-names';
import { cardTexts } from '../support/card-validation';
import { adele, alex, cardActionActivity, installActivity, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { testConnectionString } from '../support/test-storage';

const monday = '2027-01-04T09:00:00.000Z'; // first working day of 2027-Q1, 10:00 in Paris
type InvokeBody = { value: unknown };

describe('quarterly checks: reminded, answered on the card, shown in « contrôles »', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), fixedClock(monday));
    await harness.post(installActivity(harness.connector.url, alex));
  });
  afterAll(() => harness.stop());

  const answer = async (data: Record<string, unknown>, from = alex) =>
    cardTexts(((await harness.post(cardActionActivity(harness.connector.url, 'check.answer', data, from))).body as InvokeBody).value).join('\n');

  it('sends Alex one digest with the three checks he owns on the first working day of the quarter', async () => {
    harness.connector.clear();
    const report = await harness.bot.reminders.runOnce(new Date(monday));
    expect(report.planned).toBeGreaterThanOrEqual(7);
    // The same digest may carry Alex's training reminder (the demo's continuous training is due for renewal).
    const digest = harness.connector.cards().find((card) => cardTexts(card).join().includes('Contrôle trimestriel'));
    const texts = cardTexts(digest).join('\n');
    expect(texts.match(/Contrôle trimestriel :/g)).toHaveLength(3);
    expect(texts).toContain('Contrôle trimestriel : Horaires d’ouverture et conditions d’accès');
    expect(texts).toContain('À confirmer avant le 31/03/2027 (T1 2027)');
    expect(report.unreachable).toBeGreaterThan(0); // demo owners who never installed Qualibot
  });

  it('opens the check card from the reminder, with the three answers for its owner only', async () => {
    const data = { itemId: 'HALL-HORAIRES', quarter: '2027-Q1' };
    const forOwner = cardTexts(((await harness.post(cardActionActivity(harness.connector.url, 'check.open', data))).body as InvokeBody).value);
    expect(forOwner).toEqual(expect.arrayContaining(['Vérifié, à jour', 'Mis à jour aujourd’hui', 'Signaler un problème']));
    const forOther = cardTexts(((await harness.post(cardActionActivity(harness.connector.url, 'check.open', data, adele))).body as InvokeBody).value);
    expect(forOther).toContain('En attente de la réponse de Alex Wilber.');
    expect(forOther).not.toContain('Vérifié, à jour');
  });

  it('refuses an answer from someone else and a problem without text, writing nothing', async () => {
    expect(await answer({ itemId: 'HALL-HORAIRES', quarter: '2027-Q1', answer: 'verified' }, adele)).toContain('confié à une autre personne');
    expect(await answer({ itemId: 'WEB-HORAIRES', quarter: '2027-Q1', answer: 'problem', problem: '' })).toContain('Décrivez le problème');
    expect(await answer({ itemId: 'HALL-HORAIRES', quarter: '2027-Q9', answer: 'verified' })).toContain('Données invalides');
    expect(await harness.bot.app.checkAnswers.listQuarter('2027-Q1')).toEqual([]);
  });

  it('records « Vérifié, à jour », shows who and when, and a second answer changes nothing', async () => {
    const first = await answer({ itemId: 'HALL-HORAIRES', quarter: '2027-Q1', answer: 'verified' });
    expect(first).toContain('Vérifié, à jour — Alex Wilber, le 04/01/2027 10:00');
    const second = await answer({ itemId: 'HALL-HORAIRES', quarter: '2027-Q1', answer: 'problem', problem: 'autre chose' });
    expect(second).toContain('Vérifié, à jour — Alex Wilber');
    expect(await harness.bot.app.checkAnswers.get('2027-Q1', 'HALL-HORAIRES')).toMatchObject({ answer: 'verified', late: false });
    const audit = await harness.bot.app.audit.listMonth('2027-01', { entityId: 'HALL-HORAIRES|2027-Q1' });
    expect(audit).toHaveLength(1);
  });

  it('accepts a late answer for last quarter and flags it, but none for a quarter before the item existed', async () => {
    expect(await answer({ itemId: 'WEB-HORAIRES', quarter: '2026-Q4', answer: 'verified' })).toContain('n’est pas dû');
    // This item has been checked since June 2026.
    await harness.bot.app.store
      .table(tableNames.checkItems)
      .updateEntity({ partitionKey: 'item', rowKey: 'APPELS-TAUX', createdAt: '2026-06-01T00:00:00.000Z' }, 'Merge');
    expect(await answer({ itemId: 'APPELS-TAUX', quarter: '2026-Q4', answer: 'updated' })).toContain('en retard');
  });

  it('shows in « contrôles » what is done and what is left, everything for the quality officer, own items for an agent', async () => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, 'contrôles'));
    const all = cardTexts(harness.connector.cards().at(-1)).join('\n');
    expect(all).toContain('Tous les services');
    expect(all).toContain('1 fait(s), 6 à faire, 0 en retard');
    await harness.post(messageActivity(harness.connector.url, 'controles T4 2026'));
    expect(cardTexts(harness.connector.cards().at(-1)).join('\n')).toContain('1 fait(s), 0 à faire, 0 en retard');
    await harness.post(messageActivity(harness.connector.url, 'contrôles', adele));
    const own = cardTexts(harness.connector.cards().at(-1)).join('\n');
    expect(own).toContain('Vos contrôles');
    expect(own).toContain('Affichage du point numérique');
    expect(own).not.toContain('Horaires d’ouverture');
    await harness.post(messageActivity(harness.connector.url, 'contrôles T7 2027'));
    expect(harness.connector.sent.at(-1)?.text).toContain('Trimestre non reconnu');
  });
});
