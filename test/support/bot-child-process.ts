import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { BotChildAnswer, BotChildRequest } from './reminder-bot-process';

/** Which tables and which time the bot process runs on. */
export interface BotChildOptions {
  /** Tables of an earlier process (a restart, a second instance); none: new tables. */
  tablePrefix?: string;
  /** The bot's clock is the benchmark's start moved by this much… */
  clockShiftMs?: number;
  /** …when the machine's clock reads this (epoch ms): processes given the same anchor share one timeline. */
  clockAnchor: number;
}

type SweepRequest = Omit<Extract<BotChildRequest, { kind: 'sweep' }>, 'kind'>;
/** The answer to a sweep request. */
export type SweptAnswer = Extract<BotChildAnswer, { kind: 'swept' }>;

const root = join(__dirname, '..', '..');
const running = new Set<ChildProcess>();

/**
 * The real bot in a child process (test/support/reminder-bot-process.ts, run with tsx): ask it to store conversation
 * references, plan, sweep, count what is queued; stop it or kill it. The parent imports none of the bot, so a test
 * file using it compiles in a moment.
 */
export class BotChild {
  private readonly answers: BotChildAnswer[] = [];
  private readonly waiters: ((answer: BotChildAnswer) => void)[] = [];
  private readonly exited: Promise<void>;
  private stderr = '';
  tablePrefix = '';
  /** Digests the bot sends at once (bot/reminder-scheduler.ts). */
  digestsInFlight = 0;

  private constructor(readonly process: ChildProcess) {
    process.on('message', (answer: BotChildAnswer) => {
      const waiter = this.waiters.shift();
      if (waiter) waiter(answer);
      else this.answers.push(answer);
    });
    process.stderr?.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString('utf8')).slice(-4000)));
    this.exited = new Promise((resolve) => process.once('exit', () => resolve()));
    void this.exited.then(() => running.delete(process));
  }

  /** Starts the bot and waits until it listens (bounded: tsx compiles the bot on first start). */
  static async start(options: BotChildOptions, timeoutMs = 60_000): Promise<BotChild> {
    const child = fork(join(__dirname, 'reminder-bot-process.ts'), [], {
      cwd: root,
      execArgv: ['--disable-warning=DEP0111', '--import', 'tsx'],
      env: {
        ...process.env,
        QUALIBOT_CHILD_PREFIX: options.tablePrefix ?? '',
        QUALIBOT_CHILD_CLOCK_SHIFT: String(options.clockShiftMs ?? 0),
        QUALIBOT_CHILD_CLOCK_ANCHOR: String(options.clockAnchor),
      },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    running.add(child);
    const bot = new BotChild(child);
    const ready = await bot.next(timeoutMs);
    if (ready.kind !== 'ready') throw new Error(`the bot process did not start: ${JSON.stringify(ready)}`);
    bot.tablePrefix = ready.tablePrefix;
    bot.digestsInFlight = ready.digestsInFlight;
    return bot;
  }

  /** Stores a personal conversation reference for people 0…n−1, pointing at the connector. */
  async remember(people: number, serviceUrl: string): Promise<void> {
    await this.ask({ kind: 'remember', people, serviceUrl }, 60_000);
  }

  /** Puts one due reminder per person in the outbox. */
  async plan(run: string, people: number): Promise<void> {
    await this.ask({ kind: 'plan', run, people }, 60_000);
  }

  /** Reminders the outbox still has to send. */
  async queued(): Promise<number> {
    const answer = await this.ask({ kind: 'queued' }, 30_000);
    return answer.kind === 'queued' ? answer.count : Number.NaN;
  }

  /** Asks for sweeps and waits for their reports. */
  async sweep(request: SweepRequest, timeoutMs = 90_000): Promise<SweptAnswer> {
    const answer = await this.ask({ kind: 'sweep', ...request }, timeoutMs);
    if (answer.kind !== 'swept') throw new Error(`unexpected answer from the bot process: ${JSON.stringify(answer)}`);
    return answer;
  }

  /** Asks for sweeps without waiting (the process is about to be killed). */
  startSweep(request: SweepRequest): void {
    this.process.send({ kind: 'sweep', ...request } satisfies BotChildRequest);
  }

  /** SIGKILL: no handler runs, nothing is flushed, the lease stays taken. */
  async kill(): Promise<void> {
    if (this.alive()) this.process.kill('SIGKILL');
    await this.exited;
  }

  /** A clean stop (server closed, sweep finished); killed if it takes longer than `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.alive()) return;
    if (this.process.connected) this.process.send({ kind: 'stop' } satisfies BotChildRequest);
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  private async ask(request: BotChildRequest, timeoutMs: number): Promise<BotChildAnswer> {
    this.process.send(request);
    const answer = await this.next(timeoutMs);
    if (answer.kind === 'failed') throw new Error(`the bot process failed: ${answer.message}`);
    return answer;
  }

  private next(timeoutMs: number): Promise<BotChildAnswer> {
    const queued = this.answers.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const fail = (why: string) => {
        const index = this.waiters.indexOf(deliver);
        if (index < 0) return; // answered already
        this.waiters.splice(index, 1);
        reject(new Error(`${why}; its last output: ${this.stderr || '(none)'}`));
      };
      const timer = setTimeout(() => fail(`the bot process did not answer within ${timeoutMs} ms`), timeoutMs);
      const deliver = (answer: BotChildAnswer) => {
        clearTimeout(timer);
        resolve(answer);
      };
      this.waiters.push(deliver);
      void this.exited.then(() => {
        clearTimeout(timer);
        fail(`the bot process exited (code ${this.process.exitCode}, signal ${this.process.signalCode})`);
      });
    });
  }
}

/** Kills every bot process still running (afterAll, whatever happened). */
export async function killBotChildren(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  running.clear();
}
