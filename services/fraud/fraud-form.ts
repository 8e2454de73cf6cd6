import { subYears } from 'date-fns';
import type { Locale } from '../../cards/locale';
import type { Person } from '../directory/person';
import { personalDataRefusal } from '../privacy/personal-data-guard';
import { isLocalDate, type LocalDate } from '../reminders/calendar';
import { formatDay } from '../training/training-dates';
import { fraudNatures, isFraudService, titleTypes, type FraudNature, type TitleType } from './fraud-catalog';
import { fraudTextLimits, type FraudSignalDraft } from './fraud-signal';

/** The form fields an error can point at ('form' when the input is not a form at all). */
export type FraudFormField = 'form' | 'service' | 'titleType' | 'nature' | 'detectedOn' | 'fileReference' | 'description' | 'article40' | 'article40On';

/** One reason the form is refused, attached to the field to correct. */
export interface FraudFormError {
  field: FraudFormField;
  message: string;
}

/** A checked form: the draft to store (storage gives the number), or every problem found (nothing is written). */
export type FraudFormResult = { ok: true; draft: FraudSignalDraft } | { ok: false; errors: FraudFormError[] };

/** What the form is checked against: who fills it, today in the prefecture, and the instant stamped. */
export interface FraudFormContext {
  author: Pick<Person, 'id'>;
  today: LocalDate;
  now: Date;
}

/**
 * How far back a detection date may go: five years, the longest the CNIL lets a fraud file be kept
 * (PLATFORM.md "Personal data"); an older one is a typo ("2205", "1025").
 */
export function earliestDetection(today: LocalDate): LocalDate {
  return subYears(new Date(`${today}T12:00:00Z`), 5).toISOString().slice(0, 10);
}

const messages = {
  fr: {
    form: 'Formulaire illisible : recommencez depuis la carte (« signaler une fraude »).',
    service: 'Choisissez le service concerné dans la liste.',
    titleType: 'Choisissez le type de titre dans la liste.',
    nature: 'Choisissez la nature de la fraude dans la liste.',
    dateMissing: 'Indiquez la date de détection.',
    dateInvalid: 'Date invalide : attendu AAAA-MM-JJ, par exemple 2026-03-12.',
    dateFuture: 'La date de détection ne peut pas être dans le futur.',
    dateTooOld: 'La date de détection ne peut pas être antérieure au {date} (cinq ans).',
    referenceMissing: 'Indiquez la référence interne du dossier.',
    referenceTooLong: `La référence ne doit pas dépasser ${fraudTextLimits.fileReference} caractères.`,
    referenceCharacters: 'La référence ne peut contenir que des lettres, des chiffres, des espaces et - _ / .',
    descriptionMissing: 'Décrivez brièvement la fraude détectée.',
    descriptionTooLong: `La description ne doit pas dépasser ${fraudTextLimits.description} caractères.`,
    control: 'Ce texte contient des caractères non autorisés : retirez-les.',
    article40: 'Indiquez si le procureur a été saisi (article 40) : oui ou non.',
    article40DateMissing: 'Indiquez la date de la transmission au procureur.',
    article40DateFuture: 'La date de transmission ne peut pas être dans le futur.',
    article40DateBefore: 'La date de transmission ne peut pas précéder la détection ({date}).',
    article40DateWithoutReport: 'Ne donnez une date de transmission que si le procureur a été saisi.',
  },
  en: {
    form: 'Unreadable form: start again from the card (“report fraud”).',
    service: 'Pick the service concerned from the list.',
    titleType: 'Pick the title type from the list.',
    nature: 'Pick the nature of the fraud from the list.',
    dateMissing: 'Give the detection date.',
    dateInvalid: 'Invalid date: expected YYYY-MM-DD, for instance 2026-03-12.',
    dateFuture: 'The detection date cannot be in the future.',
    dateTooOld: 'The detection date cannot be before {date} (five years).',
    referenceMissing: 'Give the internal file reference.',
    referenceTooLong: `The reference must not exceed ${fraudTextLimits.fileReference} characters.`,
    referenceCharacters: 'The reference may only hold letters, digits, spaces and - _ / .',
    descriptionMissing: 'Briefly describe the fraud detected.',
    descriptionTooLong: `The description must not exceed ${fraudTextLimits.description} characters.`,
    control: 'This text holds characters that are not allowed: remove them.',
    article40: 'Say whether the prosecutor was informed (article 40): yes or no.',
    article40DateMissing: 'Give the date the prosecutor was informed.',
    article40DateFuture: 'The date of the report cannot be in the future.',
    article40DateBefore: 'The date of the report cannot come before the detection ({date}).',
    article40DateWithoutReport: 'Give a report date only when the prosecutor was informed.',
  },
};

