import { systemClock } from '../../services/clock';
import { cardTexts } from '../support/card-validation';
import { adele, cardActionActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { testConnectionString } from '../support/test-storage';

type InvokeBody = { value: unknown };

describe('buttons that run a chat command (command.run)', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), systemClock);
  });
  afterAll(() => harness.stop());

  const click = async (data: Record<string, unknown>, from = adele) =>
    cardTexts(((await harness.post(cardActionActivity(harness.connector.url, 'command.run', data, from))).body as InvokeBody).value).join('\n');

  it('replaces the card with the command’s card', async () => {
    expect(await click({ command: 'whoami' })).toContain('Adele Vance');
  });

  it('refuses a command the person may not run, and a name that is no command', async () => {
    expect(await click({ command: 'directory' })).toContain('réservée à d’autres rôles');
    expect(await click({ command: 'launch' })).toContain('Données invalides');
    expect(await click({ command: { $ne: null } })).toContain('Données invalides');
  });
});
