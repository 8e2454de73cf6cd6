import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { reminderMarker } from '../../bench/bench-connector';
import { seededPrng } from '../../bench/prng';

/** An answer the connector gives instead of accepting a proactive send. */
export interface InjectedFault {
  status: number;
  /** Retry-After header value (seconds), when the answer carries one. */
  retryAfter?: string;
}

/** Which faults to inject, and how often. */
export interface FaultPlan {
  seed: number;
  /** Share of proactive sends refused with a transient fault (0.2 = 20 %). */
  transientRatio: number;
  /** The transient faults, drawn uniformly. */
  transientFaults: readonly InjectedFault[];
  /** Conversations that always answer this status (403: bot removed; 404: conversation gone). */
  permanent: ReadonlyMap<string, number>;
}

/** A string's 32-bit FNV-1a hash: the fault of a send depends on what it carries and its attempt number, not on timing. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return value;
}

/**
 * A Bot Connector on loopback that refuses sends (POST …/activities) per a seeded plan, before delivering anything:
 * a refused send is not delivered. Counts attempts per reminder marker and per conversation, and deliveries per
 * marker. Updates (PUT) are always accepted.
 */
export class FaultConnector {
  url = '';
  /** Proactive sends received per reminder marker (accepted or refused). */
  readonly attempts = new Map<string, number>();
  /** Proactive sends received per conversation. */
  readonly conversationAttempts = new Map<string, number>();
  /** Accepted deliveries per reminder marker; more than one is a duplicate. */
  readonly deliveries = new Map<string, number>();
  /** Faults answered, per status ("429+Retry-After", "429", "500"…). */
  readonly faults = new Map<string, number>();
  private server?: Server;
  private accepted = 0;

  constructor(private readonly plan: FaultPlan) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.answer(req.url ?? '', req.method ?? '', Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/`;
  }

  /** The fault for this send, if any: the conversation's permanent one, else a seeded draw on (markers, attempt). */
  private faultFor(conversation: string, markers: readonly string[], attempt: number): InjectedFault | undefined {
    const permanent = this.plan.permanent.get(conversation);
    if (permanent !== undefined) return { status: permanent };
    const prng = seededPrng(hash(`${this.plan.seed}|${markers.join(',')}|${attempt}`));
    if (prng.next() >= this.plan.transientRatio) return undefined;
    return prng.pick(this.plan.transientFaults);
  }

  private answer(url: string, method: string, body: string, res: ServerResponse): void {
    const match = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(url);
    const conversation = decodeURIComponent(match?.[1] ?? '');
    // A proactive send carries an activity id too (continueConversation makes one): every POST is a send.
    if (method === 'POST' && match) {
      const markers = [...new Set(body.match(reminderMarker) ?? [])].sort();
      this.conversationAttempts.set(conversation, (this.conversationAttempts.get(conversation) ?? 0) + 1);
      for (const marker of markers) this.attempts.set(marker, (this.attempts.get(marker) ?? 0) + 1);
      const fault = this.faultFor(conversation, markers, Math.max(0, ...markers.map((m) => this.attempts.get(m) ?? 0)));
      if (fault) {
        const label = fault.retryAfter === undefined ? String(fault.status) : `${fault.status}+Retry-After`;
        this.faults.set(label, (this.faults.get(label) ?? 0) + 1);
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
        res.writeHead(fault.status, headers);
        res.end(JSON.stringify({ error: { code: 'Simulated', message: `simulated ${fault.status}` } }));
        return;
      }
      for (const marker of markers) this.deliveries.set(marker, (this.deliveries.get(marker) ?? 0) + 1);
    }
    this.accepted += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: match?.[2] ? decodeURIComponent(match[2]) : `fault-${this.accepted}` }));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
