import { z } from 'zod';
import { fraudVolumesCard } from '../../cards/fraud-volumes';
import { noticeCard } from '../../cards/notice';
import { fill, type CardJson } from '../../cards/render';
import { fraudServiceLabel } from '../../services/fraud/fraud-catalog';
import {
  parseVolumesArgument,
  periodLabel,
  validateVolumeEntry,
  volumePeriodChoices,
  volumeServicesFor,
  volumesUsage,
  type FraudVolume,
} from '../../services/fraud/fraud-volumes';
import { formatDay } from '../../services/training/training-dates';
import type { CommandContext, HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { todayFor } from './fraud-view';

const texts = {
  fr: {
    saved: 'Volume enregistré — {service}, {period} : {volume} dossiers traités.',
    replaced: 'Volume enregistré — {service}, {period} : {volume} dossiers traités (au lieu de {before}).',
    refusedTitle: 'Volume non enregistré',
    entered: '{service}, {period} : {volume} dossiers ({name}, le {date})',
    unreadable: 'Valeurs illisibles : choisissez le service et la période, et indiquez un nombre entier.',
    unknownPerson: 'personne inconnue',
  },
  en: {
    saved: 'Volume saved — {service}, {period}: {volume} files processed.',
    replaced: 'Volume saved — {service}, {period}: {volume} files processed (instead of {before}).',
    refusedTitle: 'Volume not saved',
    entered: '{service}, {period}: {volume} files ({name}, on {date})',
    unreadable: 'Unreadable values: pick the service and the period, and give a whole number.',
    unknownPerson: 'unknown person',
  },
};

type Values = { service: string; period: string; volume: string };
type Errors = { serviceError?: string; periodError?: string; volumeError?: string };

const formatNumber = (value: number, locale: 'fr' | 'en') => value.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB');

/** The volumes card: the domains the actor may enter, this year's and last year's periods, what is entered. */
async function volumesCard(context: HandlerContext, values: Values, errors: Errors = {}, notice = ''): Promise<CardJson> {
  const { app, actor, clock, locale } = context;
  const t = texts[locale];
  const today = todayFor(app, clock);
  const year = Number(today.slice(0, 4));
  const services = volumeServicesFor(actor);
  const [current, previous] = await Promise.all([app.fraudVolumes.listYear(year), app.fraudVolumes.listYear(year - 1)]);
  const names = new Map<string, string>();
  const entered = [];
  for (const entry of [...current, ...previous].filter((volume) => services.includes(volume.service))) {
    if (!names.has(entry.enteredBy)) names.set(entry.enteredBy, (await app.people.get(entry.enteredBy))?.name ?? t.unknownPerson);
    entered.push({
      text: fill(t.entered, {
        service: entry.service,
        period: periodLabel(entry.period, locale),
        volume: formatNumber(entry.volume, locale),
        name: names.get(entry.enteredBy),
        date: formatDay(entry.enteredAt.slice(0, 10), locale),
      }),
    });
  }
  return fraudVolumesCard(
    {
      services: services.map((service) => ({ value: service, title: fraudServiceLabel(service, locale) })),
      periods: volumePeriodChoices(today).map((period) => ({ value: period, title: periodLabel(period, locale) })),
      ...values,
      notice,
      noticeColor: 'Good',
      serviceError: errors.serviceError ?? '',
      periodError: errors.periodError ?? '',
      volumeError: errors.volumeError ?? '',
      entered: entered.slice(0, 40),
      canSeeRates: actor.roles.includes('rq') || actor.roles.includes('fraud-referent'),
    },
    locale,
  );
}

/** Checks and stores one entry, audited; returns the confirmation, or the errors per field (nothing written). */
async function saveVolume(context: HandlerContext, input: Values): Promise<{ ok: true; notice: string } | { ok: false; errors: Errors; text: string }> {
  const { app, actor, clock, locale } = context;
  const t = texts[locale];
  const result = validateVolumeEntry(input, { person: actor, today: todayFor(app, clock) }, locale);
  if (!result.ok) {
    const errors: Errors = {};
    for (const error of result.errors) {
      const key = error.field === 'period' ? 'periodError' : error.field === 'volume' ? 'volumeError' : 'serviceError';
      errors[key] = [errors[key], error.message].filter(Boolean).join(' ');
    }
    return { ok: false, errors, text: result.errors.map((error) => error.message).join('\n') };
  }
  const entry: FraudVolume = { service: result.service, period: result.period, volume: result.volume, enteredBy: actor.id, enteredAt: clock.now().toISOString() };
  const change = await app.fraudVolumes.set(entry);
  await app.audit.append({ actorId: actor.id, action: 'fraud.volume', entityType: 'fraud-volume', entityId: `${entry.service}|${entry.period}`, before: change.before, after: change.after });
  const values = { service: entry.service, period: periodLabel(entry.period, locale), volume: formatNumber(entry.volume, locale) };
  const notice = change.before ? fill(t.replaced, { ...values, before: formatNumber(change.before.volume, locale) }) : fill(t.saved, values);
  return { ok: true, notice };
}

/**
 * « volumes » (quality officer, managers): the card; « volumes BMI 2025-T1 12500 » enters one figure at once.
 * A manager enters only the domain of their own service. A bad entry is answered in French, nothing written.
 */
export async function fraudVolumesCommand(context: CommandContext): Promise<void> {
  const { locale } = context;
  const parsed = parseVolumesArgument(context.argument);
  const empty = { service: volumeServicesFor(context.actor)[0] ?? '', period: '', volume: '' };
  if (parsed.kind === 'card') return context.reply(await volumesCard(context, empty));
  if (parsed.kind === 'usage') return context.reply(volumesUsage(locale));
  const saved = await saveVolume(context, parsed);
  if (!saved.ok) return context.reply(noticeCard({ style: 'warning', title: texts[locale].refusedTitle, text: saved.text, reference: '' }, locale));
  await context.reply(await volumesCard(context, empty, {}, saved.notice));
}

/** « Enregistrer » on the volumes card. */
export const fraudVolumesSaveVerb = defineVerb({
  schema: z.object({ service: z.string().max(40).optional(), period: z.string().max(40).optional(), volume: z.union([z.string().max(40), z.number()]).optional() }),
  audience: ['rq', 'manager'],
  handle: async (context, data) => {
    const values = { service: data.service ?? '', period: data.period ?? '', volume: data.volume === undefined ? '' : String(data.volume) };
    const saved = await saveVolume(context, values);
    if (!saved.ok) return volumesCard(context, values, saved.errors);
    return volumesCard(context, { ...values, volume: '' }, {}, saved.notice);
  },
  invalid: async (context) => volumesCard(context, { service: '', period: '', volume: '' }, { serviceError: texts[context.locale].unreadable }),
});
