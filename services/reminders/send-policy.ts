/**
 * What to do after a proactive send failed: retry later, give up on that person, or give up on the message.
 * Sources: PLATFORM.md "Teams / Bot Framework" (429 and Retry-After, 412/502/503/504 retryable, 403 permanent, no
 * idempotency key on a send); RFC 9110 §10.2.3 (Retry-After) and §5.6.7 (HTTP-date); full jitter as in the AWS
 * Architecture Blog, "Exponential Backoff And Jitter".
 */

/** What a failed send told us: the HTTP status and its Retry-After header, or a Node / undici network error code. */
export interface SendFailure {
  /** HTTP status of the answer, when there was one. */
  readonly status?: number;
  /** The Retry-After header as received: delay in seconds or an HTTP-date. */
  readonly retryAfter?: string;
  /** Network error code when no answer came (ECONNREFUSED, ETIMEDOUT…). */
  readonly code?: string;
}

/** Tuning of retries; every field is optional (see `defaultRetryOptions`). */
export interface RetryOptions {
  /** Sends in all, the first included: the failure numbered `maxAttempts` is final. */
  readonly maxAttempts?: number;
  /** Backoff ceiling of the first retry. */
  readonly baseDelayMs?: number;
  /** Growth of the ceiling per attempt. */
  readonly factor?: number;
  /** Largest backoff ceiling. */
  readonly maxBackoffMs?: number;
  /** Largest wait a Retry-After may impose (a sane bound against a wrong or hostile header). */
  readonly maxRetryAfterMs?: number;
}

/** 8 sends, backoff ceilings 1 s, 2 s, 4 s… up to 5 min, Retry-After honoured up to 10 min. */
export const defaultRetryOptions: Required<RetryOptions> = Object.freeze({
  maxAttempts: 8,
  baseDelayMs: 1_000,
  factor: 2,
  maxBackoffMs: 300_000,
  maxRetryAfterMs: 600_000,
});

/** Why a send will be retried. */
export type RetryReason =
  | 'rate-limited'
  | 'request-timeout'
  | 'precondition-failed'
  | 'server-error'
  | 'bad-gateway'
  | 'service-unavailable'
  | 'gateway-timeout'
  | 'connection-refused'
  | 'dns-failure'
  | 'network-unreachable'
  | 'timeout'
  | 'connection-reset';

/** Why a person cannot be reached at all (permanent for that person, never retried). */
export type UnreachableReason = 'uninstalled' | 'conversation-not-found';

/** Why a message is given up (a bug, bad configuration, or too many attempts). */
export type FailedReason =
  | 'bad-request'
  | 'unauthorized'
  | 'client-error'
  | 'unexpected-status'
  | 'unknown-error'
  | 'attempts-exhausted';

/** The decision after a failed send. */
export type RetryDecision =
  | {
      readonly kind: 'retry';
      /** Send again at (not before) this instant. */
      readonly atMs: number;
      readonly reason: RetryReason;
      /** The failed send may have been delivered: a retry may show the message twice (count these). */
      readonly mayDuplicate: boolean;
    }
  | { readonly kind: 'unreachable'; readonly reason: UnreachableReason }
  | {
      readonly kind: 'failed';
      readonly reason: FailedReason;
      /** For 'attempts-exhausted': what the last failure was. */
      readonly lastReason?: RetryReason;
    };

/** How a failure is classed before attempts and delays are considered. */
export type FailureClass =
  | { readonly kind: 'transient'; readonly reason: RetryReason; readonly mayDuplicate: boolean }
  | { readonly kind: 'unreachable'; readonly reason: UnreachableReason }
  | { readonly kind: 'failed'; readonly reason: FailedReason };

const transient = (reason: RetryReason, mayDuplicate: boolean): FailureClass => ({
  kind: 'transient',
  reason,
  mayDuplicate,
});

/**
 * Statuses worth retrying. A send has no idempotency key (PLATFORM.md), so `mayDuplicate` says whether the service may
 * have posted the message before failing: 429, 408, 412 and 503 are refusals before any work; 500, 502 and 504 come
 * from (or through) a service that may have done the work and failed or timed out afterwards.
 */
const retryableStatuses = new Map<number, FailureClass>([
  [429, transient('rate-limited', false)],
  [408, transient('request-timeout', false)],
  [412, transient('precondition-failed', false)],
  [500, transient('server-error', true)],
  [502, transient('bad-gateway', true)],
  [503, transient('service-unavailable', false)],
  [504, transient('gateway-timeout', true)],
]);

