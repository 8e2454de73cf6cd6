import fc from 'fast-check';
import type { CommandDefinition } from '../../bot/command-definition';
import { commandTable } from '../../bot/commands';
import { recordReliabilityRow, soakFactor } from '../support/reliability-report';
import { commandCases, judgeText, randomTexts, type TextCase } from './fuzz-support/command-cases';
import { startFuzzBot, type FuzzBot } from './fuzz-support/fuzz-bot';
import { newStats, nextCaseId, runTextsOverHttp, type FuzzStats } from './fuzz-support/fuzz-runner';
import { describeCase } from './fuzz-support/fuzz-cases';

/**
 * Issue 10: every phrasing of every chat command (bot/commands.ts), in any case, followed by hostile words
 * (injection strings, unicode, control characters, 100 KB, `constructor` and other names objects hold), as each
 * persona, and text that is no command at all, through the real message router on the real Azurite: no crash,
 * nothing written (the commands that write are given words none of them accepts), and a French answer.
 */

const commands = Object.entries(commandTable) as [string, CommandDefinition][];
/** Messages per command (4,100 for the family, and 1,000 of random text), ten times as many under `npm run test:soak`. */
const casesPerCommand = 100 * soakFactor();
const randomCases = 1000 * soakFactor();
/** Messages run at once: they write nothing, so they cannot disturb each other, and storage round trips overlap. */
const batch = 4;
const overHttp = 200 * soakFactor();
/** A property's time on a loaded machine (the soak variant runs ten times as many cases). */
const propertyTimeout = 120_000 * soakFactor();

const stats = newStats();
let bot: FuzzBot;
const timings: string[] = [];

beforeAll(async () => {
  bot = await startFuzzBot();
}, 120_000);

afterAll(async () => {
  const lost = stats.lost.size;
  const share = stats.cases === 0 ? 0 : Math.round((100 * stats.refusedInFrench) / stats.cases);
  recordReliabilityRow({
    section: 'bad-input',
    id: 'fuzz-commands',
    what: `Chat commands: every phrasing of the ${commands.length} commands followed by hostile words (injection strings, unicode, control characters, 100 KB, \`constructor\`), and text that is no command; ${stats.overHttp} of them over HTTP`,
    cases: stats.cases,
    lost,
    duplicates: null,
    recoveryMs: null,
    outcome: `${lost} crash or write; a French answer to ${share} % of the messages`,
  });
  process.stdout.write(`fuzz-commands: ${stats.cases} cases (${stats.overHttp} over HTTP)\n${timings.join('\n')}\n`);
  await bot?.stop();
});

/** Runs messages in-process, concurrently; returns the problems found. */
async function runTexts(cases: readonly TextCase[], counts: FuzzStats): Promise<string[]> {
  const answers = await Promise.all(
    cases.map(async (testCase) => {
      const caseId = nextCaseId('text');
      const run = await bot.runText(testCase.persona, testCase.text, caseId);
      const problems = judgeText(run, bot.sideEffectsOf(caseId), bot.errorFor);
      counts.cases += 1;
      if (problems.length === 0) {
        counts.refusedInFrench += 1;
        return [];
      }
      const described = describeCase(testCase);
      counts.lost.add(described);
      return [`${problems.join('\n  ')}\n  message: ${described.slice(0, 1500)}`];
    }),
  );
  return answers.flat();
}

async function assertCases(arbitrary: fc.Arbitrary<TextCase>, count: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(arbitrary, { minLength: batch, maxLength: batch }), async (cases) => {
      const problems = await runTexts(cases, stats);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    }),
    { numRuns: Math.ceil(count / batch) },
  );
}

it.each(commands.map(([name]) => [name]))('answers « %s » with hostile words in French, without crashing nor writing', async (name) => {
  const started = Date.now();
  await assertCases(commandCases(name, commandTable[name as keyof typeof commandTable], bot.actors), casesPerCommand);
  timings.push(`  ${name}: ${casesPerCommand} cases in ${Date.now() - started} ms`);
}, propertyTimeout);

it('answers text that is no command in French, without crashing nor writing', async () => {
  const started = Date.now();
  await assertCases(randomTexts(bot.actors), randomCases);
  timings.push(`  random text: ${randomCases} cases in ${Date.now() - started} ms`);
}, propertyTimeout);

it('answers the same over the real HTTP pipeline (a sample of every command and random text)', async () => {
  const started = Date.now();
  const arbitraries = [...commands.map(([name, command]) => commandCases(name, command, bot.actors)), randomTexts(bot.actors)];
  const cases = fc.sample(fc.oneof(...arbitraries), overHttp);
  const problems = await runTextsOverHttp(bot, cases, stats);
  timings.push(`  over HTTP: ${cases.length} cases in ${Date.now() - started} ms`);
  expect(problems).toEqual([]);
}, propertyTimeout);

describe('what fuzzing found', () => {
  it('answers a pasted page of 25,000 words, and a 100 KB word, at once', async () => {
    const texts = [`gérer les contrôles ${'mot '.repeat(25_000)}`, `exporter réclamations ${'mot '.repeat(25_000)}`, 'A'.repeat(100_000), `aide ${'é'.repeat(50_000)}`];
    for (const text of texts) {
      const caseId = nextCaseId('found');
      const started = Date.now();
      const run = await bot.runText('alex', text, caseId);
      // It took minutes (every start of the message tried against every phrasing).
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(judgeText(run, bot.sideEffectsOf(caseId), bot.errorFor)).toEqual([]);
    }
  });

  it('reads « langue constructor » as no language: it asks which, and changes nothing', async () => {
    for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const caseId = nextCaseId('found');
      const run = await bot.runText('adele', `langue ${word}`, caseId);
      expect(run.error).toBeUndefined();
      expect(bot.sideEffectsOf(caseId)).toEqual([]);
      expect(run.replies).toEqual([expect.stringContaining('Précisez la langue')]);
    }
  });
});
