import fc from 'fast-check';
import type { CommandDefinition } from '../../../bot/command-definition';
import type { StoredPerson } from '../../../services/directory/person';
import { isInAudience } from '../../../services/directory/roles';
import { normalizeText } from '../../../services/text/normalize';
import { frenchProblem, visibleTexts } from './card-text';
import { describeError } from './fuzz-cases';
import type { PersonaName, TextResult } from './fuzz-bot';
import { hostileText, hugeStrings, injectionStrings, unicodeStrings } from './hostile-values';

/** One chat message of the fuzzer. */
export interface TextCase {
  persona: PersonaName;
  text: string;
  /** The command it starts with, if any (for the report). */
  command?: string;
}

/**
 * Commands that change something when their words are right (a language, an indicator, a volume, a service): their
 * hostile words always start with one no code, indicator or language can be, so nothing may be written.
 */
export const writingCommands = new Set(['language', 'indicators', 'fraudVolumes', 'saveService', 'remindersNow']);

/** First words that are nothing a command knows, some named after what JavaScript objects hold. */
const invalidFirstWords = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', "'", '"', '<script>', '=1+1', '../', '${t.save}', '{id}', '*', '#', 'é', '\u0000', '👍', '\u202E', "'or'1'='1"];

/** Words after a command: hostile text, hostile words in a row, or real words of the product mixed with hostile ones. */
const hostileArgument: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...injectionStrings), fc.constantFrom(...unicodeStrings)), { minLength: 2, maxLength: 4 }).map((words) => words.join(' ')) },
  {
    weight: 2,
    // Hostile words first that fold to something: those that fold to nothing (an emoji, a quote) belong to the
    // command's phrasing, and « signalement 👍 BMI-2026-0001 » is a valid request.
    arbitrary: fc
      .tuple(
        fc.constantFrom('BMI', 'CERT', '2026', '2026-T1', 'T4 2026', '2021-07', 'R-2026-0001', 'BMI-2026-0001', 'E.17', 'en retard', 'toutes', 'fr'),
        fc.constantFrom(...[...injectionStrings, ...unicodeStrings, ...invalidFirstWords].filter((word) => normalizeText(word) !== '')),
      )
      .map(([word, hostile]) => `${hostile} ${word}`),
  },
);

/**
 * Words that make a writing command's message wrong from its first word on: one that does not fold to nothing (as
 * an emoji does) and, for « service », that is no service code once in capitals (« constructor » would be one),
 * followed by hostile text with no word of the product.
 */
function refusedArgument(name: string): fc.Arbitrary<string> {
  const firstWords = invalidFirstWords.filter((word) => normalizeText(word) !== '' && (name !== 'saveService' || !/^[A-Z0-9][A-Z0-9-]+$/.test(word.toUpperCase())));
  return fc.tuple(fc.constantFrom(...firstWords), fc.oneof(fc.constant(''), hostileText)).map(([first, rest]) => `${first} ${rest}`.trim());
}

/** Text after a command that takes none: enough to make it another sentence (not only spaces). */
const trailing = hostileArgument.filter((text) => /\S/.test(text) && text.trim().split(/\s+/).some((word) => normalizeText(word) !== ''));

/** Changes the case of a phrasing and drops its accents, as people type. */
const typedAs = (phrasing: string) => fc.constantFrom(phrasing, phrasing.toUpperCase(), normalizeText(phrasing), `${phrasing} !`);

/** Messages for one command: each phrasing (as typed in any case) followed by hostile words, as each persona. */
export function commandCases(name: string, command: CommandDefinition, actors: Record<PersonaName, StoredPerson>): fc.Arbitrary<TextCase> {
  const names = Object.keys(actors) as PersonaName[];
  const allowed = names.filter((persona) => isInAudience(actors[persona].roles, command.audience));
  const persona = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(allowed.length > 0 ? allowed : names)) }, { weight: 1, arbitrary: fc.constantFrom(...names) });
  const argument = !command.takesArgument ? trailing : writingCommands.has(name) ? refusedArgument(name) : hostileArgument;
  return fc
    .tuple(persona, fc.constantFrom(...command.phrasings).chain(typedAs), argument)
    .map(([who, phrasing, words]) => ({ persona: who, text: `${phrasing} ${words}`, command: name }));
}

/** Messages that are no command: hostile text, huge text, unicode, a command's words in the wrong place. */
export const randomTexts = (actors: Record<PersonaName, StoredPerson>): fc.Arbitrary<TextCase> =>
  fc
    .tuple(
      fc.constantFrom(...(Object.keys(actors) as PersonaName[])),
      fc.oneof(hostileText, fc.constantFrom(...hugeStrings()), fc.tuple(hostileText, fc.constantFrom('aide', 'statut', 'langue', 'service', 'volumes')).map(([a, b]) => `${a} ${b}`)),
    )
    .filter(([, text]) => !/^\s*(langue|language|service|volumes?|indicateurs?|rappels)\b/i.test(text))
    .map(([persona, text]) => ({ persona, text }));

/** What a person reads after a message: at least one answer, each French, no English nor raw error text. */
export function judgeText(run: TextResult, sideEffects: string[], errorFor: (reference: string) => string): string[] {
  if (run.error) return [`crash: ${describeError(run.error)}`];
  const problems: string[] = [];
  if (run.replies.length === 0) problems.push('no answer');
  if (sideEffects.length > 0) problems.push(`wrote: ${sideEffects.join('; ')}`);
  for (const reply of run.replies) {
    const text = typeof reply === 'string' ? reply : visibleTexts(reply).join(' | ');
    const problem = frenchProblem(text);
    if (problem) problems.push(problem);
    const reference = /QB-[0-9A-F]{6}/.exec(text);
    if (reference) problems.push(`crash: ${errorFor(reference[0]).slice(0, 600)}`);
  }
  return problems;
}
