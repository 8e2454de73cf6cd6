import { fork, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { message } from './activities';
import type { BenchConnector } from './bench-connector';
import type { ProbeRequest } from './bot-process';
import { round } from './stats';

/** The bot process's memory: right after start, and after turns over the whole data set and one sweep. */
export interface MemoryFigure {
  startRssMb: number;
  rssMb: number;
  heapMb: number;
}

const root = join(__dirname, '..');

type ProbeAnswer = { kind: 'ready'; endpoint: string; rssMb: number; heapMb: number } | { kind: 'swept' } | { kind: 'memory'; rssMb: number; heapMb: number };

/**
 * Starts the bot, compiled, in a child process over the tables of a data set, sends it the
 * turns that read the most (`statut`, `plan d’action`, `annuaire`), one sweep with `recipients` due, then reads its
 * RSS after a full GC. Bounded: 5 minutes.
 */
export async function probeMemory(connectionString: string, tablePrefix: string, connector: BenchConnector, recipients: string[], statusCommand: string): Promise<MemoryFigure> {
  // Compiled as deployed (`npm run serve` runs plain JS): tsx alone adds about 75 MB of transformed sources.
  const built = spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(__dirname, 'tsconfig.probe.json')], { encoding: 'utf8', timeout: 300_000 });
  if (built.status !== 0) throw new Error(`could not compile the bot for the memory probe: ${built.stdout}${built.stderr}`);
  const child = fork(join(root, 'node_modules', '.cache', 'qualibot-bench', 'bench', 'bot-process.js'), [], {
    execArgv: ['--disable-warning=DEP0111', '--expose-gc'],
    env: { ...process.env, BENCH_STORAGE: connectionString, BENCH_PREFIX: tablePrefix },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const answers: ProbeAnswer[] = [];
  const waiters: ((answer: ProbeAnswer) => void)[] = [];
  child.on('message', (answer: ProbeAnswer) => {
    const waiter = waiters.shift();
    if (waiter) waiter(answer);
    else answers.push(answer);
  });
  const next = () =>
    new Promise<ProbeAnswer>((resolve, reject) => {
      const queued = answers.shift();
      if (queued) return resolve(queued);
      const timer = setTimeout(() => reject(new Error('the bot process did not answer within 5 minutes')), 300_000);
      waiters.push((answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
    });
  const ask = (request: ProbeRequest) => child.send(request);
  try {
    const ready = await next();
    if (ready.kind !== 'ready') throw new Error('unexpected first answer from the bot process');
    for (const text of [statusCommand, 'plan d’action', 'annuaire', statusCommand, 'plan d’action']) {
      await fetch(ready.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message(connector.url, text)) });
    }
    ask({ kind: 'sweep', run: 'memory', recipients });
    await next();
    ask({ kind: 'memory' });
    const measured = await next();
    if (measured.kind !== 'memory') throw new Error('unexpected answer from the bot process');
    return { startRssMb: round(ready.rssMb, 1), rssMb: round(measured.rssMb, 1), heapMb: round(measured.heapMb, 1) };
  } finally {
    if (child.connected) ask({ kind: 'stop' });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    if (child.exitCode === null) child.kill();
  }
}