/** Control characters other than line breaks (the description is multi-line). */
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const referenceCharacters = /^[\p{L}\p{N} _./-]+$/u;

/** Reads the article-40 toggle ('true'/'false' from Input.Toggle; oui/non; a boolean); undefined when unreadable. */
export function readYesNo(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const folded = value.trim().toLowerCase();
  if (['true', 'oui', 'yes', 'o', 'y', '1'].includes(folded)) return true;
  if (['false', 'non', 'no', 'n', '0'].includes(folded)) return false;
  return undefined;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Checks the « signaler une fraude » card (service, titleType, nature, detectedOn, fileReference, description,
 * article40, article40On) and builds the draft. Every field is checked so the card shows every problem at once;
 * free texts are refused when they plainly hold personal data, naming what was found (PLATFORM.md "Personal data").
 */
export function validateFraudForm(input: unknown, context: FraudFormContext, locale: Locale = 'fr'): FraudFormResult {
  const m = messages[locale];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, errors: [{ field: 'form', message: m.form }] };
  const fields = input as Record<string, unknown>;
  const errors: FraudFormError[] = [];
  const fail = (field: FraudFormField, message: string) => errors.push({ field, message });

  const { service } = fields;
  if (!isFraudService(service)) fail('service', m.service);
  const titleType = titleTypes.find((type) => type === fields.titleType);
  if (!titleType) fail('titleType', m.titleType);
  const nature = fraudNatures.find((candidate) => candidate === fields.nature);
  if (!nature) fail('nature', m.nature);

  const detectedOn = text(fields.detectedOn);
  const earliest = earliestDetection(context.today);
  let detectionOk = false;
  if (detectedOn === '') fail('detectedOn', m.dateMissing);
  else if (!isLocalDate(detectedOn)) fail('detectedOn', m.dateInvalid);
  else if (detectedOn > context.today) fail('detectedOn', m.dateFuture);
  else if (detectedOn < earliest) fail('detectedOn', m.dateTooOld.replace('{date}', formatDay(earliest, locale)));
  else detectionOk = true;

  const fileReference = text(fields.fileReference);
  const referenceData = personalDataRefusal(fileReference, locale);
  if (fileReference === '') fail('fileReference', m.referenceMissing);
  else if (fileReference.length > fraudTextLimits.fileReference) fail('fileReference', m.referenceTooLong);
  else if (referenceData) fail('fileReference', referenceData);
  else if (!referenceCharacters.test(fileReference)) fail('fileReference', m.referenceCharacters);

  const description = text(fields.description);
  const descriptionData = personalDataRefusal(description, locale);
  if (description === '') fail('description', m.descriptionMissing);
  else if (description.length > fraudTextLimits.description) fail('description', m.descriptionTooLong);
  else if (descriptionData) fail('description', descriptionData);
  else if (controlCharacter.test(description)) fail('description', m.control);

  const reported = readYesNo(fields.article40);
  const reportedOn = text(fields.article40On);
  if (reported === undefined) fail('article40', m.article40);
  else if (reported) {
    if (reportedOn === '') fail('article40On', m.article40DateMissing);
    else if (!isLocalDate(reportedOn)) fail('article40On', m.dateInvalid);
    else if (reportedOn > context.today) fail('article40On', m.article40DateFuture);
    else if (detectionOk && reportedOn < detectedOn) fail('article40On', m.article40DateBefore.replace('{date}', formatDay(detectedOn, locale)));
  } else if (reportedOn !== '') fail('article40On', m.article40DateWithoutReport);

  if (errors.length > 0 || !isFraudService(service) || !titleType || !nature || reported === undefined) return { ok: false, errors };
  const nowIso = context.now.toISOString();
  return {
    ok: true,
    draft: {
      service,
      titleType: titleType satisfies TitleType,
      nature: nature satisfies FraudNature,
      detectedOn,
      fileReference,
      description,
      article40: reported ? { reported: true, on: reportedOn } : { reported: false },
      authorId: context.author.id,
      createdAt: nowIso,
      state: 'submitted',
      submittedAt: nowIso,
      exchanges: [],
      revision: 0,
    },
  };
}
