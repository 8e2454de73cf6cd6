import { fraudOverviewCard } from '../../cards/fraud-overview';
import type { Locale } from '../../cards/locale';
import { fill } from '../../cards/render';
import { fraudNatureLabels, fraudServiceLabel } from '../../services/fraud/fraud-catalog';
import { fraudRates, fraudTotals, noRateReasonLabels, type FraudPeriodFigures } from '../../services/fraud/fraud-rates';
import { periodLabel } from '../../services/fraud/fraud-volumes';
import { formatDay } from '../../services/training/training-dates';
import type { CommandContext } from '../turn-context';
import { todayFor } from './fraud-view';

const texts = {
  fr: {
    heading: 'Fraude — indicateurs {year}',
    usage: 'Indiquez une année, par exemple « fraude 2025 ».',
    future: 'L’année {year} n’a pas commencé : aucun indicateur.',
    signals: '{n} signalement(s)',
    rate: ' / {volume} dossiers = {rate} ‰',
    partial: ' ; taux sur {quarters} : {n} signalement(s) / {volume} dossiers = {rate} ‰',
    noRate: ' — {reason}',
    target: ' — cible {target} ‰ : {status}',
    met: 'atteinte',
    missed: 'non atteinte',
    awaiting: ' (dont {n} en cours de qualification)',
    article40: ' ; {n} transmis au procureur (art. 40)',
    totals: '{counted} signalement(s) retenu(s) ({confirmed} confirmé(s), {awaiting} en cours de qualification), {notConfirmed} non confirmé(s) ; {article40} transmis au procureur (art. 40)',
    awaitingTitle: 'Signalements à qualifier',
    summary: '{nature} — détectée le {date}',
  },
  en: {
    heading: 'Fraud — indicators {year}',
    usage: 'Give a year, for instance “fraud 2025”.',
    future: 'Year {year} has not started: no indicators.',
    signals: '{n} signal(s)',
    rate: ' / {volume} files = {rate} ‰',
    partial: '; rate over {quarters}: {n} signal(s) / {volume} files = {rate} ‰',
    noRate: ' — {reason}',
    target: ' — target {target} ‰: {status}',
    met: 'met',
    missed: 'not met',
    awaiting: ' ({n} being qualified)',
    article40: '; {n} reported to the prosecutor (art. 40)',
    totals: '{counted} signal(s) counted ({confirmed} confirmed, {awaiting} being qualified), {notConfirmed} not confirmed; {article40} reported to the prosecutor (art. 40)',
    awaitingTitle: 'Signals to qualify',
    summary: '{nature} — detected on {date}',
  },
};

const maxAwaiting = 10;

/** One period's line: count, volume and rate (or why none), target, pending qualifications, article-40 reports. */
export function periodLine(figures: FraudPeriodFigures, locale: Locale): string {
  const t = texts[locale];
  const number = (value: number, digits = 0) => value.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  let line = `${periodLabel(figures.period, locale)} : ${fill(t.signals, { n: figures.counted })}`;
  if (locale === 'en') line = line.replace(' : ', ': ');
  if (figures.awaiting > 0) line += fill(t.awaiting, { n: figures.awaiting });
  const rate = figures.perThousand !== undefined ? number(figures.perThousand, 2) : '';
  if (figures.coveredQuarters && figures.perThousand !== undefined) {
    const quarters = figures.coveredQuarters.map((q) => `${locale === 'fr' ? 'T' : 'Q'}${q}`).join(', ');
    line += fill(t.partial, { quarters, n: figures.ratedCount ?? figures.counted, volume: number(figures.volume ?? 0), rate });
  } else if (figures.perThousand !== undefined) line += fill(t.rate, { volume: number(figures.volume ?? 0), rate });
  else if (figures.noRate) line += fill(t.noRate, { reason: noRateReasonLabels[figures.noRate][locale] });
  if (figures.target !== undefined && figures.meetsTarget !== undefined) {
    line += fill(t.target, { target: number(figures.target, figures.target % 1 === 0 ? 0 : 1), status: figures.meetsTarget ? t.met : t.missed });
  }
  if (figures.article40 > 0) line += fill(t.article40, { n: figures.article40 });
  return line;
}

/**
 * « fraude [année] » (fraud referents, quality officer): per fraud domain, the year's and each quarter's signals
 * and rate per thousand files processed against the target, article-40 reports, and the signals to qualify.
 * Reads one partition per domain for the year, and the year's volumes.
 */
export async function showFraudOverview(context: CommandContext): Promise<void> {
  const { app, actor, clock, locale, argument } = context;
  const t = texts[locale];
  const currentYear = Number(todayFor(app, clock).slice(0, 4));
  const typed = argument.trim();
  if (typed !== '' && !/^\d{4}$/.test(typed)) return context.reply(t.usage);
  const year = typed === '' ? currentYear : Number(typed);
  if (year > currentYear) return context.reply(fill(t.future, { year }));
  const [signals, volumes] = await Promise.all([app.fraudSignals.listYear(year), app.fraudVolumes.listYear(year)]);
  const figures = fraudRates({ signals, volumes, year });
  const totals = fraudTotals(figures);
  const awaiting = signals.filter((signal) => signal.state === 'submitted').slice(0, maxAwaiting);
  await context.reply(
    fraudOverviewCard(
      {
        heading: fill(t.heading, { year }),
        totalsText: fill(t.totals, totals),
        services: figures
          .filter((service) => service.hasData)
          .map((service) => ({
            label: fraudServiceLabel(service.service, locale),
            yearLine: periodLine(service.year, locale),
            yearColor: service.year.meetsTarget === undefined ? 'Default' : service.year.meetsTarget ? 'Good' : 'Attention',
            quarters: service.quarters
              .filter((quarter) => quarter.counted + quarter.notConfirmed > 0 || quarter.volume !== undefined)
              .map((quarter) => ({ text: periodLine(quarter, locale) })),
          })),
        awaitingTitle: awaiting.length > 0 ? t.awaitingTitle : '',
        awaiting: awaiting.map((signal) => ({
          id: signal.id,
          summary: fill(t.summary, { nature: fraudNatureLabels[signal.nature][locale], date: formatDay(signal.detectedOn, locale) }),
        })),
        canEnterVolumes: actor.roles.includes('rq'),
      },
      locale,
    ),
  );
}
