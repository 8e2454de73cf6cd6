import fc from 'fast-check';
import type { CardInput } from './card-text';
import type { LiveButton } from './crawl';
import { anyValue, brokenButtonValue, brokenInput, dataOf, extraKeys, invokeValue, type VerbCase } from './fuzz-cases';
import { fuzzInstant } from './fuzz-bot';
import type { TemplateForm } from './template-forms';

/**
 * Required day inputs the domain fills with today when left blank, as the card prefills them: a reply or an
 * acknowledgement sent today (services/complaints/complaint-transitions.ts, sentDay).
 */
export const blankMeansToday: Readonly<Record<string, readonly string[]>> = {
  'complaint.acknowledge': ['ackOn'],
  'complaint.reply': ['substanceOn', 'holdingOn'],
};

/**
 * Required inputs the handler fills with the person acting when left blank, as the card prefills them: a training
 * declared without choosing whom it is for is one's own (bot/handlers/training.ts).
 */
export const blankMeansTheActor: Readonly<Record<string, readonly string[]>> = {
  'training.declare': ['personId'],
};

/**
 * Button data whose absence asks for something else rather than nothing: a save without the item's id creates a
 * new item (the « Nouvel élément » form sends it empty). Only a wrong id breaks them.
 */
export const absentMeansNew: Readonly<Record<string, string>> = {
  'checkItem.save': 'itemId',
  'trainingType.save': 'typeId',
  'labelCalendar.save': 'id',
  'clu.save': 'id',
};

/** A form met on a live card: the template's inputs, with the choices and values the rendered card gave them. */
export interface LiveForm {
  form: TemplateForm;
  instances: LiveButton[];
}

/** Live buttons that are this template form: same verb, same fixed data (a step, a reply kind). */
export function liveInstances(form: TemplateForm, live: LiveButton[]): LiveButton[] {
  return live.filter(
    (button) => button.verb === form.verb && Object.entries(form.fixedData).every(([key, value]) => String(button.data[key]) === String(value)),
  );
}

const today = fuzzInstant.slice(0, 10);

/** What a person would leave in an input: the card's value, else the first choice, today, or a short text. */
export function plausibleValue(input: CardInput): string {
  if (input.value !== undefined && input.value !== '') return input.value;
  switch (input.type) {
    case 'ChoiceSet':
      return (input.multiSelect ? input.choices.slice(0, 2) : input.choices.slice(0, 1)).join(',');
    case 'Date':
      return today;
    case 'Time':
      return '14:00';
    case 'Toggle':
      return 'false';
    default:
      return 'Texte saisi pour le test';
  }
}

/** The template's inputs as one live card renders them (choices, prefilled values); the template decides which exist. */
export function inputsOn(form: TemplateForm, instance: LiveButton): CardInput[] {
  return form.inputs.map((input) => {
    const rendered = instance.inputs.find((candidate) => candidate.id === input.id);
    // The rendered card says whether the input is required there (« Classer » needs a reason only before a reply).
    return rendered
      ? { ...input, required: rendered.required, choices: rendered.choices.length > 0 ? rendered.choices : input.choices, value: rendered.value }
      : input;
  });
}

/** The submission a person would send from this card: the button's data and every input. */
export function baseSubmission(form: TemplateForm, instance: LiveButton): Record<string, unknown> {
  return { ...Object.fromEntries(inputsOn(form, instance).map((input) => [input.id, plausibleValue(input)])), ...instance.data };
}

/**
 * Submissions of one form with at least one required input broken (missing, blank, wrong type, impossible date,
 * a choice that is not offered, 100 KB); a form without required input gets its button's data broken (id,
 * revision, ETag). Every other input is left as typed, hostile, of the wrong type or missing.
 */
export function brokenSubmissions(liveForm: LiveForm): fc.Arbitrary<VerbCase> {
  const { form, instances } = liveForm;
  return fc.constantFrom(...instances).chain((instance) => {
    const inputs = inputsOn(form, instance);
    const base = baseSubmission(form, instance);
    const required = inputs.filter((input) => input.required).map((input) => input.id);
    const buttonKeys = form.boundKeys.filter((key) => key in instance.data);
    const targets = fc
      .tuple(fc.subarray(required, { minLength: required.length > 0 ? 1 : 0 }), fc.subarray(buttonKeys, { minLength: required.length > 0 ? 0 : Math.min(1, buttonKeys.length) }))
      .map(([a, b]) => [...a, ...b]);
    return targets.chain((broken) => {
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      const blankIsValid = [...(blankMeansToday[form.verb] ?? []), ...(blankMeansTheActor[form.verb] ?? [])];
      for (const input of inputs) fields[input.id] = broken.includes(input.id) ? brokenInput(input, blankIsValid.includes(input.id)) : anyValue(base[input.id]);
      for (const [key, value] of Object.entries(instance.data)) {
        fields[key] = broken.includes(key) ? brokenButtonValue(key, value, absentMeansNew[form.verb] === key) : fc.constant(value);
      }
      return fc
        .tuple(fc.record(fields), extraKeys)
        .map(([values, extra]): VerbCase => ({ persona: instance.persona, verb: form.verb, value: invokeValue(form.verb, dataOf(values, extra)), broken, base }));
    });
  });
}
