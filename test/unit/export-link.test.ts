import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { fixedClock } from '../../services/clock';
import { createExportLinkIssuer, defaultExportLinkTtlMs, signExportLink, verifyExportLink, type ExportLinkRequest } from '../../services/exports/export-link';

const secret = 'k'.repeat(24) + 'secret-for-tests';
const now = new Date('2026-11-23T09:00:00.000Z');
const request: ExportLinkRequest = { kind: 'action-plan', format: 'xlsx', personId: '00000000-0000-0000-0000-0000000000020', filter: { year: 2026 } };
const at = (ms: number) => new Date(now.getTime() + ms);

/** The token with one character of one part replaced (payload = 0, signature = 1). */
function tamper(token: string, part: 0 | 1, index: number): string {
  const parts = token.split('.');
  const text = parts[part] ?? '';
  const position = ((index % text.length) + text.length) % text.length;
  const swapped = text[position] === 'A' ? 'B' : 'A';
  parts[part] = text.slice(0, position) + swapped + text.slice(position + 1);
  return parts.join('.');
}

describe('signed download links (issue 5)', () => {
  it('accepts its own token until it expires, 15 minutes later by default, with the claims it was made for', () => {
    const { token, expiresAt } = signExportLink(request, secret, now);
    expect(expiresAt).toEqual(at(defaultExportLinkTtlMs));
    expect(verifyExportLink(token, secret, at(defaultExportLinkTtlMs - 1000))).toEqual({ ok: true, claims: { ...request, exp: expiresAt.getTime() / 1000 } });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  });

  it('refuses an expired token', () => {
    const { token } = signExportLink(request, secret, now, 60_000);
    expect(verifyExportLink(token, secret, at(60_000))).toEqual({ ok: false, reason: 'expired' });
    expect(verifyExportLink(token, secret, at(24 * 3600_000))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token whose payload was changed, even re-encoded cleanly (another person, another format)', () => {
    const { token } = signExportLink(request, secret, now);
    const [, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...request, personId: '00000000-0000-0000-0000-0000000000022', exp: 9_999_999_999 })).toString('base64url');
    expect(verifyExportLink(`${forged}.${mac}`, secret, now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyExportLink(tamper(token, 0, 5), secret, now)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a token whose signature was changed anywhere, the last character included', () => {
    const { token } = signExportLink(request, secret, now);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 42 }), (index) => {
        expect(verifyExportLink(tamper(token, 1, index), secret, now)).toEqual({ ok: false, reason: 'bad-signature' });
      }),
    );
  });

  it('refuses a token signed with another secret', () => {
    const { token } = signExportLink(request, 'another secret of more than thirty-two chars', now);
    expect(verifyExportLink(token, secret, now)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it.each([
    ['empty', ''],
    ['without signature', 'eyJhIjoxfQ'],
    ['with three parts', 'a.b.c'],
    ['with characters outside base64url', 'eyJ+.abc/'],
    ['far too long', `${'a'.repeat(3000)}.b`],
  ])('refuses a malformed token (%s)', (_name, token) => {
    expect(verifyExportLink(token, secret, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a well-signed payload that is not a link’s (no JSON, unknown kind, extra field)', () => {
    // Signs any text the way the module does, to reach the checks made after the signature.
    const sign = (payload: string) => `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
    const encode = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
    const exp = now.getTime() / 1000 + 60;
    expect(verifyExportLink(sign(encode('not json')), secret, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyExportLink(sign(encode({ ...request, kind: 'directory', exp })), secret, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyExportLink(sign(encode({ ...request, admin: true, exp })), secret, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyExportLink(sign(encode({ ...request, exp })), secret, now)).toMatchObject({ ok: true });
  });

  it('builds links under the public address, without a doubled slash', () => {
    const issuer = createExportLinkIssuer({ secret, publicBaseUrl: 'https://qualibot.example.fr/' }, fixedClock(now));
    const { url, expiresAt } = issuer.issue({ kind: 'action-plan', format: 'csv', personId: request.personId });
    expect(url).toMatch(/^https:\/\/qualibot\.example\.fr\/exports\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(expiresAt).toEqual(at(defaultExportLinkTtlMs));
    const token = url.split('/exports/')[1] ?? '';
    expect(verifyExportLink(token, secret, now)).toMatchObject({ ok: true, claims: { format: 'csv', personId: request.personId } });
  });
});
