/**
 * Pacing of proactive sends within Teams' rate limits. Pure bookkeeping: the caller passes the time in, gets back the
 * instant at which it may send, sleeps until then and sends. Exact sliding windows: a send is allowed at `t` when, with
 * it, no span of `windowMs` (half-open, `[s, s + windowMs)`) holds more than `count` sends.
 */

/** One sliding window: at most `count` sends in any span of `windowMs` milliseconds. */
export interface RateWindow {
  /** Most sends allowed in the window (a positive integer). */
  readonly count: number;
  /** Length of the window in milliseconds (a positive integer). */
  readonly windowMs: number;
}

/** The limits one limiter enforces: every window of both lists must hold for each send. */
export interface RateLimits {
  /** Windows counted per conversation thread (sends of this bot to one conversation). */
  readonly perConversation: readonly RateWindow[];
  /** Windows counted over every send of the app in the tenant this limiter serves. */
  readonly global: readonly RateWindow[];
}

/**
 * Teams' limits with a configurable per-tenant rate (PLATFORM.md: current pages say 50 per second, older ones 30).
 * Source: learn.microsoft.com, Teams platform, "Optimize your bot: rate limiting and best practices".
 */
export function teamsLimits(globalPerSecond = 50): RateLimits {
  return Object.freeze({
    // Per bot per conversation thread. "All bots together in one thread: 14 per 1 s, 16 per 2 s" is looser than
    // these for a single bot, so it needs no window of its own.
    perConversation: Object.freeze([
      Object.freeze({ count: 7, windowMs: 1_000 }),
      Object.freeze({ count: 8, windowMs: 2_000 }),
      Object.freeze({ count: 60, windowMs: 30_000 }),
      Object.freeze({ count: 1_800, windowMs: 3_600_000 }),
    ]),
    // Per app per tenant: what bounds a fan-out of one message to each of many users.
    global: Object.freeze([Object.freeze({ count: globalPerSecond, windowMs: 1_000 })]),
  });
}

/**
 * Teams' published limits, 50 sends per second per tenant
 * (learn.microsoft.com, Teams platform, "Optimize your bot: rate limiting and best practices").
 */
export const defaultTeamsLimits: RateLimits = teamsLimits(50);

/** Idle conversations are looked for at most this often, so a sweep costs O(conversations) once a minute at most. */
const sweepEveryMs = 60_000;

/**
 * Books send times for one tenant (the global windows are per app per tenant: keep one limiter per tenant).
 * Time only comes in through arguments. Messages to one conversation keep their order: a reservation is never earlier
 * than the previous one for the same conversation, so a reminder cannot overtake the one booked before it.
 */
export class SendRateLimiter {
  private readonly conversations = new Map<string, ConversationState>();
  /** Every booked send of the tenant, sorted; entries before `globalHead` are pruned. */
  private global: number[] = [];
  private globalHead = 0;
  /** Every instant in [highWaterMs, globalFullUntilMs) is known to break a global window (it stays so: see below). */
  private globalFullUntilMs = Number.NEGATIVE_INFINITY;
  private globalNotBeforeMs = Number.NEGATIVE_INFINITY;
  /** Latest `nowMs` seen: time never goes back for the limiter, or pruned entries would be needed again. */
  private highWaterMs = Number.NEGATIVE_INFINITY;
  private lastSweepMs = Number.NEGATIVE_INFINITY;
  private readonly perConversation: readonly RateWindow[];
  private readonly globalWindows: readonly RateWindow[];
  private readonly conversationCapacity: number;
  private readonly longestConversationWindowMs: number;
  private readonly longestGlobalWindowMs: number;

  constructor(limits: RateLimits = defaultTeamsLimits) {
    this.perConversation = limits.perConversation.map((window) => checkedWindow(window, 'perConversation'));
    this.globalWindows = limits.global.map((window) => checkedWindow(window, 'global'));
    this.conversationCapacity = Math.max(0, ...this.perConversation.map((window) => window.count));
    this.longestConversationWindowMs = Math.max(0, ...this.perConversation.map((window) => window.windowMs));
    this.longestGlobalWindowMs = Math.max(0, ...this.globalWindows.map((window) => window.windowMs));
  }

