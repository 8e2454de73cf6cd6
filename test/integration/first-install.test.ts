import { systemClock } from '../../services/clock';
import { cardTexts } from '../support/card-validation';
import { messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { testConnectionString } from '../support/test-storage';

const first = { id: 'u-first', aadObjectId: 'a1a1a1a1-0000-4000-8000-000000000001', name: 'Première Admin' };
const second = { id: 'u-second', aadObjectId: 'b2b2b2b2-0000-4000-8000-000000000002', name: 'Second Listé' };
const agent = { id: 'u-agent', aadObjectId: 'c3c3c3c3-0000-4000-8000-000000000003', name: 'Agent Ordinaire' };

describe('a first install in an empty tenant', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(
      testConnectionString(),
      systemClock,
      { INITIAL_ADMINS: `${first.aadObjectId.toUpperCase()}, ${second.aadObjectId}` },
      { seed: false },
    );
  });
  afterAll(() => harness.stop());

  const say = async (text: string, from: typeof first) => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, text, from));
    const sent = harness.connector.sent.at(-1);
    return sent?.text ?? cardTexts(harness.connector.cards().at(-1)).join('\n');
  };

  it('makes the first listed person admin while nobody is, and nobody else afterwards', async () => {
    expect(await say('qui suis-je', agent)).toContain('Agent');
    expect(await say('qui suis-je', agent)).not.toContain('Administrateur');
    expect(await say('qui suis-je', first)).toContain('Agent, Administrateur');
    expect(await say('qui suis-je', second)).not.toContain('Administrateur');
    const audit = await harness.bot.app.audit.listMonth(new Date().toISOString().slice(0, 7), { entityId: first.aadObjectId });
    expect(audit.map((e) => e.action)).toContain('person.initialAdmin');
  });

  it('lets that admin create the services, refused to an agent, then list them for everyone', async () => {
    expect(await say('services', agent)).toContain('Aucun service');
    expect(await say('service SGCD Secrétariat général commun départemental', first)).toBe(
      'Service SGCD créé : Secrétariat général commun départemental.',
    );
    expect(await say('service qualite Mission qualité parent sgcd', first)).toContain('Service QUALITE créé');
    expect(await say('service BMI Bureau parent XYZ', first)).toContain('Le service parent « XYZ » n’existe pas.');
    expect(await say('service SGCD Secrétariat général commun', first)).toContain('Service SGCD mis à jour');
    expect(await say('service', first)).toContain('Écrivez « service CODE Nom complet »');
    expect(await say('service BMI Bureau des migrations', agent)).toContain('réservée aux rôles : Administrateur');
    const list = await say('services', agent);
    expect(list).toContain('**QUALITE** — Mission qualité (SGCD)');
    expect(await harness.bot.app.services.get('BMI')).toBeUndefined();
  });
});
