import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { commandTable } from '../bot/commands';
import { startAzurite, type AzuriteInstance } from '../scripts/lib/azurite';
import { freePort } from '../scripts/lib/ports';
import { seedDemo } from '../services/demo/seed-demo';
import { azuriteConnectionString } from '../services/storage/table-store';
import { benchPersonId, dataSetSizes, seedDataSet, type DataSetName } from './datasets';
import { startBenchBot, rememberConversations, type BenchBot } from './bench-bot';
import { BenchConnector } from './bench-connector';
import { writeReport, type BenchResults, type SizeResults } from './report';
import { approvalSeries, commandAfterChangeSeries, commandSeries, echoSeries, measuredSweep, type SeriesBounds } from './scenarios';
import { probeMemory, type MemoryFigure } from './memory-probe';
import { measureStartup } from './startup';
import { round } from './stats';

const usage = `npm run bench [-- --sizes small,prefecture,large] [--turns 200] [--no-startup] [--no-write] [--report-only]
  --sizes      data sets to measure (default: all three; the figures need small, prefecture and large)
  --turns      turns per series (each series also stops after 60 s)
  --no-startup skip the \`npm start\` → « aide » measure (it launches a headless browser)
  --no-write   print the results without writing docs/BENCHMARKS.md and bench/results.json
  --report-only rewrite docs/BENCHMARKS.md and the chart from bench/results.json (after editing bench/findings.ts)
  --memory-only write the large set again and measure only the bot process's memory, into bench/memory.json
               (--storage-port N: use the large tables of a run still going on that Azurite port instead)`;

/** Forces a full collection before reading memory (the flag can be set at run time; no extra node option needed). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** `statut` when the command table has it (issue 9's figure), else `plan d’action` (the whole plan), said in the doc. */
function statusCommand(): string {
  const known = Object.values(commandTable).some((command) => (command.phrasings as readonly string[]).includes('statut'));
  return known ? 'statut' : 'plan d’action';
}

const recipientsDue = 1_000;

async function measureSize(azurite: AzuriteInstance, connector: BenchConnector, name: DataSetName, bounds: SeriesBounds, command: string, log: (line: string) => void): Promise<SizeResults> {
  const bench: BenchBot = await startBenchBot(azurite.connectionString, `bench${name}`, 1000);
  log(`${name}: bot started, RSS ${round(process.memoryUsage().rss / 2 ** 20, 1)} MB`);
  try {
    await seedDemo(bench.bot.app, { actionPlan: false });
    const seeded = await seedDataSet(bench.bot.app, dataSetSizes[name], 20261124, bench.clock.now());
    log(`${name}: ${seeded.rows} rows written in ${round(seeded.seconds, 1)} s`);
    const recipients = Array.from({ length: recipientsDue }, (_, index) => benchPersonId(index));
    await rememberConversations(bench, recipients, connector.url);
    connector.configure({});
    const echo = await echoSeries(bench, connector, bounds);
    log(`${name}: echo p50 ${echo.p50} ms p99 ${echo.p99} ms, ${echo.storageCalls} storage calls (${echo.storageByTable ?? ''})`);
    const status = await commandSeries(bench, connector, command, bounds);
    log(`${name}: ${command} p50 ${status.p50} ms p99 ${status.p99} ms, ${status.storageCalls} storage calls (${status.storageByTable ?? ''})`);
    const statusAfterChange = await commandAfterChangeSeries(bench, connector, command, bounds);
    log(`${name}: ${command} after a new complaint p50 ${statusAfterChange.p50} ms p99 ${statusAfterChange.p99} ms, ${statusAfterChange.storageCalls} storage calls (${statusAfterChange.storageByTable ?? ''})`);
    const approval = await approvalSeries(bench, connector, bounds, '8');
    log(`${name}: approval p50 ${approval.p50} ms p99 ${approval.p99} ms, ${approval.storageCalls} storage calls (${approval.storageByTable ?? ''}), ${approval.approved}/${approval.samples} approved`);
    // Three sweeps of 1,000 due, the median kept: one sweep's time moved by half from run to run on this machine.
    const sweeps = [];
    for (const attempt of [1, 2, 3]) sweeps.push(await measuredSweep(bench, connector, recipients, `${name}-${attempt}`));
    const sweep = [...sweeps].sort((a, b) => a.seconds - b.seconds)[1] ?? sweeps[0];
    if (!sweep) throw new Error('no sweep measured');
    log(`${name}: sweep ${sweep.seconds} s for ${sweep.due} due, ${sweep.delivered} delivered, ${sweep.storageCalls} storage calls`);
    collectGarbage();
    const memory = process.memoryUsage();
    // The bot alone, in its own process over the same tables: the harness's memory stays out of the figure.
    const botMemory = name === 'large' ? await probeMemory(azurite.connectionString, `bench${name}`, connector, recipients, command) : undefined;
    if (botMemory) log(`${name}: bot process RSS ${botMemory.startRssMb} MB at start, ${botMemory.rssMb} MB after turns and a sweep`);
    return { name, size: dataSetSizes[name], seeded, echo, status, statusAfterChange, approval, sweep, rssMb: round(memory.rss / 2 ** 20, 1), heapMb: round(memory.heapUsed / 2 ** 20, 1), botMemory };
  } finally {
    await bench.bot.close();
  }
}