  /** Earliest instant ≥ nowMs at which a send to this conversation keeps every window, booked for that send. */
  reserve(conversationKey: string, nowMs: number): number {
    const now = this.advance(nowMs);
    const state = this.conversationState(conversationKey);
    state.times.dropUpTo(now - this.longestConversationWindowMs);

    let at = Math.max(now, this.globalNotBeforeMs, state.notBeforeMs, state.lastMs);
    // Reservations of one conversation only grow, so each window only needs its `count`-th latest send.
    for (const { count, windowMs } of this.perConversation) {
      if (state.times.length >= count) at = Math.max(at, state.times.at(state.times.length - count) + windowMs);
    }
    at = this.earliestGloballyAllowed(at, now);

    state.times.push(at);
    state.lastMs = at;
    this.global.splice(upperBound(this.global, at, this.globalHead), 0, at);
    return at;
  }

  /** A 429 on this conversation: nothing is booked for it before `untilMs` (its Retry-After). */
  penalize(conversationKey: string, untilMs: number): void {
    const state = this.conversationState(conversationKey);
    state.notBeforeMs = Math.max(state.notBeforeMs, checkedTime(untilMs, 'untilMs'));
  }

  /** A 429 that throttles the whole app in the tenant: nothing is booked before `untilMs`. */
  penalizeGlobal(untilMs: number): void {
    this.globalNotBeforeMs = Math.max(this.globalNotBeforeMs, checkedTime(untilMs, 'untilMs'));
  }

  /** Timestamps kept for one conversation, or for everything (conversations and tenant) without a key. */
  size(conversationKey?: string): number {
    if (conversationKey !== undefined) return this.conversations.get(conversationKey)?.times.length ?? 0;
    let total = this.global.length - this.globalHead;
    for (const state of this.conversations.values()) total += state.times.length;
    return total;
  }

  /** Conversations still tracked (idle ones are forgotten once their longest window has passed). */
  conversationCount(): number {
    return this.conversations.size;
  }

  private conversationState(conversationKey: string): ConversationState {
    let state = this.conversations.get(conversationKey);
    if (state === undefined) {
      state = {
        times: new TimeRing(this.conversationCapacity),
        lastMs: Number.NEGATIVE_INFINITY,
        notBeforeMs: Number.NEGATIVE_INFINITY,
      };
      this.conversations.set(conversationKey, state);
    }
    return state;
  }

  /** Moves the limiter's time forward, prunes the tenant's old sends and now and then forgets idle conversations. */
  private advance(nowMs: number): number {
    this.highWaterMs = Math.max(this.highWaterMs, checkedTime(nowMs, 'nowMs'));
    const now = this.highWaterMs;
    // A send at or before now - window can no longer share a window with any send at or after now.
    const stale = now - this.longestGlobalWindowMs;
    while (this.globalHead < this.global.length && (this.global[this.globalHead] ?? stale) <= stale) {
      this.globalHead += 1;
    }
    if (this.globalHead > 1_024 && this.globalHead * 2 > this.global.length) {
      this.global = this.global.slice(this.globalHead);
      this.globalHead = 0;
    }
    if (now - this.lastSweepMs >= sweepEveryMs) {
      this.lastSweepMs = now;
      const idleBefore = now - this.longestConversationWindowMs;
      for (const [key, state] of this.conversations) {
        // Forgetting loses nothing: every constraint this state carries is already implied by `at >= now`.
        if (state.lastMs <= idleBefore && state.notBeforeMs <= now) this.conversations.delete(key);
      }
    }
    return now;
  }

