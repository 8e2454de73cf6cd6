import { z } from 'zod';
import { fraudFormCard, type FraudFormCardData } from '../../cards/fraud-form';
import { fill, type CardJson } from '../../cards/render';
import {
  fraudNatureLabels,
  fraudNatures,
  fraudServiceLabel,
  fraudServiceOfDirectoryService,
  fraudServices,
  titleTypeLabels,
  titleTypes,
} from '../../services/fraud/fraud-catalog';
import { earliestDetection, validateFraudForm, type FraudFormError, type FraudFormField } from '../../services/fraud/fraud-form';
import { qualifiersOf } from '../../services/fraud/fraud-rules';
import type { FraudSignal } from '../../services/fraud/fraud-signal';
import type { CommandContext, HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { buildFraudSignalCard, fraudQualifyTopic, todayFor } from './fraud-view';

const texts = {
  fr: {
    recorded: 'Signalement {id} enregistré. Transmis pour qualification à : {names}.',
    recordedNoReferent: 'Signalement {id} enregistré, mais aucun référent fraude n’est dans l’annuaire pour le qualifier : prévenez le responsable qualité.',
    recordedByReferent: 'Signalement {id} enregistré.',
    alreadyRecorded: 'Ce formulaire avait déjà été reçu : rien n’est enregistré deux fois. ',
    unreadable: 'Certaines valeurs envoyées par la carte sont illisibles : vérifiez les champs et recommencez. Rien n’a été enregistré.',
  },
  en: {
    recorded: 'Signal {id} saved. Sent for qualification to: {names}.',
    recordedNoReferent: 'Signal {id} saved, but no fraud referent is in the directory to qualify it: tell the quality officer.',
    recordedByReferent: 'Signal {id} saved.',
    alreadyRecorded: 'This form had already been received: nothing is saved twice. ',
    unreadable: 'Some values sent by the card are unreadable: check the fields and try again. Nothing was saved.',
  },
};

/** The values of the form as typed (strings only, cut to the inputs' sizes), kept when it comes back. */
type FraudFormValues = Pick<
  FraudFormCardData,
  'service' | 'titleType' | 'nature' | 'detectedOn' | 'fileReference' | 'description' | 'article40' | 'article40On'
>;

function typedValues(raw: Record<string, unknown>): FraudFormValues {
  const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');
  return {
    service: text(raw.service, 20),
    titleType: text(raw.titleType, 40),
    nature: text(raw.nature, 40),
    detectedOn: text(raw.detectedOn, 10),
    fileReference: text(raw.fileReference, 40),
    description: text(raw.description, 1000),
    article40: raw.article40 === true || text(raw.article40, 5) === 'true' ? 'true' : 'false',
    article40On: text(raw.article40On, 10),
  };
}

const errorKeys: Record<Exclude<FraudFormField, 'form'>, keyof FraudFormCardData> = {
  service: 'serviceError',
  titleType: 'titleTypeError',
  nature: 'natureError',
  detectedOn: 'detectedOnError',
  fileReference: 'fileReferenceError',
  description: 'descriptionError',
  article40: 'article40Error',
  article40On: 'article40OnError',
};

/** The form with typed values and the errors next to their fields. */
function formCard(context: HandlerContext, values: FraudFormValues, errors: readonly FraudFormError[] = []): CardJson {
  const { app, clock, locale } = context;
  const today = todayFor(app, clock);
  const messages = new Map<string, string>();
  for (const error of errors) {
    const key = error.field === 'form' ? 'formError' : errorKeys[error.field];
    messages.set(key, [messages.get(key), error.message].filter(Boolean).join(' '));
  }
  const message = (key: keyof FraudFormCardData) => messages.get(key) ?? '';
  return fraudFormCard(
    {
      services: fraudServices.map((service) => ({ value: service, title: fraudServiceLabel(service, locale) })),
      titleTypes: titleTypes.map((type) => ({ value: type, title: titleTypeLabels[type][locale] })),
      natures: fraudNatures.map((nature) => ({ value: nature, title: fraudNatureLabels[nature][locale] })),
      ...values,
      today,
      earliest: earliestDetection(today),
      formError: message('formError'),
      serviceError: message('serviceError'),
      titleTypeError: message('titleTypeError'),
      natureError: message('natureError'),
      detectedOnError: message('detectedOnError'),
      fileReferenceError: message('fileReferenceError'),
      descriptionError: message('descriptionError'),
      article40Error: message('article40Error'),
      article40OnError: message('article40OnError'),
    },
    locale,
  );
}

/** An empty form; the domain of the actor's service (BMI, CERT) is preset. */
function emptyForm(context: HandlerContext): CardJson {
  const service = fraudServiceOfDirectoryService(context.actor.service) ?? '';
  return formCard(context, { service, titleType: '', nature: '', detectedOn: '', fileReference: '', description: '', article40: 'false', article40On: '' });
}

/** « signaler une fraude »: the form (anyone may report). */
export async function showReportFraudForm(context: CommandContext): Promise<void> {
  await context.reply(emptyForm(context));
}

/** « Signaler une fraude » on a list card: the form. */
export const fraudFormVerb = defineVerb({
  schema: z.object({}),
  audience: 'everyone',
  handle: async (context) => emptyForm(context),
});

/**
 * Finishes what an earlier attempt of the same submission may have left undone: its author's index row, its
 * `fraud.submit` audit line and the referents' copies (each step is skipped when already there).
 */
async function finishEarlierAttempt(context: HandlerContext, signal: FraudSignal, listCopies: (signal: FraudSignal) => Promise<void>): Promise<void> {
  const { app, actor } = context;
  await app.fraudSignals.ensureIndexed(signal);
  const audited = await app.audit.listMonth(signal.createdAt.slice(0, 7), { entityId: signal.id, limit: 1000 });
  if (!audited.some((entry) => entry.action === 'fraud.submit')) {
    await app.audit.append({ actorId: actor.id, action: 'fraud.submit', entityType: 'fraud-signal', entityId: signal.id, after: signal });
  }
  await listCopies(signal);
}

/** Card inputs of the form; the rules (and their messages) are validateFraudForm's. */
const submitSchema = z.object({
  service: z.string().max(40).optional(),
  titleType: z.string().max(60).optional(),
  nature: z.string().max(60).optional(),
  detectedOn: z.string().max(40).optional(),
  fileReference: z.string().max(2000).optional(),
  description: z.string().max(10_000).optional(),
  article40: z.union([z.string().max(10), z.boolean()]).optional(),
  article40On: z.string().max(40).optional(),
});

/**
 * « Envoyer le signalement »: checks every field (personal data in free text, a date in the future, an unknown
 * domain… bring the form back with the errors and nothing written), stores the signal under its number, audits
 * it, sends the qualification card to every fraud referent, and answers the author with their signal's card.
 * The referents' copies are listed before the signal is written, so a crash after the write leaves cards the next
 * sweep sends. The same form sent again (Teams' redelivery after a failure, or a click after « momentanément
 * indisponible ») finishes the signal an earlier attempt stored instead of storing a second one.
 */
export const fraudSubmitVerb = defineVerb({
  schema: submitSchema,
  audience: 'everyone',
  handle: async (context, data) => {
    const { app, actor, clock, locale } = context;
    const t = texts[locale];
    const now = clock.now();
    const result = validateFraudForm(data, { author: actor, today: todayFor(app, clock), now }, locale);
    if (!result.ok) return formCard(context, typedValues(data), result.errors);
    const referents = qualifiersOf(result.draft, await app.people.list());
    const listCopies = async (signal: FraudSignal) => {
      if (referents.length > 0) await app.sharedCards.addRecipients(fraudQualifyTopic(signal), referents.map((person) => person.id), now.toISOString());
    };
    const earlier = await app.fraudSignals.findSameSubmission(result.draft, now);
    const stored = earlier ?? (await app.fraudSignals.create(result.draft, listCopies));
    const { etag: _etag, ...signal } = stored;
    if (earlier) await finishEarlierAttempt(context, signal, listCopies);
    else await app.audit.append({ actorId: actor.id, action: 'fraud.submit', entityType: 'fraud-signal', entityId: signal.id, after: signal });
    if (referents.length > 0) context.publishSharedCard(fraudQualifyTopic(signal));
    const notice = referents.length > 0 ? t.recorded : actor.roles.includes('fraud-referent') ? t.recordedByReferent : t.recordedNoReferent;
    const lead = earlier ? t.alreadyRecorded : '';
    return buildFraudSignalCard(context, signal, { notice: lead + fill(notice, { id: signal.id, names: referents.map((person) => person.name).join(', ') }), noticeColor: 'Good' });
  },
  invalid: async (context, raw) => formCard(context, typedValues(raw), [{ field: 'form', message: texts[context.locale].unreadable }]),
});
