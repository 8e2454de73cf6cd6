import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { minExportLinkSecretLength } from '../services/exports/export-link';
import { defaultRetentionPeriods, type RetentionPeriods } from '../services/retention/retention-policy';

/** App types botbuilder's ConfigurationBotFrameworkAuthentication understands. */
const appTypes = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const emptyToUndefined = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = z.preprocess(emptyToUndefined, z.string().trim().optional());

// Retention periods in whole months: at least one, at most a century (a typo such as 6000 is refused).
const retentionMonths = (fallback: number) => z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1200).default(fallback));

const rawSchema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(3978)),
  NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'test', 'production']).default('development')),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.preprocess(emptyToUndefined, z.enum(appTypes).default('MultiTenant')),
  MicrosoftAppTenantId: optionalText,
  STORAGE_CONNECTION_STRING: optionalText,
  STORAGE_ACCOUNT_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  TZ_NAME: z.preprocess(emptyToUndefined, z.string().default('Europe/Paris')),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(logLevels).default('info')),
  REFERENTIEL: z.preprocess(emptyToUndefined, z.enum(['cher', 'loire', 'somme']).default('cher')),
  BotOpenIdMetadata: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  SWEEP_INTERVAL_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(1440).default(5)),
  TEAMS_TENANT_RATE_PER_SECOND: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1000).default(50)),
  EXPORT_LINK_SECRET: z.preprocess(emptyToUndefined, z.string().min(minExportLinkSecretLength).optional()),
  PUBLIC_BASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/ })
      .refine((url) => !/[?#]/.test(url), 'no query or fragment')
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  RETENTION_FRAUD_CLOSED_MONTHS: retentionMonths(defaultRetentionPeriods.fraudClosedMonths),
  RETENTION_FRAUD_UNQUALIFIED_MONTHS: retentionMonths(defaultRetentionPeriods.fraudUnqualifiedMonths),
  RETENTION_COMPLAINTS_CLOSED_MONTHS: retentionMonths(defaultRetentionPeriods.complaintsClosedMonths),
  INITIAL_ADMINS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((text) => text.split(/[\s,;]+/).filter(Boolean).map((id) => id.toLowerCase()))
      .pipe(z.array(z.string().regex(/^[0-9a-f-]{32,40}$/)))
      .optional(),
  ),
});

/** How to fix each variable, shown when it is bad or missing. */
const hints: Record<string, string> = {
  PORT: 'a TCP port between 1 and 65535, e.g. PORT=3978',
  NODE_ENV: 'one of development, test, production',
  MicrosoftAppId: 'the Azure Bot app (client) id, or the managed identity client id for UserAssignedMSI',
  MicrosoftAppPassword: 'the app secret (client secret); required for MultiTenant and SingleTenant',
  MicrosoftAppType: `one of ${appTypes.join(', ')}`,
  MicrosoftAppTenantId: 'the Entra tenant id; required for SingleTenant and UserAssignedMSI',
  STORAGE_CONNECTION_STRING: 'an Azure Storage connection string (DefaultEndpointsProtocol=...;AccountName=...)',
  STORAGE_ACCOUNT_URL: 'the table endpoint, e.g. https://<account>.table.core.windows.net (uses managed identity)',
  TZ_NAME: 'an IANA time zone, e.g. Europe/Paris',
  LOG_LEVEL: `one of ${logLevels.join(', ')}`,
  REFERENTIEL: 'the commitments catalogue to load: cher, loire or somme',
  SWEEP_INTERVAL_MINUTES: 'minutes between reminder sweeps (0 = none: npm run sweep only)',
  TEAMS_TENANT_RATE_PER_SECOND: 'proactive sends per second allowed per tenant (Teams documents 50; older pages said 30)',
  INITIAL_ADMINS: 'Entra object ids (aadObjectId) separated by commas, who become admin at their first message while the directory has no admin',
  EXPORT_LINK_SECRET: `a random secret of at least ${minExportLinkSecretLength} characters signing download links, e.g. openssl rand -base64 48`,
  PUBLIC_BASE_URL: 'the bot\'s public https origin, used in download links, e.g. https://qualibot-prod-app-abc123.azurewebsites.net',
  RETENTION_FRAUD_CLOSED_MONTHS: 'whole months a confirmed fraud signal is kept after its confirmation, 1 to 1200 (default 60: 5 years, CNIL)',
  RETENTION_FRAUD_UNQUALIFIED_MONTHS: 'whole months after creation before a fraud signal never confirmed is deleted, 1 to 1200 (default 6, CNIL)',
  RETENTION_COMPLAINTS_CLOSED_MONTHS: 'whole months a complaint is kept once answered or filed, 1 to 1200 (default 60)',
  BotOpenIdMetadata: 'URL of the OpenID metadata that publishes the channel’s signing keys (leave unset for the public cloud)',
};

/** Where the tables live: a connection string (Azurite, shared key) or an account URL with managed identity. */
export type StorageSetting =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'accountUrl'; url: string }
  | { kind: 'localAzurite' };

/** Bot credentials; `local` means authentication is off (development only). */
export type BotAuthSetting =
  | { kind: 'local' }
  | {
      kind: 'azure';
      appId: string;
      appPassword?: string;
      appType: (typeof appTypes)[number];
      tenantId?: string;
      /** Where the channel's signing keys are published; Bot Framework's public cloud when absent. */
      openIdMetadataUrl?: string;
    };

