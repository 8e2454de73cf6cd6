import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock';
import { aadObjectIdSchema } from '../directory/person';
import { exportFormats, exportKinds } from './export-kind-names';

/** How long a download link stays valid: long enough to click it, short enough that a forwarded link soon dies. */
export const defaultExportLinkTtlMs = 15 * 60 * 1000;

/** Shortest secret accepted: 32 characters (256 bits when random). */
export const minExportLinkSecretLength = 32;

/** What a link downloads, for whom, until when: the signed payload of the token. */
export const exportLinkClaimsSchema = z
  .object({
    /** The list (export-kinds.ts): action plan, checks, training, complaints, fraud, audit trail, yearly report. */
    kind: z.enum(exportKinds),
    format: z.enum(exportFormats),
    /** aadObjectId of the person the link was made for; the route checks again that they may still export. */
    personId: aadObjectIdSchema,
    /** Which part of the list: a year, a quarter or a month of it, or everything when absent. */
    filter: z
      .object({
        year: z.number().int().min(2000).max(9999),
        /** One quarter of the year (checks). */
        quarter: z.number().int().min(1).max(4).optional(),
        /** One month of the year (audit trail). */
        month: z.number().int().min(1).max(12).optional(),
      })
      .strict()
      .refine((filter) => filter.quarter === undefined || filter.month === undefined, 'a quarter or a month, not both')
      .optional(),
    /** Expiry, seconds since the Unix epoch (as a JWT's `exp`). */
    exp: z.number().int().positive(),
  })
  .strict();

/** The signed payload of a download link. */
export type ExportLinkClaims = z.infer<typeof exportLinkClaimsSchema>;

/** What a link is asked for; the expiry is added when signing. */
export type ExportLinkRequest = Omit<ExportLinkClaims, 'exp'>;

/** Why a token was refused: for tests and logs only, never told to the person holding it. */
export type ExportLinkRefusal = 'malformed' | 'bad-signature' | 'expired';

/** A verified token's claims, or why it was refused. */
export type ExportLinkCheck = { ok: true; claims: ExportLinkClaims } | { ok: false; reason: ExportLinkRefusal };

/** Longest token read (a real one is ~250 characters): anything longer is refused unread. */
export const maxExportTokenLength = 2048;

const base64url = /^[A-Za-z0-9_-]+$/;

function signature(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/**
 * A download link's token: base64url(JSON claims) + '.' + base64url(HMAC-SHA256(secret, that first part)). Stateless,
 * so any instance of the bot that shares the secret can serve it; nothing is stored.
 */
export function signExportLink(request: ExportLinkRequest, secret: string, now: Date, ttlMs = defaultExportLinkTtlMs): { token: string; expiresAt: Date } {
  const exp = Math.floor((now.getTime() + ttlMs) / 1000);
  const claims = exportLinkClaimsSchema.parse({ ...request, exp });
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return { token: `${payload}.${signature(secret, payload).toString('base64url')}`, expiresAt: new Date(exp * 1000) };
}

/** Checks a token: well formed, signed with this secret (constant-time comparison), not expired at `now`. */
export function verifyExportLink(token: string, secret: string, now: Date): ExportLinkCheck {
  const parts = token.split('.');
  const [payload = '', mac = ''] = parts;
  if (parts.length !== 2 || token.length > maxExportTokenLength || !base64url.test(payload) || !base64url.test(mac)) return { ok: false, reason: 'malformed' };
  // Compared as text, so a signature with other unused trailing bits (same bytes once decoded) is refused too.
  const expected = Buffer.from(signature(secret, payload).toString('base64url'), 'utf8');
  const given = Buffer.from(mac, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const claims = exportLinkClaimsSchema.safeParse(decoded);
  if (!claims.success) return { ok: false, reason: 'malformed' };
  if (claims.data.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims: claims.data };
}

/** Makes download links for handlers: the signed token under the bot's public address. */
export interface ExportLinkIssuer {
  issue(request: ExportLinkRequest): { url: string; expiresAt: Date };
}

/** Settings of the download links (EXPORT_LINK_SECRET, PUBLIC_BASE_URL). */
export interface ExportLinkSettings {
  secret: string;
  /** The bot's public origin, no trailing slash ("https://qualibot-prod-app-abc123.azurewebsites.net"). */
  publicBaseUrl: string;
  ttlMs?: number;
}

/** Path under which the bot serves downloads; the token follows it. */
export const exportPathPrefix = '/exports/';

/** An issuer signing with the configured secret, links valid from the clock's now. */
export function createExportLinkIssuer(settings: ExportLinkSettings, clock: Clock): ExportLinkIssuer {
  return {
    issue: (request) => {
      const { token, expiresAt } = signExportLink(request, settings.secret, clock.now(), settings.ttlMs);
      return { url: `${settings.publicBaseUrl.replace(/\/+$/, '')}${exportPathPrefix}${token}`, expiresAt };
    },
  };
}
