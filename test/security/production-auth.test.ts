import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ConfigurationError, loadConfig } from '../../bot/config';
import { tableNames } from '../../services/storage/table-names';
import { listAllEntities } from '../../services/storage/table-pages';
import { alex, cardActionActivity, messageActivity } from '../support/activities';
import { startProductionHarness, type BotHarness } from '../support/bot-harness';
import { OpenIdServer, newSigningKey, signJwt } from '../support/jwt';
import { recordReliabilityRow } from '../support/reliability-report';

const appId = '7d2c5e40-1b3a-4c8d-9e6f-a1b2c3d4e5f6';
const channelKey = newSigningKey('channel-key');
const attackerKey = newSigningKey('attacker-key');
const seconds = () => Math.floor(Date.now() / 1000);

/** Settings a production deployment has (docs/DEPLOY.md), the app id aside. */
const productionSettings = {
  NODE_ENV: 'production',
  STORAGE_ACCOUNT_URL: 'https://qualibotprod.table.core.windows.net',
  EXPORT_LINK_SECRET: 'production-auth-test-secret-of-more-than-32-characters',
  PUBLIC_BASE_URL: 'https://qualibot.example.fr',
};

/** Tokens an attacker can bring (test/integration/authentication.test.ts covers the service URL claim). */
const tokens: [string, (serviceUrl: string) => string | undefined][] = [
  ['no token', () => undefined],
  ['a token signed with a key of its own', (serviceUrl) => signJwt(attackerKey, claims(serviceUrl))],
  ['a channel token for another bot', (serviceUrl) => signJwt(channelKey, claims(serviceUrl, { aud: '0b0b0b0b-another-bot' }))],
  ['an expired channel token', (serviceUrl) => signJwt(channelKey, claims(serviceUrl, { nbf: seconds() - 7200, exp: seconds() - 3600 }))],
];

function claims(serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { iss: 'https://api.botframework.com', aud: appId, serviceurl: serviceUrl, nbf: seconds() - 60, exp: seconds() + 600, ...overrides };
}

describe('production mode: only requests the channel signed for this bot get in (issue 10)', () => {
  let openId: OpenIdServer;
  let harness: BotHarness;
  const refused: string[] = [];

  beforeAll(async () => {
    // botbuilder prints each refused token on the console: the assertions below say what matters.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    openId = new OpenIdServer([channelKey]);
    await openId.start();
    harness = await startProductionHarness(appId, openId.url);
  });
  afterAll(async () => {
    await harness.stop();
    await openId.stop();
    jest.restoreAllMocks();
  });

  /** Every row of every table, with its ETag: any write changes it. */
  const storage = async () => {
    const tables = await Promise.all(
      Object.values(tableNames).map(async (table) => (await listAllEntities(harness.bot.app.store.table(table))).map((row) => `${table}|${row.partitionKey}|${row.rowKey}|${row.etag}`)),
    );
    return tables.flat().sort();
  };
  // Alex is quality officer and admin: what an unauthenticated request could do in his name is the worst case.
  const activities: [string, (serviceUrl: string) => object][] = [
    ['a message', (serviceUrl) => messageActivity(serviceUrl, 'rappels maintenant', alex)],
    ['a card click', (serviceUrl) => cardActionActivity(serviceUrl, 'labelCalendar.retire', { id: 'label', etag: '*' }, alex)],
  ];
  const cases = tokens.flatMap(([token, sign]) => activities.map(([activity, build]) => ({ token, sign, activity, build })));

  it.each(cases)('answers 401 to $activity with $token, and writes and sends nothing', async ({ sign, build, token, activity }) => {
    const before = await storage();
    const bearer = sign(harness.connector.url);
    const response = await harness.post(build(harness.connector.url), bearer ? { authorization: `Bearer ${bearer}` } : {});
    expect(response.status).toBe(401);
    expect(harness.connector.sent).toHaveLength(0);
    expect(await storage()).toEqual(before);
    refused.push(`${activity} with ${token}`);
  });

  it('serves the same message and click once the channel signed them', async () => {
    for (const [, build] of activities) {
      const response = await harness.post(build(harness.connector.url), { authorization: `Bearer ${signJwt(channelKey, claims(harness.connector.url))}` });
      expect(response.status).toBe(200);
    }
  });

  it('records its row of the reliability report', () => {
    recordReliabilityRow({
      section: 'access',
      id: 'production-authentication',
      what: 'Messages and card clicks in the quality officer’s name with no token, a forged, a misdirected or an expired token',
      cases: cases.length,
      lost: cases.length - refused.length,
      duplicates: null,
      recoveryMs: null,
      outcome: `${refused.length} of ${cases.length} answered 401 with nothing written or sent; signed requests served`,
    });
    expect(refused).toHaveLength(cases.length);
  });
});

describe('the bot refuses to start unauthenticated in production (issue 10)', () => {
  const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      if (error instanceof ConfigurationError) return error.problems;
      throw error;
    }
  };

  it.each([
    ['absent', {}],
    ['blank', { MicrosoftAppId: '   ' }],
  ])('names MicrosoftAppId when it is %s', (_label, appIdSetting) => {
    expect(problemsOf({ ...productionSettings, ...appIdSetting })).toEqual([expect.stringMatching(/^MicrosoftAppId: required when NODE_ENV=production/)]);
  });

  it('refuses on Azure App Service even when NODE_ENV was forgotten', () => {
    expect(problemsOf({ WEBSITE_SITE_NAME: 'qualibot-prod-app', STORAGE_ACCOUNT_URL: productionSettings.STORAGE_ACCOUNT_URL })).toEqual([
      expect.stringMatching(/^MicrosoftAppId: required on Azure App Service/),
    ]);
    expect(problemsOf({ WEBSITE_SITE_NAME: 'qualibot-prod-app', MicrosoftAppId: appId, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'tenant' })).toEqual([]);
  });

  it('exits with code 2 and the reason when `npm run serve` starts without an app id', async () => {
    const root = join(__dirname, '..', '..');
    const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', join('bot', 'main.ts')], {
      cwd: root,
      env: { PATH: process.env.PATH, ...productionSettings, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    // A bot that started anyway would listen forever: stopped, it exits with a signal and no code.
    const started = setTimeout(() => child.kill('SIGKILL'), 45_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(started);
    expect(output).toContain('MicrosoftAppId: required when NODE_ENV=production, the bot never runs unauthenticated');
    expect(code).toBe(2);
  }, 60_000);
});
