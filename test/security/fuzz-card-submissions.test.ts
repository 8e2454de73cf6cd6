import fc from 'fast-check';
import { recordReliabilityRow, soakFactor } from '../support/reliability-report';
import { liveButtons, type LiveButton } from './fuzz-support/crawl';
import { startFuzzBot, type FuzzBot } from './fuzz-support/fuzz-bot';
import { baseSubmission, brokenSubmissions, liveInstances, type LiveForm } from './fuzz-support/form-cases';
import { describeError, frenchCardProblems, invokeValue, onlyReallyBroken, overTheWire } from './fuzz-support/fuzz-cases';
import { assertCasesRefused, newStats, nextCaseId, runVerbCasesOverHttp } from './fuzz-support/fuzz-runner';
import { freeTextFields, hostileButValid } from './fuzz-support/hostile-but-valid';
import { injectionStrings, unicodeStrings } from './fuzz-support/hostile-values';
import { templateForms } from './fuzz-support/template-forms';

/**
 * Issue 10: every form of the product (each button of cards/*.json that sends inputs, read from the templates) is
 * submitted with at least one required field broken — missing, blank, of the wrong type, an impossible date, a
 * choice it does not offer, 100 KB of text — and the other fields left as typed or made hostile (injection strings,
 * unicode, control characters). The real card router runs on the real Azurite over the demo data: no crash, nothing
 * written, and a French refusal (the form again with its errors, or a notice).
 */

const forms = templateForms();
/** Cases per form (4,000 for the family), ten times as many under `npm run test:soak`. */
const casesPerForm = 100 * soakFactor();
/** Cases run at once: they write nothing, so they cannot disturb each other, and storage round trips overlap. */
const batch = 4;
const overHttp = 200 * soakFactor();
/** A property's time on a loaded machine (the soak variant runs ten times as many cases). */
const propertyTimeout = 120_000 * soakFactor();

const stats = newStats();
let bot: FuzzBot;
let live: LiveButton[] = [];
const liveForms = new Map<string, LiveForm>();
const timings: string[] = [];

beforeAll(async () => {
  bot = await startFuzzBot();
  live = await liveButtons(bot);
  for (const form of forms) liveForms.set(form.name, { form, instances: liveInstances(form, live) });
}, 120_000);

afterAll(async () => {
  const lost = stats.lost.size;
  const share = stats.mustRefuse === 0 ? 0 : Math.round((100 * stats.refusedInFrench) / stats.mustRefuse);
  recordReliabilityRow({
    section: 'bad-input',
    id: 'fuzz-card-submissions',
    what: `Card forms: each of the ${forms.length} forms of cards/*.json submitted with a required field broken (missing, blank, wrong type, impossible date, a choice not offered, 100 KB) and the rest hostile (injection strings, unicode, control characters), ${stats.overHttp} of them over HTTP; hostile but valid free text in ${freeTextFields.length} forms`,
    cases: stats.cases,
    lost,
    duplicates: null,
    recoveryMs: null,
    outcome: `${lost} crash or write; a French refusal (the form with its errors, or a notice) in ${share} % of the cases to refuse; valid hostile text stored as typed, read back, no query widened`,
  });
  process.stdout.write(`fuzz-card-submissions: ${stats.cases} cases (${stats.overHttp} over HTTP)\n${timings.join('\n')}\n`);
  await bot?.stop();
});

it('finds every form of the templates on a card the demo shows', () => {
  const unreached = forms.filter((form) => (liveForms.get(form.name)?.instances.length ?? 0) === 0).map((form) => form.name);
  expect(unreached).toEqual([]);
  expect(forms.length).toBeGreaterThan(20);
});

it.each(forms.map((form) => [form.name]))('refuses broken submissions of %s: no crash, no write, a French answer', async (name) => {
  const liveForm = liveForms.get(name);
  if (!liveForm || liveForm.instances.length === 0) return; // reported by the test above
  const started = Date.now();
  await assertCasesRefused(bot, brokenSubmissions(liveForm), casesPerForm, batch, stats);
  timings.push(`  ${name}: ${casesPerForm} cases in ${Date.now() - started} ms`);
}, propertyTimeout);

it('answers the same over the real HTTP pipeline (a sample of every form)', async () => {
  const started = Date.now();
  const reached = [...liveForms.values()].filter((liveForm) => liveForm.instances.length > 0);
  const cases = fc.sample(fc.oneof(...reached.map(brokenSubmissions)).map(overTheWire), overHttp).filter(onlyReallyBroken);
  const problems = await runVerbCasesOverHttp(bot, cases, stats);
  timings.push(`  over HTTP: ${cases.length} cases in ${Date.now() - started} ms`);
  expect(problems).toEqual([]);
}, propertyTimeout);