  /**
   * Earliest instant ≥ from that breaks no global window. A window (count c, length w) is broken at t exactly when c
   * consecutive booked sends x[i]..x[i+c-1] spanning less than w lie in (t - w, t + w): every t in the open interval
   * (x[i+c-1] - w, x[i] + w) is then forbidden, so the search jumps to x[i] + w. Booked sends are only removed once
   * they are at or before now - w, so a forbidden instant ≥ now stays forbidden: the jumps are remembered in
   * `globalFullUntilMs` and a fan-out does not walk again over the seconds already full.
   */
  private earliestGloballyAllowed(from: number, now: number): number {
    if (this.globalWindows.length === 0) return from;
    let at = from < this.globalFullUntilMs ? this.globalFullUntilMs : from;
    for (;;) {
      let next = at;
      for (const window of this.globalWindows) next = Math.max(next, this.globalConflictEnd(at, window));
      if (next === at) break;
      at = next;
    }
    // [from, at) is forbidden; it extends the known-full stretch when it starts inside or right at its start.
    if (from <= Math.max(this.globalFullUntilMs, now)) this.globalFullUntilMs = Math.max(this.globalFullUntilMs, at);
    return at;
  }

  /** End of the latest forbidden interval of this window that contains t, or t when t is allowed. */
  private globalConflictEnd(t: number, { count, windowMs }: RateWindow): number {
    const times = this.global;
    const first = upperBound(times, t - windowMs, this.globalHead);
    const end = lowerBound(times, t + windowMs, first);
    let conflictEnd = t;
    for (let i = first; i + count - 1 < end; i += 1) {
      const oldest = times[i] ?? t;
      const newest = times[i + count - 1] ?? t;
      if (newest - oldest < windowMs) conflictEnd = Math.max(conflictEnd, oldest + windowMs);
    }
    return conflictEnd;
  }
}

interface ConversationState {
  /** Latest sends of the conversation, at most the largest per-conversation count. */
  readonly times: TimeRing;
  /** Latest booked send (reservations of one conversation never go back before it). */
  lastMs: number;
  /** From a 429's Retry-After. */
  notBeforeMs: number;
}

/** The last `capacity` send times of a conversation, oldest first; a ring, so memory never exceeds `capacity`. */
class TimeRing {
  private buffer: number[] = [];
  private start = 0;
  length = 0;

  constructor(private readonly capacity: number) {}

  /** The i-th kept time, 0 being the oldest. */
  at(index: number): number {
    return this.buffer[(this.start + index) % this.buffer.length] ?? Number.NaN;
  }

  push(time: number): void {
    if (this.capacity === 0) return;
    if (this.length === this.buffer.length) {
      if (this.buffer.length === this.capacity) {
        // Full: the oldest time can no longer decide anything (each window needs only its count-th latest send).
        this.buffer[this.start] = time;
        this.start = (this.start + 1) % this.capacity;
        return;
      }
      this.resize(Math.min(this.capacity, Math.max(8, this.buffer.length * 2)));
    }
    this.buffer[(this.start + this.length) % this.buffer.length] = time;
    this.length += 1;
  }

  /** Forgets the times at or before `limit` (they are outside every window from now on). */
  dropUpTo(limit: number): void {
    while (this.length > 0 && this.at(0) <= limit) {
      this.start = (this.start + 1) % this.buffer.length;
      this.length -= 1;
    }
    if (this.buffer.length > 8 && this.length * 4 <= this.buffer.length) this.resize(Math.max(8, this.length * 2));
  }

  private resize(capacity: number): void {
    const next: number[] = [];
    for (let i = 0; i < this.length; i += 1) next.push(this.at(i));
    while (next.length < capacity) next.push(0);
    this.buffer = next;
    this.start = 0;
  }
}

/** First index ≥ from whose value is > target (sorted array). */
function upperBound(sorted: readonly number[], target: number, from: number): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? target) <= target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** First index ≥ from whose value is ≥ target (sorted array). */
function lowerBound(sorted: readonly number[], target: number, from: number): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? target) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

function checkedWindow(window: RateWindow, list: string): RateWindow {
  if (!Number.isSafeInteger(window.count) || window.count < 1) {
    throw new RangeError(`${list}: count must be a positive integer, got ${window.count}`);
  }
  if (!Number.isSafeInteger(window.windowMs) || window.windowMs < 1) {
    throw new RangeError(`${list}: windowMs must be a positive integer, got ${window.windowMs}`);
  }
  return { count: window.count, windowMs: window.windowMs };
}

function checkedTime(ms: number, name: string): number {
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be a finite number of milliseconds, got ${ms}`);
  return ms;
}
