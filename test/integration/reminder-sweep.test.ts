import { fixedClock } from '../../services/clock';
import type { PlannedReminder } from '../../services/reminders/reminder';
import type { PlanningWindow } from '../../services/reminders/reminder-source';
import { cardTexts } from '../support/card-validation';
import { adele, alex, installActivity, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { testConnectionString } from '../support/test-storage';

const monday = '2027-01-04T09:00:00.000Z'; // 10:00 in Paris, a working day
const neverInstalled = 'dddddddd-0000-4000-8000-00000000000d';

function reminder(key: string, recipientId: string): PlannedReminder {
  return {
    key,
    recipientId,
    notBefore: '2027-01-04T07:30:00.000Z',
    text: { fr: { title: `Contrôle ${key}`, detail: 'À confirmer avant le 31/03/2027' }, en: { title: `Check ${key}`, detail: 'Due 2027-03-31' } },
    action: { verb: 'command.run', data: { command: 'whoami' }, title: { fr: 'Mon profil', en: 'My profile' } },
  };
}

describe('a reminder sweep through the bot: planned, sent proactively as one digest, listed', () => {
  let harness: BotHarness;
  const windows: PlanningWindow[] = [];

  beforeAll(async () => {
    // No demo data (so no demo check items): only the test source plans; Alex becomes admin at first contact.
    harness = await startBotHarness(testConnectionString(), fixedClock(monday), { INITIAL_ADMINS: alex.aadObjectId }, {
      seed: false,
      reminderSources: () => [
        {
          name: 'test',
          plan: async (window) => {
            windows.push(window);
            return [reminder('check:HALL:2027-Q1:start', alex.aadObjectId), reminder('check:WEB:2027-Q1:start', alex.aadObjectId), reminder('check:TEL:2027-Q1:start', neverInstalled)];
          },
        },
      ],
    });
    await harness.post(installActivity(harness.connector.url, alex));
    await harness.post(installActivity(harness.connector.url, adele));
  });
  afterAll(() => harness.stop());

  it('refuses « rappels maintenant » to an agent', async () => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, 'rappels maintenant', adele));
    expect(cardTexts(harness.connector.cards().at(-1)).join()).toContain('réservée aux rôles : Responsable qualité, Administrateur');
    expect(windows).toHaveLength(0);
  });

  it('sends Alex one card listing both checks, and reports the person without Qualibot as unreachable', async () => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, 'rappels maintenant', alex));
    const digests = harness.connector.cards().filter((card) => cardTexts(card).join().includes('Vous avez 2 rappels'));
    expect(digests).toHaveLength(1);
    expect(cardTexts(digests[0]).join('\n')).toMatch(/Contrôle check:HALL:2027-Q1:start[\s\S]*Contrôle check:WEB:2027-Q1:start/);
    expect(harness.connector.sent.at(-1)?.text).toBe(
      'Rappels : 3 planifié(s), 2 envoyé(s) en 1 message(s), 0 reporté(s), 0 en échec, 1 injoignable(s).',
    );
    expect(windows[0]).toEqual({ since: undefined, now: new Date(monday) });
  });

  it('plans from where the last sweep stopped, and sends nothing twice', async () => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, 'rappels maintenant', alex));
    expect(windows[1]?.since).toEqual(new Date(monday));
    expect(harness.connector.sent.at(-1)?.text).toContain('0 planifié(s), 0 envoyé(s)');
    expect(harness.connector.cards().filter((card) => cardTexts(card).join().includes('rappels'))).toHaveLength(0);
  });

  it('requeues the reminders of someone who installs Qualibot afterwards, and sends them with the next sweep', async () => {
    const late = { id: 'u-late', aadObjectId: neverInstalled, name: 'Installé Tard' };
    expect((await harness.bot.app.outbox.get(neverInstalled, 'check:TEL:2027-Q1:start'))?.status).toBe('unreachable');
    await harness.post(installActivity(harness.connector.url, late));
    expect((await harness.bot.app.outbox.get(neverInstalled, 'check:TEL:2027-Q1:start'))?.status).toBe('pending');
    harness.connector.clear();
    const report = await harness.bot.reminders.runOnce();
    expect(report).toMatchObject({ sent: 1, unreachable: 0 });
    expect(harness.connector.sent.some((a) => a.conversationId === `personal-chat-${late.id}`)).toBe(true);
  });

  it('lists them in « mes rappels » with where each one stands', async () => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, 'mes rappels', alex));
    const texts = cardTexts(harness.connector.cards().at(-1)).join('\n');
    expect(texts).toContain('Vos rappels');
    expect(texts).toContain('Envoyé le 04/01/2027 10:00');
  });
});