/**
 * Network errors worth retrying. Refused connections and failed name lookups never reached the service: the send
 * surely did not happen. A timeout or a reset may strike after the request was sent and processed, with only the answer
 * lost: still retried (a late reminder is worse than a rare double), flagged `mayDuplicate` so the caller counts them.
 * Unknown codes are not retried: nothing says the send did not happen.
 */
const retryableCodes = new Map<string, FailureClass>([
  ['ECONNREFUSED', transient('connection-refused', false)],
  ['ENOTFOUND', transient('dns-failure', false)],
  ['EAI_AGAIN', transient('dns-failure', false)],
  ['ENETUNREACH', transient('network-unreachable', false)],
  ['EHOSTUNREACH', transient('network-unreachable', false)],
  ['UND_ERR_CONNECT_TIMEOUT', transient('network-unreachable', false)],
  ['ETIMEDOUT', transient('timeout', true)],
  ['ESOCKETTIMEDOUT', transient('timeout', true)],
  ['UND_ERR_HEADERS_TIMEOUT', transient('timeout', true)],
  ['ECONNRESET', transient('connection-reset', true)],
  ['EPIPE', transient('connection-reset', true)],
  ['UND_ERR_SOCKET', transient('connection-reset', true)],
]);

/** Classes a failure by its status (when the service answered) or else its network error code. */
export function classifyFailure(failure: SendFailure): FailureClass {
  const { status, code } = failure;
  if (status !== undefined) {
    // 403: bot uninstalled, blocked by the user or disabled by the admin (PLATFORM.md); 404: conversation gone.
    if (status === 403) return { kind: 'unreachable', reason: 'uninstalled' };
    if (status === 404) return { kind: 'unreachable', reason: 'conversation-not-found' };
    const known = retryableStatuses.get(status);
    if (known !== undefined) return known;
    if (Number.isInteger(status) && status >= 500 && status <= 599) return transient('server-error', true);
    if (status === 400) return { kind: 'failed', reason: 'bad-request' };
    if (status === 401) return { kind: 'failed', reason: 'unauthorized' };
    if (Number.isInteger(status) && status >= 400 && status <= 499) return { kind: 'failed', reason: 'client-error' };
    return { kind: 'failed', reason: 'unexpected-status' };
  }
  if (code !== undefined) return retryableCodes.get(code.toUpperCase()) ?? { kind: 'failed', reason: 'unknown-error' };
  return { kind: 'failed', reason: 'unknown-error' };
}

/** Decides after failure number `attempt` (1 = the first send failed) at `nowMs`; `random` draws jitter in [0, 1). */
export function decideRetry(
  failure: SendFailure,
  attempt: number,
  nowMs: number,
  random: () => number,
  options: RetryOptions = {},
): RetryDecision {
  if (!Number.isSafeInteger(attempt) || attempt < 1) {
    throw new RangeError(`attempt must be an integer ≥ 1, got ${attempt}`);
  }
  if (!Number.isFinite(nowMs)) throw new RangeError(`nowMs must be finite, got ${nowMs}`);
  const settings = checkedOptions(options);
  const failureClass = classifyFailure(failure);
  if (failureClass.kind !== 'transient') return failureClass;
  if (attempt >= settings.maxAttempts) {
    return { kind: 'failed', reason: 'attempts-exhausted', lastReason: failureClass.reason };
  }
  // RFC 9110 §10.2.3: Retry-After comes with 429 and 503; whichever status carries it, the server knows best.
  const askedMs = failure.retryAfter === undefined ? undefined : parseRetryAfter(failure.retryAfter, nowMs);
  const delayMs =
    askedMs === undefined ? jitteredBackoffMs(attempt, random, settings) : Math.min(askedMs, settings.maxRetryAfterMs);
  return { kind: 'retry', atMs: nowMs + delayMs, reason: failureClass.reason, mayDuplicate: failureClass.mayDuplicate };
}

/** Upper bound of the backoff after failure `attempt`: base × factor^(attempt − 1), capped. */
export function backoffCeilingMs(attempt: number, options: RetryOptions = {}): number {
  const { baseDelayMs, factor, maxBackoffMs } = checkedOptions(options);
  return Math.min(maxBackoffMs, baseDelayMs * factor ** (attempt - 1));
}

/**
 * "Full jitter": a uniform wait in [0, ceiling], which spreads the retries of a fan-out that failed together
 * (AWS Architecture Blog, "Exponential Backoff And Jitter"). A `random` out of [0, 1) is clamped, not trusted.
 */
function jitteredBackoffMs(attempt: number, random: () => number, options: Required<RetryOptions>): number {
  const ceiling = backoffCeilingMs(attempt, options);
  const draw = random();
  const unit = Number.isFinite(draw) ? Math.min(Math.max(draw, 0), 1) : 0;
  return Math.min(Math.floor(unit * ceiling), ceiling);
}

