import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity the bot sent to the connector. */
export interface SentActivity {
  conversationId: string;
  type: string;
  text?: string;
  attachments?: { contentType: string; content: Record<string, unknown> }[];
}

/**
 * A minimal Bot Connector on loopback: records what the bot sends (replies and proactive messages) and answers
 * as the real service does. `failNext` makes the next sends answer a given status.
 */
export class FakeConnector {
  readonly sent: SentActivity[] = [];
  /** Messages the bot replaced (`updateActivity`, PUT): which one, and the new content. */
  readonly updated: (SentActivity & { activityId: string })[] = [];
  private sentCount = 0;
  private server?: Server;
  private failures: number[] = [];
  url = '';
  /** Delay before each answer (a slow connector keeps turns in flight). */
  delayMs = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => void this.answer(req.url ?? '', req.method ?? '', body, res));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/`;
  }

  private async answer(url: string, method: string, body: string, res: ServerResponse): Promise<void> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const match = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(url);
    const failure = this.failures.shift();
    if (failure) {
      res.writeHead(failure, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'Simulated', message: 'simulated failure' } }));
      return;
    }
    const conversationId = decodeURIComponent(match?.[1] ?? '');
    if (method === 'PUT' && match?.[2]) {
      const activity = JSON.parse(body) as Omit<SentActivity, 'conversationId'>;
      const activityId = decodeURIComponent(match[2]);
      this.updated.push({ ...activity, conversationId, activityId });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: activityId }));
      return;
    }
    if (method === 'POST' && match) {
      const activity = JSON.parse(body) as Omit<SentActivity, 'conversationId'>;
      this.sent.push({ ...activity, conversationId });
    }
    this.sentCount += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `sent-${this.sentCount}` }));
  }

  /** The next sends answer these HTTP statuses, in order. */
  failNext(...statuses: number[]): void {
    this.failures.push(...statuses);
  }

  /** Cards sent so far (their content). */
  cards(): Record<string, unknown>[] {
    return this.sent.flatMap((a) => (a.attachments ?? []).map((attachment) => attachment.content));
  }

  clear(): void {
    this.sent.length = 0;
    this.updated.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
