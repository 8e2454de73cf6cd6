import { z } from 'zod';
import { aadObjectIdSchema, type Person } from '../directory/person';
import { isLocalDate, type LocalDate } from '../reminders/calendar';
import { formatDay } from './training-dates';
import { trainingTypeIdSchema, type TrainingType } from './training-type';

/** How a training was followed (DOMAIN §2: "e-learning or classroom"; the 2020 report counts e-learning apart). */
export const trainingModes = ['e-learning', 'presentiel'] as const;

/** How a training was followed. */
export type TrainingMode = (typeof trainingModes)[number];

const maxTitleLength = 200;
/** Control characters (C0, DEL, C1): a title is one line of plain text shown on cards. */
const controlCharacter = /\p{Cc}/u;

/** A day written YYYY-MM-DD that exists ('2027-02-29' does not). */
const localDateSchema = z.string().refine(isLocalDate, 'date AAAA-MM-JJ invalide');

/** One completed training of one person: the evidence the label audit asks for (4.2, E.28). */
export const trainingRecordSchema = z.object({
  /** Who followed it (aadObjectId). */
  personId: aadObjectIdSchema,
  /** Which training type. */
  typeId: trainingTypeIdSchema,
  /** Day it was completed; the expiry counts from it. */
  completedOn: localDateSchema,
  /** The session's title as the person gives it ("Accueil des publics en préfecture"). */
  title: z
    .string()
    .trim()
    .min(1)
    .max(maxTitleLength)
    .refine((text) => !controlCharacter.test(text), 'caractères de contrôle interdits'),
  /** E-learning or classroom. */
  mode: z.enum(trainingModes),
  /** Who declared it: the person, their manager or the quality officer (aadObjectId). */
  declaredBy: aadObjectIdSchema,
  /** When it was declared (ISO instant); reminders never anticipate it. */
  declaredAt: z.iso.datetime(),
});

/** One completed training of one person. */
export type TrainingRecord = z.infer<typeof trainingRecordSchema>;

/** The form fields a declaration error can point at ('form' when the input is not a form at all). */
export type DeclarationField = 'form' | 'typeId' | 'completedOn' | 'title' | 'mode' | 'declaredBy';

/** One reason a declaration is refused, in French, attached to the field to correct. */
export interface DeclarationError {
  field: DeclarationField;
  message: string;
}

/** Outcome of a declaration: the record to store, or every problem found (nothing is written). */
export type DeclarationResult = { ok: true; record: TrainingRecord } | { ok: false; errors: DeclarationError[] };

/** What a declaration is checked against; `now` stamps `declaredAt` (services never read the clock). */
export interface DeclarationContext {
  types: readonly TrainingType[];
  /** Whose training it is; their `arrivedOn`, when known, is the earliest date accepted. */
  person: Person;
  /** Who fills the card. */
  declarer: Person;
  /** Today in the prefecture's zone. */
  today: LocalDate;
  now: Date;
}

/**
 * Earliest completion date accepted when the arrival is unknown: a sanity bound against typos ("1026"), not an
 * arrival. People imported at deployment are registered that day, so their registration cannot be the bound.
 */
export const earliestCompletionDate: LocalDate = '1970-01-01';

/** The person themself, a manager of the person's service, or the quality officer may declare (issue). */
export function mayDeclareFor(declarer: Pick<Person, 'id' | 'roles' | 'service'>, person: Pick<Person, 'id' | 'service'>): boolean {
  if (declarer.id === person.id || declarer.roles.includes('rq')) return true;
  return declarer.roles.includes('manager') && declarer.service !== undefined && declarer.service === person.service;
}

const messages = {
  form: 'Formulaire de déclaration illisible : recommencez depuis la carte.',
  typeMissing: 'Choisissez le type de formation.',
  typeUnknown: 'Type de formation inconnu.',
  typeInactive: "Ce type de formation n'est plus actif : choisissez-en un autre.",
  dateMissing: 'Indiquez la date de la formation.',
  dateInvalid: 'Date invalide : attendu AAAA-MM-JJ, par exemple 2026-03-12.',
  dateFuture: 'La date ne peut pas être dans le futur.',
  dateTooOld: `Date trop ancienne : indiquez une date à partir du ${formatDay(earliestCompletionDate, 'fr')}.`,
  dateBeforeArrival: (arrival: LocalDate) => `La date ne peut pas être antérieure à l'arrivée de l'agent (${formatDay(arrival, 'fr')}).`,
  titleMissing: "Indiquez l'intitulé de la formation.",
  titleTooLong: `L'intitulé ne doit pas dépasser ${maxTitleLength} caractères.`,
  titleControl: "L'intitulé contient des caractères non autorisés (retour à la ligne, tabulation…) : retirez-les.",
  mode: 'Choisissez le mode : e-learning ou présentiel.',
  declarer:
    'Vous ne pouvez déclarer une formation que pour vous-même, pour un agent de votre service si vous êtes encadrant, ou en tant que responsable qualité.',
};

function isTrainingMode(value: unknown): value is TrainingMode {
  return trainingModes.some((mode) => mode === value);
}

/**
 * Checks a declaration card's data ({ typeId, completedOn, title, mode }) and builds the record. Every field is
 * checked, so the card can show all problems at once. The date may not be in the future, nor before the
 * person's arrival when the directory knows it (`person.arrivedOn`); otherwise only before 1970 is refused.
 */
export function validateDeclaration(input: unknown, context: DeclarationContext): DeclarationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: 'form', message: messages.form }] };
  }
  const fields = input as Record<string, unknown>;
  const errors: DeclarationError[] = [];
  const fail = (field: DeclarationField, message: string) => errors.push({ field, message });

  const { typeId } = fields;
  const type = typeof typeId === 'string' ? context.types.find((candidate) => candidate.id === typeId) : undefined;
  if (typeof typeId !== 'string' || typeId.trim() === '') fail('typeId', messages.typeMissing);
  else if (!type) fail('typeId', messages.typeUnknown);
  else if (!type.active) fail('typeId', messages.typeInactive);

  const { completedOn } = fields;
  const arrival = context.person.arrivedOn;
  if (typeof completedOn !== 'string' || completedOn.trim() === '') fail('completedOn', messages.dateMissing);
  else if (!isLocalDate(completedOn)) fail('completedOn', messages.dateInvalid);
  else if (completedOn > context.today) fail('completedOn', messages.dateFuture);
  else if (completedOn < earliestCompletionDate) fail('completedOn', messages.dateTooOld);
  else if (arrival !== undefined && completedOn < arrival) fail('completedOn', messages.dateBeforeArrival(arrival));

  const title = typeof fields.title === 'string' ? fields.title.trim() : '';
  if (title === '') fail('title', messages.titleMissing);
  else if (title.length > maxTitleLength) fail('title', messages.titleTooLong);
  else if (controlCharacter.test(title)) fail('title', messages.titleControl);

  const { mode } = fields;
  if (!isTrainingMode(mode)) fail('mode', messages.mode);

  if (!mayDeclareFor(context.declarer, context.person)) fail('declaredBy', messages.declarer);

  if (errors.length > 0 || !type || typeof completedOn !== 'string' || !isTrainingMode(mode)) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    record: {
      personId: context.person.id,
      typeId: type.id,
      completedOn,
      title,
      mode,
      declaredBy: context.declarer.id,
      declaredAt: context.now.toISOString(),
    },
  };
}
