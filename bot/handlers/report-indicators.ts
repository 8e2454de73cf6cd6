import { noticeCard } from '../../cards/notice';
import { fill } from '../../cards/render';
import { reportIndicatorsCard } from '../../cards/report-indicators';
import { exportBuildContext } from '../../services/exports/export-service';
import { reportIndicators, reportPeriodLabel } from '../../services/report/report-indicators';
import { enterIndicator, indicatorUsage, parseIndicatorCommand, validateIndicatorInput } from '../../services/report/report-indicator-entry';
import { indicatorLines } from '../../services/report/report-sections';
import { ConcurrentUpdateError } from '../../services/storage/storage-errors';
import type { CommandContext } from '../turn-context';
import { formatValue, indicatorText } from './report-lines';

const texts = {
  fr: {
    heading: 'Indicateurs saisis — {year}',
    titles: 'Délais moyens de traitement des titres',
    reception: 'Appels décrochés, connexions internet',
    usageTitle: 'Commande non comprise',
    refusedTitle: 'Saisie réservée',
    refused: 'Seul le responsable qualité saisit les indicateurs du bilan.',
    invalidTitle: 'Saisie refusée',
    savedTitle: 'Indicateur enregistré',
    saved: '{label}, {period} : {value}.',
    replaced: ' (remplace {before})',
    removedTitle: 'Valeur effacée',
    removed: '{label}, {period} : valeur {before} effacée.',
    nothingTitle: 'Rien à effacer',
    nothing: '{label}, {period} : aucune valeur saisie.',
    changedTitle: 'Saisie interrompue',
    changed: 'Quelqu’un a modifié cette valeur au même moment : recommencez.',
    future: 'L’année {year} n’a pas commencé.',
  },
  en: {
    heading: 'Entered indicators — {year}',
    titles: 'Average processing time of titles',
    reception: 'Answered calls, internet connections',
    usageTitle: 'Command not understood',
    refusedTitle: 'Restricted',
    refused: 'Only the quality officer enters the report’s indicators.',
    invalidTitle: 'Entry refused',
    savedTitle: 'Indicator saved',
    saved: '{label}, {period}: {value}.',
    replaced: ' (replaces {before})',
    removedTitle: 'Value removed',
    removed: '{label}, {period}: value {before} removed.',
    nothingTitle: 'Nothing to remove',
    nothing: '{label}, {period}: no value entered.',
    changedTitle: 'Entry stopped',
    changed: 'Someone changed this value at the same time: try again.',
    future: 'Year {year} has not started.',
  },
};

/**
 * « indicateur(s) [année] » shows the figures entered for a year; « indicateur <indicateur> <période> <valeur> »
 * enters or corrects one, « … effacer » removes it (quality officer; annex 1 III and IV, issue 7). Every change is
 * audited; a bad indicator, period or value is answered in French and nothing is written.
 */
export async function indicatorCommand(context: CommandContext): Promise<void> {
  const { app, actor, locale, logger } = context;
  const t = texts[locale];
  const build = exportBuildContext(app);
  const command = parseIndicatorCommand(context.argument);
  const warn = (title: string, text: string) => context.reply(noticeCard({ style: 'warning', title, text, reference: '' }, locale));
  if (command.kind === 'usage') return warn(t.usageTitle, indicatorUsage(locale));
  if (command.kind === 'card') {
    const year = command.year === undefined ? Number(build.today.slice(0, 4)) : Number(command.year);
    if (year > Number(build.today.slice(0, 4))) return warn(t.invalidTitle, fill(t.future, { year }));
    const entries = [...(await app.reportIndicators.listYear(year)), ...(await app.reportIndicators.listYear(year - 1))];
    const lines = indicatorLines(reportIndicators, entries, year);
    const group = (name: 'titles' | 'reception') =>
      lines
        .filter((line) => line.definition.group === name)
        .map((line) => {
          const { text, color } = indicatorText(line, year, locale, false);
          const own = entries.filter((entry) => entry.indicatorId === line.definition.id && entry.period.startsWith(String(year))).sort((a, b) => a.period.localeCompare(b.period));
          return {
            label: line.definition.label[locale],
            id: line.definition.id,
            valueText: text,
            color,
            periodsText: own.map((entry) => `${reportPeriodLabel(entry.period, locale)}${locale === 'fr' ? ' : ' : ': '}${formatValue(entry.value, line.definition.unit, locale)}`).join(' ; '),
          };
        });
    await context.reply(reportIndicatorsCard({ heading: fill(t.heading, { year }), groups: [{ title: t.titles, indicators: group('titles') }, { title: t.reception, indicators: group('reception') }] }, locale));
    return;
  }
  const input = validateIndicatorInput(command, build.today, locale);
  if (!input.ok) return warn(t.invalidTitle, input.message);
  const label = input.definition.label[locale];
  const period = reportPeriodLabel(input.period, locale);
  const unit = input.definition.unit;
  try {
    const outcome = await enterIndicator(app, actor, input, build.now);
    logger.info({ indicator: input.definition.id, period: input.period, outcome: outcome.kind }, 'report indicator entered');
    if (outcome.kind === 'refused') return warn(t.refusedTitle, t.refused);
    if (outcome.kind === 'removed') {
      if (!outcome.before) return warn(t.nothingTitle, fill(t.nothing, { label, period }));
      await context.reply(noticeCard({ style: 'good', title: t.removedTitle, text: fill(t.removed, { label, period, before: formatValue(outcome.before.value, unit, locale) }), reference: '' }, locale));
      return;
    }
    const replaced = outcome.before ? fill(t.replaced, { before: formatValue(outcome.before.value, unit, locale) }) : '';
    const text = fill(t.saved, { label, period, value: formatValue(outcome.entry.value, unit, locale) }).replace(/\.$/, `${replaced}.`);
    await context.reply(noticeCard({ style: 'good', title: t.savedTitle, text, reference: '' }, locale));
  } catch (error) {
    if (error instanceof ConcurrentUpdateError) return warn(t.changedTitle, t.changed);
    throw error;
  }
}
