import type { Locale } from '../../cards/locale';
import { noticeCard } from '../../cards/notice';
import { fill } from '../../cards/render';
import { reportCard } from '../../cards/report';
import { exportBuildContext } from '../../services/exports/export-service';
import { mayEnterIndicators } from '../../services/report/report-indicators';
import { loadReportData } from '../../services/report/report-data';
import { yearlyReport } from '../../services/report/yearly-report';
import { formatDay } from '../../services/training/training-dates';
import type { CommandContext } from '../turn-context';
import { legendText, reportSections } from './report-lines';

const texts = {
  fr: {
    heading: 'Bilan qualité {year}',
    subtitle: 'Calculé le {today} à partir des données enregistrées ; état au {asOf}.',
    noDataSubtitle: 'Calculé le {today} à partir des données enregistrées.',
    noData:
      'Aucune donnée enregistrée pour {year} : ni demande d’usager, ni signalement ou volume de fraude, ni formation suivie, ni action au plan, ni contrôle trimestriel, ni indicateur saisi. Le bilan ne peut pas être établi pour cette année.',
    usageTitle: 'Année non comprise',
    usage: '« {typed} » n’est pas une année. Tapez « bilan » pour l’année en cours, ou « bilan 2025 ».',
    futureTitle: 'Année à venir',
    future: 'L’année {year} n’a pas commencé : aucun bilan.',
    expiry: 'Lien valable jusqu’à {time} ({minutes} minutes), pour vous seul : ne le transférez pas.',
  },
  en: {
    heading: 'Yearly quality report {year}',
    subtitle: 'Computed on {today} from the stored data; status on {asOf}.',
    noDataSubtitle: 'Computed on {today} from the stored data.',
    noData: 'No data stored for {year}: no user request, no fraud signal or volume, no training, no action in the plan, no quarterly check, no indicator entered. The report cannot be drawn up for that year.',
    usageTitle: 'Year not understood',
    usage: '“{typed}” is not a year. Type “report” for this year, or “report 2025”.',
    futureTitle: 'Year to come',
    future: 'Year {year} has not started: no report.',
    expiry: 'Link valid until {time} ({minutes} minutes), for you only: do not forward it.',
  },
};

/** « 10:15 » in the prefecture's time zone. */
export function timeOfDay(at: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
}

/**
 * « bilan [année] » (quality officer, admins): the yearly report of seed 003's annex 1 computed from what was logged,
 * this year unless another is named, with a signed link to its workbook. A year with nothing stored says so.
 */
export async function showYearlyReport(context: CommandContext): Promise<void> {
  const { app, actor, locale, logger } = context;
  const t = texts[locale];
  const build = exportBuildContext(app);
  const currentYear = Number(build.today.slice(0, 4));
  const typed = context.argument.trim();
  const year = typed === '' ? currentYear : /^\d{4}$/.test(typed) && Number(typed) >= 2000 ? Number(typed) : undefined;
  if (year === undefined) {
    await context.reply(noticeCard({ style: 'warning', title: t.usageTitle, text: fill(t.usage, { typed: typed.slice(0, 40) }), reference: '' }, locale));
    return;
  }
  if (year > currentYear) {
    await context.reply(noticeCard({ style: 'warning', title: t.futureTitle, text: fill(t.future, { year }), reference: '' }, locale));
    return;
  }
  const report = yearlyReport(await loadReportData(app, year), year, build);
  const today = formatDay(build.today, locale);
  logger.info({ year, kind: report.kind }, 'yearly report computed');
  if (report.kind === 'no-data') {
    await context.reply(
      reportCard(
        { heading: fill(t.heading, { year }), subtitle: fill(t.noDataSubtitle, { today }), noData: fill(t.noData, { year }), sections: [], legend: '', reportUrl: '', expiry: '', canEnterIndicators: mayEnterIndicators(actor) },
        locale,
      ),
    );
    return;
  }
  const link = context.exportLinks.issue({ kind: 'report', format: 'xlsx', personId: actor.id, filter: { year } });
  const minutes = Math.round((link.expiresAt.getTime() - build.now.getTime()) / 60_000);
  await context.reply(
    reportCard(
      {
        heading: fill(t.heading, { year }),
        subtitle: fill(t.subtitle, { today, asOf: formatDay(report.asOf, locale) }),
        noData: '',
        sections: reportSections(report, locale, (day) => formatDay(day, locale)),
        legend: legendText(locale),
        reportUrl: link.url,
        expiry: fill(t.expiry, { time: timeOfDay(link.expiresAt, app.timeZone, locale), minutes }),
        canEnterIndicators: mayEnterIndicators(actor),
      },
      locale,
    ),
  );
}
