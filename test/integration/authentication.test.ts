import { systemClock } from '../../services/clock';
import { tableNames } from '../../services/storage/table-names';
import { listAllEntities } from '../../services/storage/table-pages';
import { cardTexts } from '../support/card-validation';
import { cardActionActivity, messageActivity } from '../support/activities';
import { startBotHarness, startProductionHarness, type BotHarness } from '../support/bot-harness';
import { OpenIdServer, newSigningKey, signJwt } from '../support/jwt';
import { testConnectionString } from '../support/test-storage';

const appId = '4f3b2a10-9c8d-4e7f-a6b5-0123456789ab';
const channelKey = newSigningKey('channel-key');
const attackerKey = newSigningKey('attacker-key');

describe('with an app id configured, every request must carry a valid Bot Framework token', () => {
  let openId: OpenIdServer;
  let harness: BotHarness;
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const claims = (serviceUrl: string, overrides: Record<string, unknown> = {}) => ({
    iss: 'https://api.botframework.com',
    aud: appId,
    serviceurl: serviceUrl,
    nbf: nowSeconds() - 60,
    exp: nowSeconds() + 600,
    ...overrides,
  });

  beforeAll(async () => {
    openId = new OpenIdServer([channelKey]);
    await openId.start();
    harness = await startProductionHarness(appId, openId.url);
  });
  afterAll(async () => {
    await harness.stop();
    await openId.stop();
  });

  const storedRows = async () => {
    const tables = [tableNames.people, tableNames.processedActivities, tableNames.conversations, tableNames.audit];
    const counts = await Promise.all(tables.map((t) => listAllEntities(harness.bot.app.store.table(t)).then((rows) => rows.length)));
    return counts.join(',');
  };

  it('answers 401 to a request without a token and writes nothing', async () => {
    const before = await storedRows();
    const stranger = { id: 'x', aadObjectId: 'abcdefab-0000-4000-8000-0000000000aa', name: 'Intrus' };
    const response = await harness.post(messageActivity(harness.connector.url, 'aide', stranger));
    expect(response.status).toBe(401);
    expect(harness.connector.sent).toHaveLength(0);
    expect(await storedRows()).toBe(before);
  });

  it('answers 401 to a token signed by a key of our own, and writes nothing', async () => {
    const before = await storedRows();
    const activity = messageActivity(harness.connector.url, 'aide');
    const forged = signJwt(attackerKey, claims(harness.connector.url));
    const response = await harness.post(activity, { authorization: `Bearer ${forged}` });
    expect(response.status).toBe(401);
    expect(await storedRows()).toBe(before);
  });

  it('answers 401 to a correctly signed token meant for another bot or another service URL', async () => {
    const wrongAudience = signJwt(channelKey, claims(harness.connector.url, { aud: 'another-bot' }));
    expect((await harness.post(messageActivity(harness.connector.url, 'aide'), { authorization: `Bearer ${wrongAudience}` })).status).toBe(401);
    const wrongServiceUrl = signJwt(channelKey, claims('https://evil.example/'));
    expect((await harness.post(messageActivity(harness.connector.url, 'aide'), { authorization: `Bearer ${wrongServiceUrl}` })).status).toBe(401);
    const expired = signJwt(channelKey, claims(harness.connector.url, { exp: nowSeconds() - 3600, nbf: nowSeconds() - 7200 }));
    expect((await harness.post(messageActivity(harness.connector.url, 'aide'), { authorization: `Bearer ${expired}` })).status).toBe(401);
  });

  it('processes a request whose token the channel signed', async () => {
    const activity = cardActionActivity(harness.connector.url, 'commitments.page', { page: 0 });
    const token = signJwt(channelKey, claims(harness.connector.url));
    const response = await harness.post(activity, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(cardTexts((response.body as { value: unknown }).value).join()).toContain('page 1 / 2');
  });
});

describe('HTTP hardening', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), systemClock);
  });
  afterAll(() => harness.stop());

  it('sends security headers and no server banner', async () => {
    const response = await fetch(harness.endpoint.replace('/api/messages', '/healthz'));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('server')).toBeNull();
  });

  it('refuses a body over the size limit with 413, before the bot sees it', async () => {
    const huge = messageActivity(harness.connector.url, 'a'.repeat(600 * 1024));
    expect((await harness.post(huge)).status).toBe(413);
    expect(harness.connector.sent).toHaveLength(0);
  });

  it('lets a turn in flight finish when shutting down', async () => {
    const slow = await startBotHarness(testConnectionString(), systemClock);
    slow.connector.delayMs = 1500;
    const turn = slow.post(messageActivity(slow.connector.url, 'aide'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await slow.bot.close();
    expect((await turn).status).toBe(200);
    expect(slow.connector.sent).toHaveLength(1);
    await slow.connector.stop();
  });
});
