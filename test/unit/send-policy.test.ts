import fc from 'fast-check';
import type { SendFailure } from '../../services/reminders/send-policy';
import {
  backoffCeilingMs,
  decideRetry,
  defaultRetryOptions,
  parseRetryAfter,
} from '../../services/reminders/send-policy';

const now = Date.UTC(2026, 10, 16, 9, 30, 0);
const half = () => 0.5;

describe('decideRetry', () => {
  it.each<[string, SendFailure, string, boolean]>([
    ['429 without Retry-After', { status: 429 }, 'rate-limited', false],
    ['408', { status: 408 }, 'request-timeout', false],
    ['412', { status: 412 }, 'precondition-failed', false],
    ['500', { status: 500 }, 'server-error', true],
    ['502', { status: 502 }, 'bad-gateway', true],
    ['503', { status: 503 }, 'service-unavailable', false],
    ['504', { status: 504 }, 'gateway-timeout', true],
    ['an unlisted 5xx', { status: 507 }, 'server-error', true],
    ['a refused connection', { code: 'ECONNREFUSED' }, 'connection-refused', false],
    ['a failed name lookup', { code: 'ENOTFOUND' }, 'dns-failure', false],
    ['a temporary name lookup failure', { code: 'EAI_AGAIN' }, 'dns-failure', false],
    ['a timeout', { code: 'ETIMEDOUT' }, 'timeout', true],
    ['a reset connection', { code: 'ECONNRESET' }, 'connection-reset', true],
  ])('retries after %s with backoff, flagging a possible duplicate only if the send may have happened', (...row) => {
    const [, failure, reason, mayDuplicate] = row;
    expect(decideRetry(failure, 1, now, half)).toEqual({ kind: 'retry', atMs: now + 500, reason, mayDuplicate });
  });

  it.each<[string, SendFailure, string]>([
    ['403 (bot uninstalled or blocked)', { status: 403 }, 'uninstalled'],
    ['404 (conversation gone)', { status: 404, retryAfter: '5' }, 'conversation-not-found'],
  ])('gives up on the person after %s', (_, failure, reason) => {
    expect(decideRetry(failure, 1, now, half)).toEqual({ kind: 'unreachable', reason });
  });

  it.each<[string, SendFailure, string]>([
    ['400', { status: 400 }, 'bad-request'],
    ['401', { status: 401 }, 'unauthorized'],
    ['413 (message too big)', { status: 413 }, 'client-error'],
    ['409', { status: 409, retryAfter: '1' }, 'client-error'],
    ['a 3xx', { status: 302 }, 'unexpected-status'],
    ['an unknown network error', { code: 'EWHATEVER' }, 'unknown-error'],
    ['an error with neither status nor code', {}, 'unknown-error'],
  ])('fails the message for good after %s', (_, failure, reason) => {
    expect(decideRetry(failure, 1, now, half)).toEqual({ kind: 'failed', reason });
  });

  it('lets the status decide when a network code comes with it', () => {
    expect(decideRetry({ status: 403, code: 'ECONNRESET' }, 1, now, half).kind).toBe('unreachable');
  });

  it("honours a 429's Retry-After in seconds", () => {
    const decision = decideRetry({ status: 429, retryAfter: '5' }, 1, now, half);
    expect(decision).toMatchObject({ kind: 'retry', atMs: now + 5_000 });
  });

  it("honours a 429's Retry-After given as an HTTP-date 10 s ahead", () => {
    const retryAfter = new Date(now + 10_000).toUTCString();

    expect(decideRetry({ status: 429, retryAfter }, 1, now, half)).toMatchObject({ kind: 'retry', atMs: now + 10_000 });
  });

  it('honours a Retry-After on a 503 too', () => {
    expect(decideRetry({ status: 503, retryAfter: '30' }, 2, now, half)).toMatchObject({ atMs: now + 30_000 });
  });

  it('falls back on backoff when Retry-After is garbage', () => {
    for (const retryAfter of ['soon', '', '-5', '5s', '2026-11-16T09:30:10Z']) {
      expect(decideRetry({ status: 429, retryAfter }, 3, now, half)).toMatchObject({ atMs: now + 2_000 });
    }
  });

  it('waits at most 10 minutes whatever Retry-After asks', () => {
    expect(decideRetry({ status: 429, retryAfter: '86400' }, 1, now, half)).toMatchObject({ atMs: now + 600_000 });
  });

  it('gives up after the 8th failed send by default, saying what the last failure was', () => {
    expect(decideRetry({ status: 503 }, 7, now, half).kind).toBe('retry');
    expect(decideRetry({ status: 503 }, 8, now, half)).toEqual({
      kind: 'failed',
      reason: 'attempts-exhausted',
      lastReason: 'service-unavailable',
    });
    expect(decideRetry({ status: 503 }, 3, now, half, { maxAttempts: 3 }).kind).toBe('failed');
  });

  it('refuses an attempt number below 1 or fractional, and bad options', () => {
    expect(() => decideRetry({ status: 503 }, 0, now, half)).toThrow(RangeError);
    expect(() => decideRetry({ status: 503 }, 1.5, now, half)).toThrow(RangeError);
    expect(() => decideRetry({ status: 503 }, 1, now, half, { factor: 0.5 })).toThrow(RangeError);
    expect(() => decideRetry({ status: 503 }, 1, now, half, { maxAttempts: 0 })).toThrow(RangeError);
  });

  const retryableWithoutHeader = fc.oneof(
    fc.constantFrom(408, 412, 429, 500, 502, 503, 504).map((status): SendFailure => ({ status })),
    fc
      .constantFrom('ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET')
      .map((code): SendFailure => ({ code })),
  );
  const unitInterval = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

  it('retries within [now, now + the ceiling of the attempt ≤ 5 min], as drawn by the injected random', () => {
    fc.assert(
      fc.property(retryableWithoutHeader, fc.integer({ min: 1, max: 40 }), fc.nat(2 ** 45), unitInterval, (...drawn) => {
        const [failure, attempt, at, draw] = drawn;
        const decision = decideRetry(failure, attempt, at, () => draw, { maxAttempts: 50 });
        if (decision.kind !== 'retry') throw new Error(`expected a retry, got ${decision.kind}`);
        expect(decision.atMs).toBeGreaterThanOrEqual(at);
        expect(decision.atMs).toBeLessThanOrEqual(at + defaultRetryOptions.maxBackoffMs);
        expect(decision.atMs - at).toBe(Math.floor(draw * backoffCeilingMs(attempt)));
      }),
      { numRuns: 1000 },
    );
  });

  it('doubles the backoff ceiling per attempt from 1 s until it reaches 5 min', () => {
    expect(backoffCeilingMs(1)).toBe(1_000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (attempt) => {
        expect(backoffCeilingMs(attempt + 1)).toBe(Math.min(300_000, 2 * backoffCeilingMs(attempt)));
      }),
      { numRuns: 1000 },
    );
    expect(backoffCeilingMs(9)).toBe(256_000);
    expect(backoffCeilingMs(10)).toBe(300_000);
  });

  it('never retries a 403 or a 404, whatever the attempt, header or code', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(403, 404),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.option(fc.string(), { nil: undefined }),
        fc.option(fc.constantFrom('ETIMEDOUT', 'ECONNREFUSED'), { nil: undefined }),
        unitInterval,
        (status, attempt, retryAfter, code, draw) => {
          expect(decideRetry({ status, retryAfter, code }, attempt, now, () => draw).kind).toBe('unreachable');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('waits exactly what a delay-seconds Retry-After asks, up to 10 minutes', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 7 }), (seconds, attempt) => {
        const decision = decideRetry({ status: 429, retryAfter: String(seconds) }, attempt, now, half);
        expect(decision).toMatchObject({ atMs: now + Math.min(seconds * 1_000, 600_000) });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseRetryAfter', () => {
  it.each<[string, number | undefined]>([
    ['5', 5_000],
    [' 120 ', 120_000],
    ['0', 0],
    ['1.5', 1_500],
    ['Mon, 16 Nov 2026 09:30:10 GMT', 10_000],
    ['Monday, 16-Nov-26 09:31:00 GMT', 60_000],
    ['Mon Nov 16 09:30:02 2026', 2_000],
    ['Sun Nov  1 00:00:00 2026', 0],
    ['Sun, 06 Nov 1994 08:49:37 GMT', 0],
    ['', undefined],
    ['soon', undefined],
    ['-5', undefined],
    ['5 s', undefined],
    ['2026-11-16T09:30:10Z', undefined],
    ['Mon, 30 Feb 2026 09:30:10 GMT', undefined],
    ['Mon, 16 Nov 2026 25:30:10 GMT', undefined],
    ['Mon, 16 Foo 2026 09:30:10 GMT', undefined],
  ])('reads %j as %j ms from now', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it('reads a two-digit year more than 50 years ahead as the past century (RFC 9110 §5.6.7)', () => {
    expect(parseRetryAfter('Saturday, 01-Jan-77 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('Wednesday, 01-Jan-76 00:00:00 GMT', now)).toBe(Date.UTC(2076, 0, 1) - now);
  });

  it('reads back any future instant written as an IMF-fixdate', () => {
    fc.assert(
      fc.property(fc.nat(10 * 365 * 86_400), (seconds) => {
        const at = now + seconds * 1_000;
        expect(parseRetryAfter(new Date(at).toUTCString(), now)).toBe(seconds * 1_000);
      }),
      { numRuns: 1000 },
    );
  });
});
