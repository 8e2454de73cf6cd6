import { exportCard } from '../../cards/export';
import type { Locale } from '../../cards/locale';
import { noticeCard } from '../../cards/notice';
import { fill } from '../../cards/render';
import type { ExportFilter, ExportKind } from '../../services/exports/export-kind-names';
import { exportKindDefinitions } from '../../services/exports/export-kinds';
import { parseExportPeriod } from '../../services/exports/export-period';
import { exportBuildContext, mayExport, rowCount } from '../../services/exports/export-service';
import { formatDay, formatMonth } from '../../services/training/training-dates';
import { normalizeText } from '../../services/text/normalize';
import type { CommandContext } from '../turn-context';
import { exportPlanCommand } from './action-plan-exchange';
import { describeRoles } from './help';
import { timeOfDay } from './report';

/** The words naming each list after « exporter » (normalised: lower case, no accents), longest tried first. */
const listWords: Record<ExportKind, readonly string[]> = {
  'action-plan': ['plan d action', 'plan d actions', 'plan', 'actions', 'action plan'],
  checks: ['controles', 'controle', 'controles trimestriels', 'checks'],
  training: ['formations', 'formation', 'training', 'trainings'],
  complaints: ['reclamations', 'reclamation', 'complaints'],
  fraud: ['fraude', 'fraudes', 'signalements', 'fraud'],
  audit: ['audit', 'journal', 'journal d audit', 'piste d audit', 'audit trail'],
  report: ['bilan', 'bilan qualite', 'report'],
};

/** Words a list's name may take as typed (three, and punctuation typed apart). */
const maxListWords = 8;

/** The list a message names, and the words after it as typed; undefined when it names none. */
export function readExportList(argument: string): { kind: ExportKind; rest: string } | undefined {
  const words = argument.trim().split(/\s+/).filter(Boolean);
  let best: { kind: ExportKind; used: number; length: number } | undefined;
  // A list is named in its first few words: trying every start of a pasted page kept the turn busy for ever (issue 10).
  const longest = Math.min(words.length, maxListWords);
  for (const [kind, phrasings] of Object.entries(listWords) as [ExportKind, readonly string[]][]) {
    for (const phrasing of phrasings) {
      for (let used = longest; used >= 1; used -= 1) {
        if (normalizeText(words.slice(0, used).join(' ')) !== phrasing) continue;
        if (!best || phrasing.length > best.length) best = { kind, used, length: phrasing.length };
        break;
      }
    }
  }
  return best && { kind: best.kind, rest: words.slice(best.used).join(' ') };
}

const texts = {
  fr: {
    usageTitle: 'Que voulez-vous exporter ?',
    usage: 'Nommez la liste : « exporter plan », « exporter contrôles 2026-T1 », « exporter formations », « exporter réclamations 2026 », « exporter fraude 2026 », « exporter audit 2026-11 », « exporter bilan 2025 ».',
    forbiddenTitle: 'Export réservé',
    forbidden: 'L’export « {list} » est réservé aux rôles : {roles}.',
    periodTitle: 'Période non comprise',
    unreadable: '« {typed} » n’est pas une période : une année (2026), un trimestre (2026-T1) ou un mois (2026-03).',
    'not-offered': 'L’export « {list} » se fait {periods}.',
    future: 'Cette période n’a pas commencé : rien à exporter.',
    periods: { none: 'sans période (l’état d’aujourd’hui)', year: 'par année (2026)', quarter: 'par trimestre (2026-T1)', month: 'par mois (2026-03)' },
    or: ' ou ',
    title: '{list} — {period}',
    whole: 'complet',
    asOf: 'état au {date}',
    rows: '{n} ligne(s) dans le fichier.',
    sheets: 'Classeur de {n} feuille(s).',
    empty: 'Aucune ligne pour cette période : le fichier ne contient que l’en-tête.',
    expiry: 'Liens valables jusqu’à {time} ({minutes} minutes), pour vous seul : ne les transférez pas.',
  },
  en: {
    usageTitle: 'What do you want to export?',
    usage: 'Name the list: “export plan”, “export checks 2026-Q1”, “export training”, “export complaints 2026”, “export fraud 2026”, “export audit 2026-11”, “export report 2025”.',
    forbiddenTitle: 'Restricted export',
    forbidden: 'The “{list}” export is reserved to: {roles}.',
    periodTitle: 'Period not understood',
    unreadable: '“{typed}” is not a period: a year (2026), a quarter (2026-Q1) or a month (2026-03).',
    'not-offered': 'The “{list}” export is made {periods}.',
    future: 'This period has not started: nothing to export.',
    periods: { none: 'without a period (the state today)', year: 'per year (2026)', quarter: 'per quarter (2026-Q1)', month: 'per month (2026-03)' },
    or: ' or ',
    title: '{list} — {period}',
    whole: 'whole',
    asOf: 'status on {date}',
    rows: '{n} row(s) in the file.',
    sheets: 'Workbook of {n} sheet(s).',
    empty: 'No row for this period: the file only holds the header.',
    expiry: 'Links valid until {time} ({minutes} minutes), for you only: do not forward them.',
  },
};