/**
 * Delay asked by a Retry-After header, in ms from nowMs: delay-seconds or an HTTP-date (RFC 9110 §10.2.3), a date in
 * the past meaning 0. Undefined for anything else, so the caller falls back on backoff. Decimal seconds are accepted
 * too (not in the RFC, but some servers send them and their meaning is plain).
 */
export function parseRetryAfter(value: string, nowMs: number): number | undefined {
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.min(Math.ceil(Number(text) * 1_000), Number.MAX_SAFE_INTEGER);
  const at = parseHttpDate(text, nowMs);
  return at === undefined ? undefined : Math.max(0, at - nowMs);
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthIndex = new Map(monthNames.map((name, index) => [name, index]));
const shortDay = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const longDay = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const clock = '(\\d{2}):(\\d{2}):(\\d{2})';
/** The three forms a recipient must accept (RFC 9110 §5.6.7); the weekday is not checked against the date. */
const imfFixdate = new RegExp(`^${shortDay}, (\\d{2}) ([a-z]{3}) (\\d{4}) ${clock} GMT$`, 'i');
const rfc850Date = new RegExp(`^${longDay}, (\\d{2})-([a-z]{3})-(\\d{2}) ${clock} GMT$`, 'i');
const asctimeDate = new RegExp(`^${shortDay} ([a-z]{3}) ([ \\d]\\d) ${clock} (\\d{4})$`, 'i');

/** Instant of an HTTP-date, or undefined when the text is not one. */
function parseHttpDate(text: string, nowMs: number): number | undefined {
  let match = imfFixdate.exec(text);
  if (match !== null) return utcInstant(match[3], match[2], match[1], match[4], match[5], match[6]);
  match = asctimeDate.exec(text);
  if (match !== null) return utcInstant(match[6], match[1], match[2], match[3], match[4], match[5]);
  match = rfc850Date.exec(text);
  if (match === null) return undefined;
  // RFC 9110 §5.6.7: a two-digit year more than 50 years ahead means the latest past year with those digits.
  const thisYear = new Date(nowMs).getUTCFullYear();
  let year = thisYear - (thisYear % 100) + Number(match[3]);
  if (year > thisYear + 50) year -= 100;
  return utcInstant(String(year), match[2], match[1], match[4], match[5], match[6]);
}

function utcInstant(
  yearText = '',
  monthText = '',
  dayText = '',
  hourText = '',
  minuteText = '',
  secondText = '',
): number | undefined {
  const month = monthIndex.get(monthText.toLowerCase());
  const [year, day, hour, minute, second] = [yearText, dayText, hourText, minuteText, secondText].map((part) =>
    Number(part.trim()),
  );
  if (month === undefined || year === undefined || day === undefined) return undefined;
  if (hour === undefined || minute === undefined || second === undefined) return undefined;
  if (day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  const instant = Date.UTC(year, month, day, hour, minute, second);
  // Date.UTC rolls 30 Feb over to March: reject a day the month does not have.
  return instant < Date.UTC(year, month + 1, 1) ? instant : undefined;
}

function checkedOptions(options: RetryOptions): Required<RetryOptions> {
  const settings: Required<RetryOptions> = {
    maxAttempts: options.maxAttempts ?? defaultRetryOptions.maxAttempts,
    baseDelayMs: options.baseDelayMs ?? defaultRetryOptions.baseDelayMs,
    factor: options.factor ?? defaultRetryOptions.factor,
    maxBackoffMs: options.maxBackoffMs ?? defaultRetryOptions.maxBackoffMs,
    maxRetryAfterMs: options.maxRetryAfterMs ?? defaultRetryOptions.maxRetryAfterMs,
  };
  if (!Number.isSafeInteger(settings.maxAttempts) || settings.maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be an integer ≥ 1, got ${settings.maxAttempts}`);
  }
  const { baseDelayMs, factor, maxBackoffMs, maxRetryAfterMs } = settings;
  if (![baseDelayMs, factor, maxBackoffMs, maxRetryAfterMs].every(Number.isFinite) || factor < 1) {
    throw new RangeError('baseDelayMs, factor, maxBackoffMs and maxRetryAfterMs must be finite, factor ≥ 1');
  }
  if (baseDelayMs < 0 || maxBackoffMs < 0 || maxRetryAfterMs < 0) {
    throw new RangeError('baseDelayMs, maxBackoffMs and maxRetryAfterMs must be ≥ 0');
  }
  return settings;
}
