import fc from 'fast-check';
import type { RateLimits, RateWindow } from '../../services/reminders/rate-limiter';
import { defaultTeamsLimits, SendRateLimiter, teamsLimits } from '../../services/reminders/rate-limiter';

/** First broken window among these send times ("3 sends in [0, 1000) > 2"), or undefined when all hold. */
function brokenWindow(times: readonly number[], windows: readonly RateWindow[]): string | undefined {
  const sorted = [...times].sort((a, b) => a - b);
  for (const { count, windowMs } of windows) {
    // count + 1 sends closer together than windowMs would share one window [first, first + windowMs).
    for (let i = 0; i + count < sorted.length; i += 1) {
      const first = sorted[i] ?? 0;
      const last = sorted[i + count] ?? 0;
      if (last - first < windowMs) return `${count + 1} sends in [${first}, ${first + windowMs}) > ${count}`;
    }
  }
  return undefined;
}

/** Send times booked per conversation, and all together. */
function book(limiter: SendRateLimiter, requests: readonly (readonly [string, number])[]) {
  const byConversation = new Map<string, number[]>();
  const all: number[] = [];
  const reserved = requests.map(([key, now]) => {
    const at = limiter.reserve(key, now);
    byConversation.set(key, [...(byConversation.get(key) ?? []), at]);
    all.push(at);
    return at;
  });
  return { byConversation, all, reserved };
}

const nonDecreasingRequests = (conversations: number, maxStepMs: number, maxLength: number) =>
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: conversations - 1 }), fc.integer({ min: 0, max: maxStepMs })), {
      maxLength,
    })
    .map((steps) => {
      let now = 0;
      return steps.map(([conversation, step]): [string, number] => {
        now += step;
        return [`c${conversation}`, now];
      });
    });