/** How the card names a period: « T1 2026 », « mars 2026 », « 2026 », « complet ». */
function periodText(filter: ExportFilter | undefined, today: string, kind: ExportKind, locale: Locale): string {
  const t = texts[locale];
  if (filter === undefined) return kind === 'training' ? fill(t.asOf, { date: formatDay(today, locale) }) : t.whole;
  if (filter.quarter !== undefined) return `${locale === 'fr' ? 'T' : 'Q'}${filter.quarter} ${filter.year}`;
  if (filter.month !== undefined) return formatMonth(`${filter.year}-${String(filter.month).padStart(2, '0')}`, locale);
  return String(filter.year);
}

/**
 * « exporter <liste> [période] » (issue 7): the export card with signed links valid 15 minutes, XLSX and CSV (the
 * yearly report: XLSX only). The plan keeps its own card (« exporter le plan d'action »). Who may export which list
 * is the registry's (services/exports/export-kinds.ts), checked here to offer the links and again at download.
 */
export async function exportCommand(context: CommandContext): Promise<void> {
  const { app, actor, locale, logger } = context;
  const t = texts[locale];
  const warn = (title: string, text: string) => context.reply(noticeCard({ style: 'warning', title, text, reference: '' }, locale));
  const list = readExportList(context.argument);
  if (!list) return warn(t.usageTitle, t.usage);
  const definition = exportKindDefinitions[list.kind];
  const name = definition.label[locale];
  if (!mayExport(actor, list.kind)) return warn(t.forbiddenTitle, fill(t.forbidden, { list: name, roles: describeRoles(definition.audience, locale) }));
  if (list.kind === 'action-plan') return exportPlanCommand({ ...context, argument: list.rest });
  const build = exportBuildContext(app);
  const period = parseExportPeriod(list.rest, definition, build.today);
  if (!period.ok) {
    const periods = definition.periods.map((p) => t.periods[p]).join(t.or);
    const text = period.reason === 'unreadable' ? fill(t.unreadable, { typed: list.rest.slice(0, 40) }) : period.reason === 'future' ? t.future : fill(t['not-offered'], { list: name, periods });
    return warn(t.periodTitle, text);
  }
  const sheets = await definition.sheets(app, period.filter, build);
  const rows = rowCount(sheets);
  const links = definition.formats.map((format) => ({ format, ...context.exportLinks.issue({ kind: list.kind, format, personId: actor.id, filter: period.filter }) }));
  const xlsx = links.find((link) => link.format === 'xlsx');
  const csv = links.find((link) => link.format === 'csv');
  const expiresAt = xlsx?.expiresAt ?? build.now;
  const minutes = Math.round((expiresAt.getTime() - build.now.getTime()) / 60_000);
  logger.info({ kind: list.kind, period: period.filter, rows }, 'export links issued');
  const summary = list.kind === 'report' ? fill(t.sheets, { n: sheets.length }) : rows === 0 ? t.empty : fill(t.rows, { n: rows });
  await context.reply(
    exportCard(
      {
        title: fill(t.title, { list: name, period: periodText(period.filter, build.today, list.kind, locale) }),
        summary,
        expiry: fill(t.expiry, { time: timeOfDay(expiresAt, app.timeZone, locale), minutes }),
        xlsxUrl: xlsx?.url ?? '',
        csvUrl: csv?.url ?? '',
      },
      locale,
    ),
  );
}
