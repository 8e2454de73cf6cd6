import { z } from 'zod';
import type { Locale } from '../../cards/locale';
import { noticeCard } from '../../cards/notice';
import { fill, type CardJson } from '../../cards/render';
import { trainingFormCard } from '../../cards/training-form';
import { trainingOverviewCard } from '../../cards/training-overview';
import { trainingStatusCard, type TrainingStatusCardData } from '../../cards/training-status';
import { aadObjectIdSchema, type Person, type StoredPerson } from '../../services/directory/person';
import type { LocalDate } from '../../services/reminders/calendar';
import { normalizeText } from '../../services/text/normalize';
import { formatDay } from '../../services/training/training-dates';
import { declarablePeople, followedPeople, trainingOverview, trainingScopeOf } from '../../services/training/training-overview';
import { mayDeclareFor, validateDeclaration, type DeclarationError } from '../../services/training/training-record';
import { trainingTypeIdSchema } from '../../services/training/training-type';
import type { CommandContext, HandlerContext } from '../turn-context';
import { trainingFilterCard } from './status-details';
import { defineVerb } from '../verb-definition';
import { formCardData, overviewCardData, statusCardData, typeLabel, type TrainingFormValues } from './training-views';

const texts = {
  fr: {
    recorded: 'Formation enregistrée : {type}, suivie le {date}.',
    recordedFor: 'Formation enregistrée pour {name} : {type}, suivie le {date}.',
    already: 'Déjà enregistrée : {type} du {date} (« {title} », déclarée le {when}). Rien n’a été modifié.',
    unknownPerson: 'Personne introuvable dans l’annuaire : choisissez-en une autre.',
    notAllowedTitle: 'Déclaration impossible',
    notAllowed:
      'Vous ne pouvez déclarer une formation que pour vous-même, pour un agent de votre service si vous êtes encadrant, ou en tant que responsable qualité.',
    unreadable: 'Certaines valeurs envoyées par la carte sont illisibles : vérifiez les champs et recommencez.',
    unknownService: 'Service « {service} » inconnu : tapez « services » pour la liste des codes.',
    ownServiceOnly: 'Vous suivez les formations de votre service ({service}) uniquement.',
    none: 'Personne ne correspond à « {typed} » parmi les personnes pour qui vous pouvez déclarer.',
    many: '{n} personnes correspondent à « {typed} » : précisez (e-mail).',
  },
  en: {
    recorded: 'Training recorded: {type}, completed on {date}.',
    recordedFor: 'Training recorded for {name}: {type}, completed on {date}.',
    already: 'Already on record: {type} of {date} (“{title}”, declared on {when}). Nothing was changed.',
    unknownPerson: 'Person not found in the directory: pick someone else.',
    notAllowedTitle: 'Declaration not allowed',
    notAllowed: 'You may declare a training only for yourself, for someone of your service if you are a manager, or as quality officer.',
    unreadable: 'Some values sent by the card are unreadable: check the fields and try again.',
    unknownService: 'Unknown service “{service}”: type “services” for the list of codes.',
    ownServiceOnly: 'You follow the training of your own service ({service}) only.',
    none: 'Nobody you may declare for matches “{typed}”.',
    many: '{n} people match “{typed}”: be more precise (e-mail).',
  },
};

/** Today in the prefecture's zone. */
function todayOf(context: HandlerContext): LocalDate {
  return context.app.calendar.localDateOf(context.clock.now());
}

/** One person's status card, optionally with what just happened on top. */
async function statusCard(context: HandlerContext, person: Person, notice?: { text: string; style: TrainingStatusCardData['noticeStyle'] }): Promise<CardJson> {
  const { app, actor, locale } = context;
  const [types, records] = await Promise.all([app.trainingTypes.list(), app.trainingRecords.listFor(person.id)]);
  return trainingStatusCard(statusCardData({ person, viewerId: actor.id, types, records, today: todayOf(context), locale, notice }), locale);
}

/** The person behind an id sent by a card: the actor, someone of the directory, or undefined (unknown, malformed). */
async function personById(context: HandlerContext, id: string): Promise<StoredPerson | undefined> {
  if (id === context.actor.id) return context.actor;
  return aadObjectIdSchema.safeParse(id).success ? context.app.people.get(id) : undefined;
}

const emptyValues = (personId: string): TrainingFormValues => ({ personId, typeId: '', completedOn: '', title: '', mode: '' });

/** The declaration form with typed values and errors. */
async function formCard(context: HandlerContext, values: TrainingFormValues, errors: readonly DeclarationError[] = []): Promise<CardJson> {
  const { app, actor, locale } = context;
  const [types, people] = await Promise.all([app.trainingTypes.list(), app.people.list()]);
  const declarable = declarablePeople(actor, people.some((person) => person.id === actor.id) ? people : [actor, ...people]);
  return trainingFormCard(formCardData({ declarable, types, values, errors, today: todayOf(context), locale }), locale);
}

function refusal(locale: Locale): CardJson {
  const t = texts[locale];
  return noticeCard({ style: 'warning', title: t.notAllowedTitle, text: t.notAllowed, reference: '' }, locale);
}

/** « mes formations »: the actor's required trainings and where each stands. */
export async function showMyTraining(context: CommandContext): Promise<void> {
  await context.reply(await statusCard(context, context.actor));
}

/**
 * « formations [service] »: own status for an agent, the service for a manager, everything for the RQ and admins;
 * « expirées » or « à renouveler » narrows it (status-details.ts).
 */
