import { z } from 'zod';
import { actionFormCard } from '../../cards/action-form';
import type { CardJson } from '../../cards/render';
import { actionSourceLabels, actionSources } from '../../services/action-plan/action-item';
import { isBlank } from '../../services/action-plan/action-input';
import { isQualityOfficer } from '../../services/action-plan/action-people';
import { validateProposal, type ProposalError, type ProposalField } from '../../services/action-plan/action-proposal';
import { findOwner } from '../../services/checks/check-item-edit';
import type { CommandContext, HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { typedValuesShownAgain } from './shown-again';
import { storeNewAction } from './action-create';
import { maxOwnerChoices } from './check-item-form';

const texts = {
  fr: {
    introProposal: 'Votre proposition sera examinée par le responsable qualité, qui l’inscrira au plan avec une échéance.',
    introRq: 'Avec une échéance, l’action est inscrite au plan dès l’enregistrement ; sans échéance, elle reste une proposition.',
    submitProposal: 'Proposer',
    submitRq: 'Enregistrer',
    deadlineProposal: 'Facultative : le responsable qualité la fixera en inscrivant l’action au plan.',
    deadlineRq: 'Obligatoire pour inscrire l’action au plan directement.',
    invalid: 'Certaines informations sont à corriger : voir les messages sous les champs. Rien n’a été enregistré.',
    unreadable: 'Certaines valeurs envoyées par la carte sont illisibles : vérifiez les champs et recommencez. Rien n’a été enregistré.',
    notShownAgain: 'Certains textes saisis sont trop longs pour être réaffichés : saisissez-les à nouveau.',
  },
  en: {
    introProposal: 'The quality officer will review your proposal and add it to the plan with a deadline.',
    introRq: 'With a deadline, the action goes straight into the plan; without one, it stays a proposal.',
    submitProposal: 'Propose',
    submitRq: 'Save',
    deadlineProposal: 'Optional: the quality officer sets it when adding the action to the plan.',
    deadlineRq: 'Required to add the action to the plan directly.',
    invalid: 'Some information needs correcting: see the messages under the fields. Nothing was saved.',
    unreadable: 'Some values sent by the card are unreadable: check the fields and try again. Nothing was saved.',
    notShownAgain: 'Some texts typed are too long to be shown again: type them again.',
  },
};

/** The form's values as typed (multi-selects as comma-separated ids), kept when it comes back with errors. */
export interface ActionFormValues {
  finding: string;
  action: string;
  references: string;
  sources: string;
  sourceDate: string;
  deadline: string;
  services: string;
  ownerId: string;
}

const formFields = ['finding', 'action', 'references', 'sources', 'sourceDate', 'deadline', 'services', 'ownerId'] as const;
/** What a card may send per field: the domain says what is too long, this only keeps absurd payloads out. */
const fieldSizes: Record<(typeof formFields)[number], number> = {
  finding: 1000,
  action: 10_000,
  references: 1000,
  sources: 500,
  sourceDate: 40,
  deadline: 40,
  services: 500,
  ownerId: 300,
};

const field = (max: number) => z.string().max(max).optional().default('');
const formSchema = z.object({
  finding: field(fieldSizes.finding),
  action: field(fieldSizes.action),
  references: field(fieldSizes.references),
  sources: field(fieldSizes.sources),
  sourceDate: field(fieldSizes.sourceDate),
  deadline: field(fieldSizes.deadline),
  services: field(fieldSizes.services),
  ownerId: field(fieldSizes.ownerId),
});

/** Values of a payload that failed the schema: strings kept (cut to the inputs' sizes), anything else dropped. */
function typedValues(raw: Record<string, unknown>, fallbackOwner: string): ActionFormValues {
  const text = (key: (typeof formFields)[number]) => {
    const value = raw[key];
    return typeof value === 'string' ? value.slice(0, Math.min(fieldSizes[key], 2000)) : '';
  };
  const values = Object.fromEntries(formFields.map((key) => [key, text(key)])) as unknown as ActionFormValues;
  return { ...values, ownerId: values.ownerId || fallbackOwner };
}

/** The form with the sources, services and people to choose from, the values as typed, and any errors. */
async function buildActionForm(context: HandlerContext, typed: ActionFormValues, errors: readonly ProposalError[] = []): Promise<CardJson> {
  const { app, actor, clock, locale } = context;
  const t = texts[locale];
  // A refused form shows back what was typed: the heaviest texts are left out rather than the card failing.
  const { values, blanked } = typedValuesShownAgain(typed);
  const [people, services] = await Promise.all([app.people.list(), app.services.list()]);
  const listed = people.length <= maxOwnerChoices;
  const owner = findOwner(people, values.ownerId);
  const rq = isQualityOfficer(actor);
  const message = (name: ProposalField) => errors.find((error) => error.field === name)?.message ?? '';
  const fieldErrors = errors.some((error) => error.field !== 'form');
  return actionFormCard(
    {
      intro: rq ? t.introRq : t.introProposal,
      submitLabel: rq ? t.submitRq : t.submitProposal,
      ...values,
      ownerId: owner ? (listed ? owner.id : (owner.email ?? values.ownerId)) : values.ownerId,
      today: app.calendar.localDateOf(clock.now()),
      deadlineHint: rq ? t.deadlineRq : t.deadlineProposal,
      sourceChoices: actionSources.map((value) => ({ value, title: actionSourceLabels[value][locale] })),
      serviceChoices: services.map((service) => ({ value: service.code, title: `${service.name} (${service.code})` })),
      people: listed
        ? [...people].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((person) => ({ value: person.id, title: `${person.name} (${person.service ?? '—'})` }))
        : [],
      formError: [message('form') || (fieldErrors ? t.invalid : ''), blanked.length > 0 ? t.notShownAgain : ''].filter(Boolean).join(' '),
      findingError: message('finding'),
      actionError: message('action'),
      referencesError: message('references'),
      sourcesError: message('sources'),
      sourceDateError: message('sourceDate'),
      deadlineError: message('deadline'),
      servicesError: message('services'),
      ownerIdError: message('ownerId'),
    },
    locale,
  );
}

const emptyValues = (ownerId: string): ActionFormValues => ({ finding: '', action: '', references: '', sources: '', sourceDate: '', deadline: '', services: '', ownerId });

/** « nouvelle action [constat] »: the empty form, the proposer as owner; words after the command become the finding. */
export async function showNewActionForm(context: CommandContext): Promise<void> {
  const values = { ...emptyValues(context.actor.id), finding: context.argument.trim().slice(0, 300) };
  await context.reply(await buildActionForm(context, values));
}

/** « Nouvelle action » on the plan card (no data), or a button that prefills some fields (same names as the form). */
export const actionProposeFormVerb = defineVerb({
  schema: formSchema,
  audience: 'everyone',
  handle: async (context, data) => buildActionForm(context, { ...data, ownerId: data.ownerId || context.actor.id }),
  invalid: async (context, raw) => buildActionForm(context, typedValues(raw, context.actor.id)),
});

/**
 * « Proposer » / « Enregistrer » on the form: the domain checks every field (nothing is written on a bad one: the
 * form comes back with the errors next to the fields and the values kept), then the action is stored, audited,
 * and sent to the quality officers when it waits for them.
 */
export const actionProposeVerb = defineVerb({
  schema: formSchema,
  audience: 'everyone',
  handle: async (context, data) => {
    const { app, actor, clock } = context;
    const now = clock.now();
    const [people, services, existing] = await Promise.all([app.people.list(), app.services.list(), app.actions.list()]);
    const ownerId = isBlank(data.ownerId) ? '' : (findOwner(people, data.ownerId)?.id ?? data.ownerId);
    const result = validateProposal(
      { ...data, ownerId },
      { proposer: actor, people, serviceCodes: services.map((service) => service.code), existing, today: app.calendar.localDateOf(now), now },
    );
    if (!result.ok) return buildActionForm(context, { ...data, ownerId: data.ownerId || actor.id }, result.errors);
    return storeNewAction(context, result.item);
  },
  invalid: async (context, raw) => {
    const values = typedValues(raw, context.actor.id);
    return buildActionForm(context, values, [{ field: 'form', message: texts[context.locale].unreadable }]);
  },
});
