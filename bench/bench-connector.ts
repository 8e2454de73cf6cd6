import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededPrng, type Prng } from './prng';

/** Teams' limits as the connector enforces them (PLATFORM.md), and faults to inject. */
export interface ConnectorLimits {
  /** Sends per second per tenant (50 today); 0 = unlimited. */
  tenantPerSecond: number;
  /** Sends per second per conversation thread (7); 0 = unlimited. */
  threadPerSecond: number;
  /** Share of sends answered 429 with Retry-After regardless of rate (0.1 = 10 %). */
  throttleRatio: number;
  /** Share of sends answered 503 (the send did not happen: the real service may have, so the bot counts it as a possible duplicate). */
  serverErrorRatio: number;
}

const unlimited: ConnectorLimits = { tenantPerSecond: 0, threadPerSecond: 0, throttleRatio: 0, serverErrorRatio: 0 };

/** Matches the marker the benchmark's reminder source writes in each reminder title. */
export const reminderMarker = /bench-reminder-[a-z0-9-]+/g;

/**
 * A Bot Connector on loopback for the benchmark (extends test/support/fake-connector.ts): answers the bot's replies
 * and proactive sends, applies per-tenant and per-thread rates (429 + Retry-After beyond), injects 429/5xx at a given
 * ratio from a seeded generator, and counts deliveries per reminder to detect loss and duplicates.
 */
export class BenchConnector {
  url = '';
  limits: ConnectorLimits = unlimited;
  /** Accepted sends (POST …/activities) and replacements (PUT). */
  accepted = 0;
  /** Answers 429 given (by rate or injected) and 5xx injected. */
  throttled = 0;
  serverErrors = 0;
  /** Deliveries of each reminder marker; more than one is a duplicate. */
  readonly deliveries = new Map<string, number>();
  /** Instants (performance.now) of accepted proactive sends carrying a reminder. */
  readonly reminderSendTimes: number[] = [];
  /** Instants of every proactive send carrying a reminder, accepted or answered 429/5xx: the pace the bot holds. */
  readonly reminderAttemptTimes: number[] = [];
  private server?: Server;
  private prng: Prng = seededPrng(9);
  private tenantWindow: number[] = [];
  private readonly threadWindows = new Map<string, number[]>();

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.answer(req.url ?? '', req.method ?? '', Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/`;
  }

  /** New limits and a fresh fault sequence (same seed, same faults). */
  configure(limits: Partial<ConnectorLimits>, seed = 9): void {
    this.limits = { ...unlimited, ...limits };
    this.prng = seededPrng(seed);
    this.tenantWindow = [];
    this.threadWindows.clear();
  }

  /** Forgets counts (not limits). */
  reset(): void {
    this.accepted = 0;
    this.throttled = 0;
    this.serverErrors = 0;
    this.deliveries.clear();
    this.reminderSendTimes.length = 0;
    this.reminderAttemptTimes.length = 0;
  }

  private overRate(window: number[], perSecond: number, now: number): boolean {
    while (window.length > 0 && (window[0] ?? 0) <= now - 1000) window.shift();
    return perSecond > 0 && window.length >= perSecond;
  }

  private refuse(res: ServerResponse, status: number, retryAfterSeconds?: number): void {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
    res.writeHead(status, headers);
    res.end(JSON.stringify({ error: { code: status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', message: 'simulated' } }));
  }

  private answer(url: string, method: string, body: string, res: ServerResponse): void {
    const match = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(url);
    const now = performance.now();
    const conversation = decodeURIComponent(match?.[1] ?? '');
    // Proactive sends carry a fresh activity id too (continueConversation makes one): every POST counts as a send.
    if (method === 'POST' && match) {
      const thread = this.threadWindows.get(conversation) ?? [];
      this.threadWindows.set(conversation, thread);
      if (body.search(reminderMarker) >= 0) this.reminderAttemptTimes.push(now);
      const rateLimited = this.overRate(this.tenantWindow, this.limits.tenantPerSecond, now) || this.overRate(thread, this.limits.threadPerSecond, now);
      const roll = this.prng.next();
      if (rateLimited || roll < this.limits.throttleRatio) {
        this.throttled += 1;
        return this.refuse(res, 429, 1);
      }
      if (roll < this.limits.throttleRatio + this.limits.serverErrorRatio) {
        this.serverErrors += 1;
        return this.refuse(res, 503);
      }
      this.tenantWindow.push(now);
      thread.push(now);
      const markers = new Set(body.match(reminderMarker) ?? []);
      if (markers.size > 0) this.reminderSendTimes.push(now);
      for (const marker of markers) this.deliveries.set(marker, (this.deliveries.get(marker) ?? 0) + 1);
    }
    this.accepted += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: match?.[2] ? decodeURIComponent(match[2]) : `bench-${this.accepted}` }));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