export async function showTraining(context: CommandContext): Promise<void> {
  const { app, actor, locale, argument } = context;
  const t = texts[locale];
  // Issue 7: « formations expirées », « formations à renouveler [BMI] ».
  const filtered = await trainingFilterCard(context, argument);
  if (filtered) return context.reply(filtered);
  const widest = trainingScopeOf(actor);
  if (widest.kind === 'own') return showMyTraining(context);
  const typed = argument.trim().toUpperCase();
  let scope: { kind: 'service'; service: string } | { kind: 'all' } = widest;
  if (typed !== '') {
    if (widest.kind === 'service' && typed !== widest.service) return context.reply(fill(t.ownServiceOnly, { service: widest.service }));
    if (!(await app.services.get(typed))) return context.reply(fill(t.unknownService, { service: typed.slice(0, 20) }));
    scope = { kind: 'service', service: typed };
  }
  const [everyone, types, records] = await Promise.all([app.people.list(), app.trainingTypes.list(), app.trainingRecords.listAll()]);
  const group = followedPeople(everyone).filter((person) => scope.kind === 'all' || person.service === scope.service);
  const today = todayOf(context);
  const overview = trainingOverview(group, types, records, today);
  await context.reply(trainingOverviewCard(overviewCardData({ overview, scope, today, locale }), locale));
}

/** « déclarer une formation [nom] »: the declaration form, for oneself or for someone the actor may declare for. */
export async function showDeclareTrainingForm(context: CommandContext): Promise<void> {
  const { app, actor, locale, argument } = context;
  const t = texts[locale];
  const typed = argument.trim();
  if (typed === '') return context.reply(await formCard(context, emptyValues(actor.id)));
  const wanted = normalizeText(typed);
  const matches = declarablePeople(actor, await app.people.list()).filter(
    (person) => person.email?.toLowerCase() === typed.toLowerCase() || normalizeText(person.name).includes(wanted),
  );
  if (matches.length === 0) return context.reply(fill(t.none, { typed: typed.slice(0, 60) }));
  if (matches.length > 1) return context.reply(fill(t.many, { n: matches.length, typed: typed.slice(0, 60) }));
  await context.reply(await formCard(context, emptyValues((matches[0] as StoredPerson).id)));
}

/** "Déclarer" on a status line or a reminder (`{ typeId }`), "Déclarer" on an overview line (`{ personId }`). */
export const trainingDeclareFormVerb = defineVerb({
  schema: z.object({ typeId: z.string().max(60).optional(), personId: z.string().max(40).optional() }),
  audience: 'everyone',
  handle: async (context, data) => {
    const { app, actor, locale } = context;
    const person = await personById(context, data.personId?.toLowerCase() || actor.id);
    if (!person || !mayDeclareFor(actor, person)) return refusal(locale);
    const known = trainingTypeIdSchema.safeParse(data.typeId).success ? await app.trainingTypes.get(data.typeId ?? '') : undefined;
    return formCard(context, { ...emptyValues(person.id), typeId: known?.active ? known.id : '' });
  },
});

/** Card inputs of the declaration form; field rules (and their French messages) are validateDeclaration's. */
const declareSchema = z.object({
  personId: z.string().max(40).optional(),
  typeId: z.string().max(100).optional(),
  completedOn: z.string().max(40).optional(),
  title: z.string().max(2000).optional(),
  mode: z.string().max(40).optional(),
});

/** The form's values as typed, kept when the form comes back (strings only, cut to the inputs' sizes). */
function typedValues(raw: Record<string, unknown>, actorId: string): TrainingFormValues {
  const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');
  return {
    personId: text(raw.personId, 40).toLowerCase() || actorId,
    typeId: text(raw.typeId, 60),
    completedOn: text(raw.completedOn, 10),
    title: text(raw.title, 200),
    mode: text(raw.mode, 20),
  };
}

/**
 * "Déclarer" on the form: checks every field (nothing is written on a bad one, the form comes back with the
 * errors next to the fields and the values kept), stores the record once per person, type and day, audits it
 * and answers with the person's updated status.
 */
export const trainingDeclareVerb = defineVerb({
  schema: declareSchema,
  audience: 'everyone',
  handle: async (context, data) => {
    const { app, actor, clock, locale } = context;
    const t = texts[locale];
    const values = typedValues(data, actor.id);
    const person = await personById(context, values.personId);
    if (!person) return formCard(context, values, [{ field: 'declaredBy', message: t.unknownPerson }]);
    const types = await app.trainingTypes.list();
    const now = clock.now();
    const result = validateDeclaration({ ...data, title: data.title ?? '' }, { types, person, declarer: actor, today: todayOf(context), now });
    if (!result.ok) return formCard(context, values, result.errors);
    const { record } = result;
    const type = types.find((candidate) => candidate.id === record.typeId);
    const typeText = type ? typeLabel(type, locale) : record.typeId;
    const outcome = await app.trainingRecords.add(record);
    if (!outcome.added) {
      const { existing } = outcome;
      const when = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: app.timeZone, dateStyle: 'short' }).format(new Date(existing.declaredAt));
      const text = fill(t.already, { type: typeText, date: formatDay(existing.completedOn, locale), title: existing.title, when });
      return statusCard(context, person, { text, style: 'warning' });
    }
    await app.audit.append({
      actorId: actor.id,
      action: 'training.declare',
      entityType: 'training',
      entityId: `${record.personId}|${record.typeId}|${record.completedOn}`,
      after: record,
    });
    const done = person.id === actor.id ? t.recorded : t.recordedFor;
    return statusCard(context, person, { text: fill(done, { name: person.name, type: typeText, date: formatDay(record.completedOn, locale) }), style: 'good' });
  },
  invalid: async (context, raw) => {
    const values = typedValues(raw, context.actor.id);
    return formCard(context, values, [{ field: 'form', message: texts[context.locale].unreadable }]);
  },
});
