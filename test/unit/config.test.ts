import { ConfigurationError, loadConfig } from '../../bot/config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs locally with no settings: port 3978, auth off, local Azurite, Paris time, Cher référentiel', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3978,
      environment: 'development',
      auth: { kind: 'local' },
      storage: { kind: 'localAzurite' },
      timeZone: 'Europe/Paris',
      referentiel: 'cher',
    });
  });

  it('reads a connection string or a managed-identity account URL', () => {
    expect(loadConfig({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }).storage.kind).toBe('connectionString');
    expect(loadConfig({ STORAGE_ACCOUNT_URL: 'https://acct.table.core.windows.net' }).storage).toEqual({
      kind: 'accountUrl',
      url: 'https://acct.table.core.windows.net',
    });
  });

  it('refuses to start in production without app id, storage, link secret or public address, naming all in one error', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/MicrosoftAppId/);
    expect(problems[1]).toMatch(/STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL/);
    expect(problems[2]).toMatch(/^EXPORT_LINK_SECRET: missing/);
    expect(problems[3]).toMatch(/^PUBLIC_BASE_URL: missing/);
  });

  it('lists every bad variable at once, each with how to fix it', () => {
    const problems = problemsOf({ PORT: 'abc', LOG_LEVEL: 'loud', MicrosoftAppType: 'Nope', TZ_NAME: '' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(expect.arrayContaining(['PORT', 'LOG_LEVEL', 'MicrosoftAppType']));
    expect(problems.every((p) => p.includes('expected'))).toBe(true);
  });

  it('checks the credentials each app type needs', () => {
    expect(problemsOf({ MicrosoftAppId: 'id', MicrosoftAppType: 'SingleTenant' })).toEqual([
      expect.stringMatching(/^MicrosoftAppPassword/),
      expect.stringMatching(/^MicrosoftAppTenantId/),
    ]);
    expect(problemsOf({ MicrosoftAppId: 'id', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' })).toEqual([]);
  });

  it('rejects an unknown time zone and two storage settings at once', () => {
    const problems = problemsOf({
      TZ_NAME: 'Mars/Olympus',
      STORAGE_CONNECTION_STRING: 'x',
      STORAGE_ACCOUNT_URL: 'https://a.table.core.windows.net',
    });
    expect(problems).toHaveLength(2);
  });

  it('starts in production with everything set', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      MicrosoftAppId: 'app',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: 'tenant',
      STORAGE_ACCOUNT_URL: 'https://acct.table.core.windows.net',
      EXPORT_LINK_SECRET: 's'.repeat(32),
      PUBLIC_BASE_URL: 'https://qualibot.example.fr/',
    });
    expect(config.auth).toMatchObject({ kind: 'azure', appId: 'app', appType: 'UserAssignedMSI' });
    expect(config.exportLinks).toEqual({ secret: 's'.repeat(32), secretGenerated: false, publicBaseUrl: 'https://qualibot.example.fr' });
  });

  it('signs download links with a random per-process secret and localhost links outside production', () => {
    const first = loadConfig({ PORT: '4000' }).exportLinks;
    expect(first).toMatchObject({ secretGenerated: true, publicBaseUrl: 'http://localhost:4000' });
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({}).exportLinks.secret).not.toBe(first.secret);
  });

  it('refuses a short link secret, and a public address that is not https in production', () => {
    expect(problemsOf({ EXPORT_LINK_SECRET: 'short' })).toEqual([expect.stringMatching(/^EXPORT_LINK_SECRET: .*expected a random secret of at least 32/)]);
    expect(problemsOf({ PUBLIC_BASE_URL: 'https://bot.example.fr/?x=1' })).toEqual([expect.stringMatching(/^PUBLIC_BASE_URL/)]);
    const problems = problemsOf({
      NODE_ENV: 'production',
      MicrosoftAppId: 'app',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: 'tenant',
      STORAGE_ACCOUNT_URL: 'https://acct.table.core.windows.net',
      EXPORT_LINK_SECRET: 's'.repeat(40),
      PUBLIC_BASE_URL: 'http://qualibot.example.fr',
    });
    expect(problems).toEqual([expect.stringMatching(/^PUBLIC_BASE_URL: must be https/)]);
  });
});