/** Reminders due in the dispatch measure, one person each. */
const dispatchRecipients = 600;

/** Dispatch under Teams' per-tenant limit (50/s) with 10 % of sends answered 429: rate, loss, duplicates. */
async function measureDispatch(azurite: AzuriteInstance, connector: BenchConnector, log: (line: string) => void) {
  const limit = 50;
  const bench = await startBenchBot(azurite.connectionString, 'benchdispatch', limit);
  try {
    await seedDemo(bench.bot.app, { actionPlan: false });
    // 600 people: twelve seconds at the limit, so the edges of the first and last second weigh little in the pace.
    await seedDataSet(bench.bot.app, dataSetSizes.prefecture, 7, bench.clock.now());
    const recipients = Array.from({ length: dispatchRecipients }, (_, index) => benchPersonId(index));
    await rememberConversations(bench, recipients, connector.url);
    connector.configure({ tenantPerSecond: limit, threadPerSecond: 7, throttleRatio: 0.1 }, 11);
    const figure = await measuredSweep(bench, connector, recipients, 'dispatch');
    log(`dispatch: ${figure.sendsPerSecond} sends/s, ${figure.ratePerSecond}/s accepted, ${figure.lost} lost, ${figure.duplicates} duplicates, ${figure.throttled} answered 429`);
    return { limit, ...figure };
  } finally {
    connector.configure({});
    await bench.bot.close();
  }
}

/** The large set written again, then only the bot process's memory measured. */
async function memoryOnly(command: string, storagePort?: number) {
  // With --storage-port: the Azurite of a run still going, whose large tables are written already.
  const azurite = storagePort ? undefined : await startAzurite({ port: await freePort() });
  const connectionString = azurite?.connectionString ?? azuriteConnectionString(storagePort);
  const connector = new BenchConnector();
  await connector.start();
  const bench = await startBenchBot(connectionString, 'benchlarge', 1000);
  try {
    if (azurite) {
      await seedDemo(bench.bot.app, { actionPlan: false });
      await seedDataSet(bench.bot.app, dataSetSizes.large, 20261124, bench.clock.now());
    }
    const recipients = Array.from({ length: recipientsDue }, (_, index) => benchPersonId(index));
    await rememberConversations(bench, recipients, connector.url);
    const figure = await probeMemory(connectionString, 'benchlarge', connector, recipients, command);
    console.log(`bot process RSS ${figure.startRssMb} MB at start, ${figure.rssMb} MB after turns and a sweep`);
    return figure;
  } finally {
    await bench.bot.close();
    await connector.stop();
    await azurite?.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string' }, turns: { type: 'string' }, 'no-startup': { type: 'boolean' }, 'no-write': { type: 'boolean' }, 'report-only': { type: 'boolean' }, 'memory-only': { type: 'boolean' }, 'storage-port': { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(usage);
    return;
  }
  const memoryFile = join(__dirname, 'memory.json');
  if (values['memory-only']) {
    const figure = await memoryOnly(statusCommand(), values['storage-port'] ? Number(values['storage-port']) : undefined);
    writeFileSync(memoryFile, JSON.stringify(figure, null, 2) + '\n');
    console.log('written: bench/memory.json (merged into the report by --report-only)');
    return;
  }
  if (values['report-only']) {
    const saved = JSON.parse(readFileSync(join(__dirname, 'results.json'), 'utf8')) as BenchResults;
    const large = saved.sizes.find((size) => size.name === 'large');
    if (large && !large.botMemory && existsSync(memoryFile)) large.botMemory = JSON.parse(readFileSync(memoryFile, 'utf8')) as MemoryFigure;
    console.log(`written: ${writeReport(saved).join(', ')}`);
    return;
  }
  const sizes = (values.sizes ?? 'small,prefecture,large').split(',').map((s) => s.trim()) as DataSetName[];
  const unknown = sizes.filter((size) => !(size in dataSetSizes));
  if (unknown.length > 0) throw new Error(`unknown data set: ${unknown.join(', ')}\n${usage}`);
  const bounds: SeriesBounds = { count: Number(values.turns ?? 200), seconds: 60 };
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const command = statusCommand();
  const azurite = await startAzurite({ port: await freePort() });
  const connector = new BenchConnector();
  await connector.start();
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGb: round(totalmem() / 2 ** 30, 1), node: process.version, platform: process.platform },
    statusCommand: command,
    turnsPerSeries: bounds.count,
    sizes: [],
  };
  try {
    for (const name of sizes) results.sizes.push(await measureSize(azurite, connector, name, bounds, command, log));
    results.dispatch = await measureDispatch(azurite, connector, log);
  } finally {
    await connector.stop();
    await azurite.stop();
  }
  if (!values['no-startup']) {
    try {
      results.startup = await measureStartup();
      log(`npm start: ready ${round(results.startup.readySeconds, 1)} s, « aide » answered ${round(results.startup.answeredSeconds, 1)} s`);
    } catch (error) {
      // The other figures stand without this one; the report says it was not measured.
      log(`npm start not measured: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  results.totalSeconds = round((Date.now() - started) / 1000, 1);
  if (values['no-write']) console.log(JSON.stringify(results, null, 2));
  else log(`written: ${writeReport(results).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
