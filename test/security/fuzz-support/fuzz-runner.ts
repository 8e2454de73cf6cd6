import fc from 'fast-check';
import { maxRequestBytes } from '../../../bot/server';
import type { CardJson } from '../../../cards/render';
import { cardActionActivity, messageActivity } from '../../support/activities';
import { dataOfCase, describeCase, frenchCardProblems, judgeCardAnswer, reallyBroken, type VerbCase } from './fuzz-cases';
import { frenchProblem } from './card-text';
import { personas, type FuzzBot, type PersonaName } from './fuzz-bot';

/** Counts of one fuzz file, for its row of docs/RELIABILITY.md. */
export interface FuzzStats {
  /** Cases run (in-process and over HTTP). */
  cases: number;
  /** Of which over HTTP. */
  overHttp: number;
  /** Cases that had to be refused (a field really broken). */
  mustRefuse: number;
  /** Of those, cases refused in French with nothing written. */
  refusedInFrench: number;
  /** Cases that crashed or wrote something: each is a bug. */
  lost: Set<string>;
}

/** Fresh counts. */
export function newStats(): FuzzStats {
  return { cases: 0, overHttp: 0, mustRefuse: 0, refusedInFrench: 0, lost: new Set() };
}

let caseNumber = 0;

/** A case id unique in the file, to find its writes. */
export function nextCaseId(prefix: string): string {
  caseNumber += 1;
  return `${prefix}-${caseNumber}`;
}

function record(stats: FuzzStats, testCase: unknown, problems: string[], mustRefuse: boolean): string[] {
  stats.cases += 1;
  if (mustRefuse) stats.mustRefuse += 1;
  if (mustRefuse && problems.length === 0) stats.refusedInFrench += 1;
  if (problems.length === 0) return [];
  const described = describeCase(testCase);
  stats.lost.add(described);
  return [`${problems.join('\n  ')}\n  case: ${described.slice(0, 1500)}`];
}

/** Runs card actions in-process, concurrently (they must not write, so they cannot disturb each other); returns the problems. */
export async function runVerbCases(bot: FuzzBot, cases: readonly VerbCase[], stats: FuzzStats): Promise<string[]> {
  const answers = await Promise.all(
    cases.map(async (testCase) => {
      const caseId = nextCaseId('verb');
      const run = await bot.runVerb(testCase.persona, testCase.value, caseId);
      const mustRefuse = testCase.base ? reallyBroken(testCase.verb, testCase.base, dataOfCase(testCase), testCase.broken) : testCase.broken.length > 0;
      const problems = judgeCardAnswer(testCase, run, bot.sideEffectsOf(caseId), { mustRefuse, errorFor: bot.errorFor });
      return record(stats, testCase, problems, mustRefuse);
    }),
  );
  return answers.flat();
}

/** The invoke as Teams posts it, whatever its value. */
/**
 * Runs `total` cases drawn from `cases`, `batch` at a time concurrently, through the card router; a batch with a
 * problem fails the property, and fast-check shrinks it to the smallest batch that still fails.
 */
export async function assertCasesRefused(bot: FuzzBot, cases: fc.Arbitrary<VerbCase>, total: number, batch: number, stats: FuzzStats): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(cases, { minLength: batch, maxLength: batch }), async (drawn) => {
      const problems = await runVerbCases(bot, drawn, stats);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    }),
    { numRuns: Math.ceil(total / batch) },
  );
}

function invokeActivity(serviceUrl: string, persona: PersonaName, value: unknown) {
  return { ...cardActionActivity(serviceUrl, 'x', {}, personas[persona]), value };
}

/**
 * Runs card actions through the real HTTP pipeline, one after the other (writes are told apart by order). Give it
 * cases as they travel (overTheWire): NaN reaches the bot as null.
 */
export async function runVerbCasesOverHttp(bot: FuzzBot, cases: readonly VerbCase[], stats: FuzzStats): Promise<string[]> {
  const problems: string[] = [];
  for (const testCase of cases) {
    const before = bot.writes.length;
    const activity = invokeActivity(bot.harness.connector.url, testCase.persona, testCase.value);
    const { status, body } = await bot.harness.post(activity);
    const found: string[] = [];
    const card = (body as { value?: CardJson } | undefined)?.value;
    // Past the server's body limit (bot/server.ts) the request is refused before any turn: 413, nothing read.
    const tooBig = Buffer.byteLength(JSON.stringify(activity), 'utf8') > maxRequestBytes;
    if (tooBig) {
      if (status !== 413) found.push(`HTTP ${status} for a body over the limit`);
      const writes = bot.writes.slice(before);
      if (writes.length > 0) found.push('wrote from a refused request');
      stats.overHttp += 1;
      problems.push(...record(stats, testCase, found, true));
      continue;
    }
    if (status !== 200) found.push(`HTTP ${status}`);
    const mustRefuse = testCase.base ? reallyBroken(testCase.verb, testCase.base, dataOfCase(testCase), testCase.broken) : testCase.broken.length > 0;
    // Writes tagged with a case come from the in-process cases' background work, not from this request.
    const writes = bot.writes.slice(before).filter((write) => write.caseId === undefined).map((write) => `${write.method} ${write.table} ${write.key}`);
    if (mustRefuse && writes.length > 0) found.push(`wrote on invalid input: ${writes.join('; ')}`);
    if (!card) found.push(`no card in the answer: ${JSON.stringify(body).slice(0, 300)}`);
    else found.push(...frenchCardProblems(card, false));
    stats.overHttp += 1;
    problems.push(...record(stats, testCase, found, mustRefuse));
  }
  return problems;
}

/** What a person reads after a chat message: each reply French, no English nor raw text, at least one reply. */
export function frenchReplyProblems(replies: readonly (CardJson | string | Record<string, unknown>)[]): string[] {
  if (replies.length === 0) return ['no answer'];
  return replies.flatMap((reply) => {
    if (typeof reply !== 'string') return frenchCardProblems(reply, false);
    const problem = frenchProblem(reply);
    return problem ? [problem] : [];
  });
}

/** Runs chat messages through the real HTTP pipeline, one after the other; the replies are what the connector received. */
export async function runTextsOverHttp(bot: FuzzBot, texts: readonly { persona: PersonaName; text: string }[], stats: FuzzStats): Promise<string[]> {
  const problems: string[] = [];
  for (const testCase of texts) {
    const before = bot.writes.length;
    bot.harness.connector.clear();
    const activity = messageActivity(bot.harness.connector.url, testCase.text, personas[testCase.persona]);
    const { status } = await bot.harness.post(activity);
    const found: string[] = [];
    if (Buffer.byteLength(JSON.stringify(activity), 'utf8') > maxRequestBytes) {
      // Refused before any turn (bot/server.ts): nothing read, nothing answered, nothing written.
      if (status !== 413) found.push(`HTTP ${status} for a body over the limit`);
      if (bot.writes.length > before) found.push('wrote from a refused request');
      stats.overHttp += 1;
      problems.push(...record(stats, testCase, found, true));
      continue;
    }
    if (status >= 300) found.push(`HTTP ${status}`);
    const replies = bot.harness.connector.sent.flatMap((activity) => [
      ...(activity.text ? [activity.text] : []),
      ...(activity.attachments ?? []).map((attachment) => attachment.content),
    ]);
    found.push(...frenchReplyProblems(replies));
    const writes = bot.writes.slice(before).map((write) => `${write.method} ${write.table} ${write.key}`);
    if (writes.length > 0) found.push(`wrote: ${writes.join('; ')}`);
    stats.overHttp += 1;
    problems.push(...record(stats, testCase, found, true));
  }
  return problems;
}
