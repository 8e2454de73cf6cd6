import { z } from 'zod';
import type { Locale } from '../../cards/locale';
import { noticeCard } from '../../cards/notice';
import { personFormCard, type PersonFormCardData } from '../../cards/person-form';
import { fill, type CardJson } from '../../cards/render';
import { aadObjectIdSchema, type StoredPerson } from '../../services/directory/person';
import { isLocalDate } from '../../services/reminders/calendar';
import { roleLabels, roles, roleSchema } from '../../services/directory/roles';
import { normalizeText } from '../../services/text/normalize';
import type { AppServices } from '../../services/app-services';
import type { CommandContext } from '../turn-context';
import { defineVerb } from '../verb-definition';

const texts = {
  fr: {
    notFound: 'Personne introuvable : elle a peut-être été retirée de l’annuaire.',
    unknownService: 'Ce service n’existe plus : choisissez-en un autre.',
    changed: 'Cette fiche a été modifiée par quelqu’un d’autre entre-temps : voici la version à jour, recommencez.',
    savedTitle: 'Fiche enregistrée',
    saved: '{name} : {service}, {roles}.',
    ask: 'Précisez qui : « affecter camille.martin@cher.gouv.fr » ou « affecter Camille Martin ».',
    none: 'Personne ne correspond à « {typed} ».',
    many: '{n} personnes correspondent à « {typed} » : précisez (e-mail).',
    serviceRequired: 'Choisissez un service.',
    rolesRequired: 'Choisissez au moins un rôle.',
    arrivedOnInvalid: 'Date d’arrivée invalide : choisissez un jour dans le calendrier (AAAA-MM-JJ).',
  },
  en: {
    notFound: 'Person not found: they may have been removed from the directory.',
    unknownService: 'This service no longer exists: pick another one.',
    changed: 'Someone else changed this profile meanwhile: here is the current version, try again.',
    savedTitle: 'Profile saved',
    saved: '{name}: {service}, {roles}.',
    ask: 'Say who: “assign camille.martin@cher.gouv.fr” or “assign Camille Martin”.',
    none: 'Nobody matches “{typed}”.',
    many: '{n} people match “{typed}”: be more precise (e-mail).',
    serviceRequired: 'Pick a service.',
    rolesRequired: 'Pick at least one role.',
    arrivedOnInvalid: 'Invalid arrival day: pick a day in the calendar (YYYY-MM-DD).',
  },
};

type FormErrors = Pick<PersonFormCardData, 'formError' | 'serviceError' | 'rolesError' | 'arrivedOnError'>;
const noErrors: FormErrors = { formError: '', serviceError: '', rolesError: '', arrivedOnError: '' };

/** Builds the form for a person, with the services to choose from and any errors to show. */
async function buildForm(app: AppServices, person: StoredPerson, locale: Locale, errors: FormErrors = noErrors): Promise<CardJson> {
  const services = await app.services.list();
  return personFormCard(
    {
      id: person.id,
      etag: person.etag,
      name: person.name,
      emailText: person.email ?? '—',
      service: person.service ?? '',
      roles: person.roles.join(','),
      arrivedOn: person.arrivedOn ?? '',
      services: services.map((s) => ({ code: s.code, name: s.name })),
      roleChoices: roles.map((role) => ({ value: role, title: roleLabels[role][locale] })),
      ...errors,
    },
    locale,
  );
}

/** "affecter <e-mail ou nom>": opens the form of one person. */
export async function editPersonCommand(context: CommandContext): Promise<void> {
  const { app, argument, locale } = context;
  const t = texts[locale];
  const typed = argument.trim();
  if (typed === '') return context.reply(t.ask);
  const wanted = normalizeText(typed);
  const everyone = await app.people.list();
  const matches = everyone.filter(
    (p) => p.email?.toLowerCase() === typed.toLowerCase() || p.id === typed.toLowerCase() || normalizeText(p.name).includes(wanted),
  );
  if (matches.length === 0) return context.reply(fill(t.none, { typed: typed.slice(0, 60) }));
  if (matches.length > 1) return context.reply(fill(t.many, { n: matches.length, typed: typed.slice(0, 60) }));
  await context.reply(await buildForm(app, matches[0] as StoredPerson, locale));
}

/** "Affecter" button on the directory card. */
export const personEditVerb = defineVerb({
  schema: z.object({ personId: aadObjectIdSchema }),
  audience: ['admin'],
  handle: async (context, data) => {
    const person = await context.app.people.get(data.personId);
    if (!person) return noticeCard({ style: 'warning', title: texts[context.locale].notFound, text: '', reference: '' }, context.locale);
    return buildForm(context.app, person, context.locale);
  },
});

/** Card data of the person form once submitted: inputs (service, roles) and the button's data (personId, etag). */
const personSaveSchema = z.object({
  personId: aadObjectIdSchema,
  etag: z.string().min(1).max(200),
  service: z.string().trim().min(1).max(20),
  roles: z
    .string()
    .max(200)
    .transform((text) => text.split(',').map((r) => r.trim()).filter(Boolean))
    .pipe(z.array(roleSchema).min(1)),
  /** Optional: '' clears it; absent (an older card) keeps what is stored. */
  arrivedOn: z
    .string()
    .trim()
    .refine((text) => text === '' || isLocalDate(text))
    .optional(),
});

/** "Enregistrer" on the person form. */
export const personSaveVerb = defineVerb({
  schema: personSaveSchema,
  audience: ['admin'],
  handle: async (context, data) => {
    const { app, actor, locale } = context;
    const t = texts[locale];
    const outcome = await app.directory.savePerson(actor, { ...data, roles: [...new Set(data.roles)] });
    switch (outcome.kind) {
      case 'saved': {
        const service = await app.services.get(outcome.person.service ?? '');
        const roleText = outcome.person.roles.map((r) => roleLabels[r][locale]).join(', ');
        const text = fill(t.saved, { name: outcome.person.name, service: service?.name ?? '', roles: roleText });
        return noticeCard({ style: 'good', title: t.savedTitle, text, reference: '' }, locale);
      }
      case 'notFound':
        return noticeCard({ style: 'warning', title: t.notFound, text: '', reference: '' }, locale);
      case 'changedMeanwhile':
        return buildForm(app, outcome.current, locale, { ...noErrors, formError: t.changed });
      case 'unknownService':
      case 'refused': {
        const person = await app.people.get(data.personId);
        if (!person) return noticeCard({ style: 'warning', title: t.notFound, text: '', reference: '' }, locale);
        const errors =
          outcome.kind === 'refused' ? { ...noErrors, formError: outcome.reason } : { ...noErrors, serviceError: t.unknownService };
        return buildForm(app, person, locale, errors);
      }
    }
  },
  invalid: async (context, raw, error) => {
    const { app, locale } = context;
    const t = texts[locale];
    const personId = aadObjectIdSchema.safeParse(raw.personId);
    const person = personId.success ? await app.people.get(personId.data) : undefined;
    if (!person) return noticeCard({ style: 'warning', title: t.notFound, text: '', reference: '' }, locale);
    const badFields = new Set(error.issues.map((issue) => String(issue.path[0])));
    return buildForm(app, person, locale, {
      formError: badFields.has('etag') ? t.changed : '',
      serviceError: badFields.has('service') ? t.serviceRequired : '',
      rolesError: badFields.has('roles') ? t.rolesRequired : '',
      arrivedOnError: badFields.has('arrivedOn') ? t.arrivedOnInvalid : '',
    });
  },
});