/** Control characters (but the line breaks a paragraph may hold) are refused by the forms; anything else printable is text. */
const controlCharacter = /(?!\n)\p{Cc}/u;

describe('hostile text that is valid', () => {
  const texts = [...injectionStrings, ...unicodeStrings].filter((text) => text.trim() !== '');

  it.each(freeTextFields.map((field) => [field.verb, field.field]))('stores what is typed in %s (%s) as typed, and reads it back without widening anything', async (verb, name) => {
    const field = freeTextFields.find((candidate) => candidate.verb === verb && candidate.field === name);
    const form = forms.find((candidate) => candidate.verb === verb && Object.keys(candidate.fixedData).length === 0);
    const instance = form && liveInstances(form, live).find((button) => button.persona === field?.persona);
    if (!field || !form || !instance) throw new Error(`no live form for ${verb}`);
    const problems: string[] = [];
    let storedCount = 0;
    for (const [index, text] of texts.entries()) {
      const before = await field.stored(bot.app);
      const caseId = nextCaseId('valid');
      const run = await bot.runVerb(field.persona, invokeValue(verb, hostileButValid(field, form, instance, text, index)), caseId);
      const after = await field.stored(bot.app);
      stats.cases += 1;
      const wrote = bot.sideEffectsOf(caseId).some((effect) => !effect.startsWith('publish'));
      const found: string[] = [];
      if (run.error || run.result?.outcome === 'failed') found.push(`crash: ${run.result ? bot.errorFor(run.result.reference ?? '') : describeError(run.error)}`);
      if (wrote) {
        storedCount += 1;
        // One more entity, holding the text as typed (trimmed), and every other one as it was: no filter widened.
        const added = [...after];
        for (const value of before) {
          const at = added.indexOf(value);
          if (at >= 0) added.splice(at, 1);
          else found.push(`changed ${JSON.stringify(value)}`);
        }
        // Trimmed; a paragraph's Windows line ends may be stored as plain ones.
        const asTyped = [text.trim(), text.replace(/\r\n?/g, '\n').trim()];
        if (added.length !== 1 || !asTyped.includes(added[0] ?? '')) found.push(`stored ${JSON.stringify(added)} for ${JSON.stringify(text)}`);
      } else {
        if (!controlCharacter.test(text)) found.push(`refused printable text ${JSON.stringify(text)}`);
        found.push(...frenchCardProblems(run.result?.card, true));
      }
      if (found.length > 0) {
        stats.lost.add(`${verb} ${JSON.stringify(text)}`);
        problems.push(`${JSON.stringify(text)}: ${found.join('; ')}`);
      }
    }
    expect(problems).toEqual([]);
    expect(storedCount).toBeGreaterThan(texts.length / 2);
  }, propertyTimeout);
});

describe('what fuzzing found', () => {
  it.each([['checkItem.import'], ['directory.import'], ['actionPlan.import']])('refuses a 100 KB paste in %s with its errors, without showing it again', async (verb) => {
    for (const csv of ['mot '.repeat(25_000), '\u0000'.repeat(19_000), '👍'.repeat(30_000)]) {
      const caseId = nextCaseId('found');
      const run = await bot.runVerb('alex', invokeValue(verb, { csv }), caseId);
      // The refused paste was put back in the form: a card over Teams' 40 KB, and a crash instead of the errors.
      expect(run.result?.outcome).not.toBe('failed');
      expect(bot.sideEffectsOf(caseId)).toEqual([]);
      expect(frenchCardProblems(run.result?.card, true)).toEqual([]);
      expect(JSON.stringify(run.result?.card)).not.toContain(csv.slice(0, 1_000));
    }
  });

  it.each([
    ['clu.save', { date: '31/02/2026', members: '"'.repeat(20_000), outsideMembers: '👍'.repeat(10_000), agenda: '\u0000'.repeat(10_000) }],
    ['action.propose', { finding: '', action: '\u0000'.repeat(10_000), references: '"'.repeat(1_000) }],
  ])('shows the form of %s again with its errors when heavy text was typed, leaving the heaviest out', async (verb, typed) => {
    const button = live.find((candidate) => candidate.verb === verb && candidate.persona === 'alex');
    const form = forms.find((candidate) => candidate.verb === verb);
    if (!button || !form) throw new Error(`no live form for ${verb}`);
    const caseId = nextCaseId('found');
    // Every value typed was put back: a card over Teams' 40 KB, and a crash instead of the errors.
    const run = await bot.runVerb('alex', invokeValue(verb, { ...baseSubmission(form, button), ...typed }), caseId);
    expect(run.result?.outcome).not.toBe('failed');
    expect(bot.sideEffectsOf(caseId)).toEqual([]);
    expect(frenchCardProblems(run.result?.card, true)).toEqual([]);
    expect(JSON.stringify(run.result?.card)).toContain('trop longs pour être réaffichés');
  });
});
