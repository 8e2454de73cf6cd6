import fc from 'fast-check';
import { z } from 'zod';
import type { VerbDefinition } from '../../../bot/verb-definition';
import type { StoredPerson } from '../../../services/directory/person';
import { isInAudience } from '../../../services/directory/roles';
import type { LiveButton } from './crawl';
import { anyValue, brokenButtonValue, brokenInput, dataOf, extraKeys, invokeValue, type VerbCase } from './fuzz-cases';
import type { PersonaName } from './fuzz-bot';
import { absentMeansNew, blankMeansTheActor, blankMeansToday, plausibleValue } from './form-cases';
import { hostileData, hostileText, wrongType } from './hostile-values';

/** What a case of one verb may use: its buttons met on cards, who may and who may not use it. */
export interface VerbTarget {
  verb: string;
  definition: VerbDefinition;
  instances: LiveButton[];
  actors: Record<PersonaName, StoredPerson>;
}

/** Keys the verb's schema reads (an object schema's shape), to break those a button does not carry. */
function schemaKeys(definition: VerbDefinition): string[] {
  return definition.schema instanceof z.ZodObject ? Object.keys(definition.schema.shape) : [];
}

/** The personas allowed to use the verb, and the others. */
export function audienceOf(target: VerbTarget): { allowed: PersonaName[]; refused: PersonaName[] } {
  const names = Object.keys(target.actors) as PersonaName[];
  const allowed = names.filter((name) => isInAudience(target.actors[name].roles, target.definition.audience));
  return { allowed, refused: names.filter((name) => !allowed.includes(name)) };
}

/** The submission a click sends: the button's data and what its inputs hold. */
function submissionOf(instance: LiveButton): Record<string, unknown> {
  return { ...Object.fromEntries(instance.inputs.map((input) => [input.id, plausibleValue(input)])), ...instance.data };
}

/** Invoke values no card sends: not an object, no action, another action type, a verb or data of the wrong shape. */
function malformedValues(verb: string): fc.Arbitrary<unknown> {
  const execute = (verbValue: unknown, data: unknown = {}) => ({ action: { type: 'Action.Execute', verb: verbValue, data } });
  return fc.oneof(
    fc.constantFrom(null, 42, 'texte', [], true, {}, { action: null }, { action: 'x' }, { action: [] }),
    fc.constantFrom({ action: { type: 'Action.Submit', verb, data: {} } }, { action: { verb, data: {} } }, { action: { type: 'Action.Execute', data: {} } }),
    fc.constantFrom(`${verb} `, ` ${verb}`, verb.toUpperCase(), `${verb}\u0000`, `${verb}.`, '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x'.repeat(101), '').map((name) => execute(name)),
    hostileText.map((name) => execute(name)),
    wrongType.map((name) => execute(name)),
    fc.constantFrom<unknown>([], 'data', 42, null, true, [{ id: 'x' }]).map((data) => execute(verb, data)),
  );
}

/**
 * Cases of one verb: the data of a real button with at least one value broken (as its persona), random hostile
 * data (any persona allowed), malformed invoke values, and a valid click by someone outside the verb's audience.
 */
export function verbCases(target: VerbTarget): fc.Arbitrary<VerbCase> {
  const { verb, definition, instances } = target;
  const { allowed, refused } = audienceOf(target);
  const keys = schemaKeys(definition);
  const brokenButton = fc.constantFrom(...instances).chain((instance) => {
    const base = submissionOf(instance);
    // As the forms' fuzzer does: a required input or a value of the button's data is broken, the rest is anything.
    const required = instance.inputs.filter((input) => input.required);
    const breakable = [...required.map((input) => input.id), ...Object.keys(instance.data)];
    const blankIsValid = [...(blankMeansToday[verb] ?? []), ...(blankMeansTheActor[verb] ?? [])];
    return fc.subarray(breakable, { minLength: Math.min(1, breakable.length) }).chain((broken) => {
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const key of new Set([...Object.keys(base), ...keys])) {
        const input = required.find((candidate) => candidate.id === key);
        if (!broken.includes(key)) fields[key] = key in instance.data ? fc.constant(base[key]) : anyValue(base[key]);
        else fields[key] = input ? brokenInput(input, blankIsValid.includes(key)) : brokenButtonValue(key, base[key], absentMeansNew[verb] === key);
      }
      return fc
        .tuple(fc.record(fields), extraKeys)
        .map(([values, extra]): VerbCase => ({ persona: instance.persona, verb, value: invokeValue(verb, dataOf(values, extra)), broken, base }));
    });
  });
  // Random keys and values cannot hold every value a change needs: nothing may be written.
  const randomData = fc.tuple(fc.constantFrom(...allowed), hostileData).map(([persona, data]): VerbCase => ({ persona, verb, value: invokeValue(verb, data), broken: ['data'] }));
  const malformed = fc.tuple(fc.constantFrom(...allowed), malformedValues(verb)).map(([persona, value]): VerbCase => ({ persona, verb, value, broken: ['action'] }));
  const arbitraries: fc.WeightedArbitrary<VerbCase>[] = [
    { weight: 5, arbitrary: brokenButton },
    { weight: 2, arbitrary: randomData },
    { weight: 2, arbitrary: malformed },
  ];
  if (refused.length > 0) {
    const outsider = fc
      .tuple(fc.constantFrom(...refused), fc.constantFrom(...instances))
      .map(([persona, instance]): VerbCase => ({ persona, verb, value: invokeValue(verb, submissionOf(instance)), broken: ['audience'] }));
    arbitraries.push({ weight: 1, arbitrary: outsider });
  }
  return fc.oneof(...arbitraries);
}
