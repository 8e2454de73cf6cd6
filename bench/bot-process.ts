import { startBenchBot } from './bench-bot';

/** Messages the parent sends to the bot process. */
export type ProbeRequest = { kind: 'sweep'; run: string; recipients: string[] } | { kind: 'memory' } | { kind: 'stop' };

/** Memory of this process, after a full collection (MiB). */
function memory(): { rssMb: number; heapMb: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { rssMb: usage.rss / 2 ** 20, heapMb: usage.heapUsed / 2 ** 20 };
}

/**
 * The bot alone in its own process (compiled and started by bench/memory-probe.ts with --expose-gc), over tables the parent
 * already filled, so its memory is the bot's and not the harness's. Answers the parent's requests over IPC.
 */
async function main(): Promise<void> {
  const connectionString = process.env.BENCH_STORAGE ?? '';
  const bench = await startBenchBot(connectionString, process.env.BENCH_PREFIX ?? '', 1000);
  process.send?.({ kind: 'ready', endpoint: bench.endpoint, ...memory() });
  process.on('message', (request: ProbeRequest) => {
    void (async () => {
      if (request.kind === 'sweep') {
        const now = bench.clock.now();
        const state = await bench.bot.app.sweepState.read();
        await bench.bot.app.sweepState.advance(state, new Date(now.getTime() - 60_000));
        bench.reminders.arm(request.run, request.recipients, new Date(now.getTime() - 30_000));
        const report = await bench.bot.reminders.runOnce();
        process.send?.({ kind: 'swept', report });
      } else if (request.kind === 'memory') process.send?.({ kind: 'memory', ...memory() });
      else {
        await bench.bot.close();
        process.exit(0);
      }
    })();
  });
}

void main();