describe('SendRateLimiter', () => {
  it('paces a burst of 20 sends to one conversation: 7 at once, then as the 1 s and 2 s windows allow', () => {
    const { all } = book(new SendRateLimiter(), Array.from({ length: 20 }, () => ['alice', 0] as const));

    const sevenAt = (ms: number) => Array.from({ length: 7 }, () => ms);
    expect(all).toEqual([...sevenAt(0), 1000, ...sevenAt(2000), 3000, 4000, 4000, 4000, 4000]);
    expect(brokenWindow(all, [{ count: 7, windowMs: 1000 }, { count: 8, windowMs: 2000 }])).toBeUndefined();
  });

  it('spreads one send to each of 100 conversations so that no second holds more than 50', () => {
    const { all } = book(new SendRateLimiter(), Array.from({ length: 100 }, (_, i) => [`user-${i}`, 0] as const));

    expect(all.filter((at) => at === 0)).toHaveLength(50);
    expect(all.filter((at) => at === 1000)).toHaveLength(50);
    expect(brokenWindow(all, [{ count: 50, windowMs: 1000 }])).toBeUndefined();
  });

  it('follows a tenant rate configured at 30 per second, as older pages said', () => {
    const requests = Array.from({ length: 90 }, (_, i) => [`u${i}`, 0] as const);
    const { all } = book(new SendRateLimiter(teamsLimits(30)), requests);

    expect(all.slice(25, 35)).toEqual([0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000]);
    expect(Math.max(...all)).toBe(2000);
  });

  it('never breaks a window nor books before now, and keeps each conversation in order, for any requests', () => {
    fc.assert(
      fc.property(nonDecreasingRequests(6, 400, 150), (requests) => {
        const { byConversation, all, reserved } = book(new SendRateLimiter(), requests);

        requests.forEach(([, now], i) => expect(reserved[i]).toBeGreaterThanOrEqual(now));
        expect(brokenWindow(all, defaultTeamsLimits.global)).toBeUndefined();
        for (const times of byConversation.values()) {
          expect(brokenWindow(times, defaultTeamsLimits.perConversation)).toBeUndefined();
          expect(times).toEqual([...times].sort((a, b) => a - b));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('books the earliest instant that breaks no window, under any small limits', () => {
    const windows = (max: number) =>
      fc.array(fc.record({ count: fc.integer({ min: 1, max: 4 }), windowMs: fc.integer({ min: 1, max: 40 }) }), {
        maxLength: max,
      });
    fc.assert(
      fc.property(
        windows(3),
        windows(2),
        nonDecreasingRequests(4, 15, 40),
        (perConversation, global, requests) => {
          const limits: RateLimits = { perConversation, global };
          const limiter = new SendRateLimiter(limits);
          const byConversation = new Map<string, number[]>();
          const all: number[] = [];
          for (const [key, now] of requests) {
            const mine = byConversation.get(key) ?? [];
            // Brute force: the first instant from max(now, previous send of this conversation) breaking nothing.
            let expected = Math.max(now, ...mine);
            while (
              brokenWindow([...mine, expected], perConversation) !== undefined ||
              brokenWindow([...all, expected], global) !== undefined
            ) {
              expected += 1;
            }
            expect(limiter.reserve(key, now)).toBe(expected);
            byConversation.set(key, [...mine, expected]);
            all.push(expected);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('after a 429 on a conversation, books its next send at the Retry-After instant, and only its own', () => {
    const limiter = new SendRateLimiter();
    limiter.penalize('alice', 5_000);

    expect(limiter.reserve('alice', 1_000)).toBe(5_000);
    expect(limiter.reserve('bob', 1_000)).toBe(1_000);
    expect(limiter.reserve('alice', 6_000)).toBe(6_000);
  });

  it('after a 429 for the whole tenant, books no send of any conversation before the Retry-After instant', () => {
    const limiter = new SendRateLimiter();
    limiter.penalizeGlobal(3_000);

    expect(limiter.reserve('alice', 0)).toBe(3_000);
    expect(limiter.reserve('bob', 2_000)).toBe(3_000);
    expect(limiter.reserve('carol', 4_000)).toBe(4_000);
  });

  it('pushes every later reservation to at least the penalty, for any penalty', () => {
    fc.assert(
      fc.property(nonDecreasingRequests(3, 2_000, 30), fc.nat(100_000), (requests, untilMs) => {
        const limiter = new SendRateLimiter();
        limiter.penalize('c0', untilMs);
        for (const [key, now] of requests) {
          const at = limiter.reserve(key, now);
          if (key === 'c0') expect(at).toBeGreaterThanOrEqual(untilMs);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps at most 1,800 timestamps for a conversation that got 10,000 sends over many hours', () => {
    const limiter = new SendRateLimiter();
    let now = 0;
    let largest = 0;
    for (let i = 0; i < 10_000; i += 1) {
      // The caller sleeps until its booked instant, then sends; then some time passes.
      now = limiter.reserve('busy', now) + (i % 7) * 100;
      largest = Math.max(largest, limiter.size('busy'));
    }
    expect(largest).toBe(1_800);
    expect(now).toBeGreaterThan(5 * 3_600_000);
  });

  it('keeps at most 1,800 timestamps for a conversation even when 5,000 sends are booked at once', () => {
    const limiter = new SendRateLimiter();
    for (let i = 0; i < 5_000; i += 1) limiter.reserve('busy', 0);

    expect(limiter.size('busy')).toBe(1_800);
    expect(limiter.reserve('busy', 0)).toBeGreaterThan(2 * 3_600_000);
  });

  it('forgets conversations once their longest window has passed, and the tenant sends after a second', () => {
    const limiter = new SendRateLimiter();
    for (let i = 0; i < 100; i += 1) limiter.reserve(`user-${i}`, 0);
    expect(limiter.conversationCount()).toBe(100);

    limiter.reserve('late', 3_600_000 + 60_000);

    expect(limiter.conversationCount()).toBe(1);
    expect(limiter.size()).toBe(2);
  });

  it('never books before the latest time seen, even when the clock steps back', () => {
    const limiter = new SendRateLimiter();
    limiter.reserve('alice', 10_000);

    expect(limiter.reserve('bob', 0)).toBe(10_000);
  });

  it.each<[string, RateLimits]>([
    ['a count of 0', { perConversation: [{ count: 0, windowMs: 1000 }], global: [] }],
    ['a fractional count', { perConversation: [], global: [{ count: 1.5, windowMs: 1000 }] }],
    ['an empty window', { perConversation: [], global: [{ count: 5, windowMs: 0 }] }],
  ])('refuses limits with %s', (_, limits) => {
    expect(() => new SendRateLimiter(limits)).toThrow(RangeError);
  });

  it('refuses a time that is not a finite number', () => {
    expect(() => new SendRateLimiter().reserve('alice', Number.NaN)).toThrow(RangeError);
    expect(() => new SendRateLimiter().penalize('alice', Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
