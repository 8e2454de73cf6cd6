import fc from 'fast-check';
import type { VerbDefinition } from '../../bot/verb-definition';
import { verbRegistry } from '../../bot/verbs';
import { recordReliabilityRow, soakFactor } from '../support/reliability-report';
import { liveButtons, type LiveButton } from './fuzz-support/crawl';
import { startFuzzBot, type FuzzBot } from './fuzz-support/fuzz-bot';
import { onlyReallyBroken, overTheWire } from './fuzz-support/fuzz-cases';
import { assertCasesRefused, newStats, runVerbCasesOverHttp } from './fuzz-support/fuzz-runner';
import { audienceOf, verbCases, type VerbTarget } from './fuzz-support/verb-cases';

/**
 * Issue 10: every verb of the registry (bot/verbs.ts) is invoked with the data of a real button of the demo where
 * at least one value is broken (id, revision, ETag, a required input: missing, wrong type, hostile, stale), with
 * random hostile data (keys such as `__proto__`), with invoke values no card sends, and by someone outside its
 * audience. Each runs as a persona the audience check lets through, so the schema and the handler are exercised,
 * through the real card router on the real Azurite: no crash, nothing written, a French refusal.
 */

const verbs = Object.entries(verbRegistry) as [string, VerbDefinition][];
/** Cases per verb (8,100 for the family), ten times as many under `npm run test:soak`. */
const casesPerVerb = 150 * soakFactor();
/** Cases run at once: they write nothing, so they cannot disturb each other, and storage round trips overlap. */
const batch = 4;
const overHttp = 200 * soakFactor();
/** A property's time on a loaded machine (the soak variant runs ten times as many cases). */
const propertyTimeout = 120_000 * soakFactor();

const stats = newStats();
let bot: FuzzBot;
let live: LiveButton[] = [];
const timings: string[] = [];

beforeAll(async () => {
  bot = await startFuzzBot();
  live = await liveButtons(bot);
}, 120_000);

afterAll(async () => {
  const lost = stats.lost.size;
  const share = stats.mustRefuse === 0 ? 0 : Math.round((100 * stats.refusedInFrench) / stats.mustRefuse);
  recordReliabilityRow({
    section: 'bad-input',
    id: 'fuzz-verbs',
    what: `Card verbs: each of the ${verbs.length} verbs with a real button's data where a value is broken (id, revision, ETag, required input), random hostile data (\`__proto__\` keys), malformed invoke values, and from outside its audience; ${stats.overHttp} of them over HTTP`,
    cases: stats.cases,
    lost,
    duplicates: null,
    recoveryMs: null,
    outcome: `${lost} crash or write; a French refusal in ${share} % of the cases to refuse`,
  });
  process.stdout.write(`fuzz-verbs: ${stats.cases} cases (${stats.overHttp} over HTTP)\n${timings.join('\n')}\n`);
  await bot?.stop();
});

function targetOf(verb: string, definition: VerbDefinition): VerbTarget {
  return { verb, definition, instances: live.filter((button) => button.verb === verb), actors: bot.actors };
}

it('finds a button of every verb on a card the demo shows, and a persona each may use', () => {
  const missing = verbs.filter(([verb, definition]) => targetOf(verb, definition).instances.length === 0 || audienceOf(targetOf(verb, definition)).allowed.length === 0);
  expect(missing.map(([verb]) => verb)).toEqual([]);
});

it.each(verbs.map(([verb]) => [verb]))('refuses broken data of %s: no crash, no write, a French answer', async (verb) => {
  const target = targetOf(verb, verbRegistry[verb as keyof typeof verbRegistry]);
  if (target.instances.length === 0) return; // reported by the test above
  const started = Date.now();
  await assertCasesRefused(bot, verbCases(target), casesPerVerb, batch, stats);
  timings.push(`  ${verb}: ${casesPerVerb} cases in ${Date.now() - started} ms`);
}, propertyTimeout);

it('answers the same over the real HTTP pipeline (a sample of every verb)', async () => {
  const started = Date.now();
  const targets = verbs.map(([verb, definition]) => targetOf(verb, definition)).filter((target) => target.instances.length > 0);
  const cases = fc.sample(fc.oneof(...targets.map(verbCases)).map(overTheWire), overHttp).filter(onlyReallyBroken);
  const problems = await runVerbCasesOverHttp(bot, cases, stats);
  timings.push(`  over HTTP: ${cases.length} cases in ${Date.now() - started} ms`);
  expect(problems).toEqual([]);
}, propertyTimeout);