/** The validated configuration every part of Qualibot reads. */
export interface AppConfig {
  port: number;
  environment: 'development' | 'test' | 'production';
  auth: BotAuthSetting;
  storage: StorageSetting;
  timeZone: string;
  logLevel: (typeof logLevels)[number];
  referentiel: 'cher' | 'loire' | 'somme';
  /** People made admin when they first write while nobody is admin yet (first install in a tenant). */
  initialAdmins: string[];
  /** Reminder sweep pacing. */
  reminders: { intervalMinutes: number; tenantRatePerSecond: number };
  /** How long fraud signals and complaints are kept before `npm run purge` deletes them (months). */
  retention: RetentionPeriods;
  /** Signed download links (exports): the HMAC secret and the address links start with. */
  exportLinks: {
    secret: string;
    /** True when no secret was configured and one was drawn for this process (development): links die at restart. */
    secretGenerated: boolean;
    /** Public origin of the bot, no trailing slash. */
    publicBaseUrl: string;
  };
}

/** Thrown at start-up with every problem listed, so one run tells the operator all there is to fix. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Parses the environment once; outside production, no app id means local mode and no storage means Azurite. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = rawSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '?');
      problems.push(`${name}: ${issue.message} (expected ${hints[name] ?? 'a valid value'})`);
    }
    throw new ConfigurationError(problems);
  }
  const raw = parsed.data;
  const production = raw.NODE_ENV === 'production';
  const need = (name: string) => problems.push(`${name}: missing (expected ${hints[name]})`);

  if (!isValidTimeZone(raw.TZ_NAME)) problems.push(`TZ_NAME: unknown time zone "${raw.TZ_NAME}" (expected ${hints.TZ_NAME})`);
  if (raw.STORAGE_CONNECTION_STRING && raw.STORAGE_ACCOUNT_URL) {
    problems.push('STORAGE_CONNECTION_STRING and STORAGE_ACCOUNT_URL: set only one of them');
  }

  let auth: BotAuthSetting = { kind: 'local' };
  if (raw.MicrosoftAppId) {
    if (raw.MicrosoftAppType !== 'UserAssignedMSI' && !raw.MicrosoftAppPassword) need('MicrosoftAppPassword');
    if (raw.MicrosoftAppType !== 'MultiTenant' && !raw.MicrosoftAppTenantId) need('MicrosoftAppTenantId');
    auth = {
      kind: 'azure',
      appId: raw.MicrosoftAppId,
      appPassword: raw.MicrosoftAppPassword,
      appType: raw.MicrosoftAppType,
      tenantId: raw.MicrosoftAppTenantId,
      openIdMetadataUrl: raw.BotOpenIdMetadata,
    };
  } else if (production) {
    problems.push(`MicrosoftAppId: required when NODE_ENV=production, the bot never runs unauthenticated (expected ${hints.MicrosoftAppId})`);
  } else if (env.WEBSITE_SITE_NAME?.trim()) {
    // App Service sets WEBSITE_SITE_NAME on every app: a deployment that forgot NODE_ENV must not run open either,
    // since without authentication anyone may post an activity in anyone's name (PLATFORM.md).
    problems.push(`MicrosoftAppId: required on Azure App Service (WEBSITE_SITE_NAME is set), the bot never runs unauthenticated there (expected ${hints.MicrosoftAppId})`);
  }

  let storage: StorageSetting = { kind: 'localAzurite' };
  if (raw.STORAGE_CONNECTION_STRING) storage = { kind: 'connectionString', connectionString: raw.STORAGE_CONNECTION_STRING };
  else if (raw.STORAGE_ACCOUNT_URL) storage = { kind: 'accountUrl', url: raw.STORAGE_ACCOUNT_URL };
  else if (production) {
    problems.push('STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL: required when NODE_ENV=production (no silent local default)');
  }

  if (raw.RETENTION_FRAUD_UNQUALIFIED_MONTHS > raw.RETENTION_FRAUD_CLOSED_MONTHS) {
    problems.push('RETENTION_FRAUD_UNQUALIFIED_MONTHS: longer than RETENTION_FRAUD_CLOSED_MONTHS, an alert never confirmed would outlive a confirmed fraud');
  }

  if (production && !raw.EXPORT_LINK_SECRET) need('EXPORT_LINK_SECRET');
  if (production && !raw.PUBLIC_BASE_URL) need('PUBLIC_BASE_URL');
  else if (production && !raw.PUBLIC_BASE_URL?.startsWith('https://')) {
    problems.push(`PUBLIC_BASE_URL: must be https when NODE_ENV=production (expected ${hints.PUBLIC_BASE_URL})`);
  }

  if (problems.length > 0) throw new ConfigurationError(problems);
  return {
    port: raw.PORT,
    environment: raw.NODE_ENV,
    auth,
    storage,
    timeZone: raw.TZ_NAME,
    logLevel: raw.LOG_LEVEL,
    referentiel: raw.REFERENTIEL,
    initialAdmins: raw.INITIAL_ADMINS ?? [],
    reminders: { intervalMinutes: raw.SWEEP_INTERVAL_MINUTES, tenantRatePerSecond: raw.TEAMS_TENANT_RATE_PER_SECOND },
    retention: {
      fraudClosedMonths: raw.RETENTION_FRAUD_CLOSED_MONTHS,
      fraudUnqualifiedMonths: raw.RETENTION_FRAUD_UNQUALIFIED_MONTHS,
      complaintsClosedMonths: raw.RETENTION_COMPLAINTS_CLOSED_MONTHS,
    },
    exportLinks: {
      // Outside production a missing secret is drawn at random: links then only work until the process restarts.
      secret: raw.EXPORT_LINK_SECRET ?? randomBytes(32).toString('base64url'),
      secretGenerated: !raw.EXPORT_LINK_SECRET,
      publicBaseUrl: raw.PUBLIC_BASE_URL ?? `http://localhost:${raw.PORT}`,
    },
  };
}
