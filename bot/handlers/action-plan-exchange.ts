import { z } from 'zod';
import { actionPlanExportCard } from '../../cards/action-plan-export';
import { actionPlanImportCard, type ActionPlanImportCardData } from '../../cards/action-plan-import';
import type { Locale } from '../../cards/locale';
import { noticeCard } from '../../cards/notice';
import { fill } from '../../cards/render';
import { importActionPlan, itemsOfExport } from '../../services/action-plan/action-plan-exchange';
import { normalizeText } from '../../services/text/normalize';
import type { CommandContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { pastedTextShownAgain } from './shown-again';

/** Problems listed on the card after a refused import (the rest are counted). */
const maxProblemsShown = 15;
/** Longest paste accepted (the HTTP body limit is 512 KiB). */
const maxCsvLength = 200_000;

const texts = {
  fr: {
    title: 'Plan d’actions {year}',
    whole: 'complet',
    summary: '{n} action(s) dans le fichier.',
    emptyPlan: 'Aucune action : le fichier ne contient que l’en-tête, un modèle à remplir.',
    expiry: 'Liens valables jusqu’à {time} ({minutes} minutes), pour vous seul : ne les transférez pas.',
    badYearTitle: 'Année non comprise',
    badYear: '« {typed} » n’est pas une année. Tapez « exporter le plan d’action » pour tout le plan, ou « exporter le plan d’action 2026 » pour une année.',
    rejected: 'Import refusé : {n} ligne(s) à corriger, rien n’a été enregistré.',
    notShownAgain: 'Le texte collé est trop long pour être réaffiché : corrigez le fichier puis collez-le à nouveau.',
    line: 'Ligne {line} : {message}',
    more: '… et {n} autre(s) problème(s).',
    doneTitle: 'Plan d’actions importé',
    done: '{created} action(s) créée(s), {replaced} remplacée(s).',
    unchanged: ' {unchanged} ligne(s) identique(s) à l’action enregistrée, laissée(s) telle(s) quelle(s).',
    changedTitle: 'Import interrompu',
    changed:
      'Le plan a été modifié par quelqu’un d’autre pendant l’import, qui s’est arrêté. Exportez-le à nouveau pour repartir de la version à jour ; relancer le même import le terminerait mais remplacerait cette modification.',
    refusedTitle: 'Import refusé',
    refused: 'Seuls le responsable qualité et les administrateurs importent le plan d’actions.',
    empty: 'Collez le contenu du fichier CSV avant d’importer.',
    tooLong: 'Le texte dépasse 200 000 caractères : importez le plan en plusieurs fois.',
  },
  en: {
    title: 'Action plan {year}',
    whole: '(whole)',
    summary: '{n} action(s) in the file.',
    emptyPlan: 'No action: the file only holds the header, a template to fill in.',
    expiry: 'Links valid until {time} ({minutes} minutes), for you only: do not forward them.',
    badYearTitle: 'Year not understood',
    badYear: '“{typed}” is not a year. Type “export action plan” for the whole plan, or “export action plan 2026” for one year.',
    rejected: 'Import refused: {n} line(s) to fix, nothing was saved.',
    notShownAgain: 'The pasted text is too long to be shown again: fix the file, then paste it again.',
    line: 'Line {line}: {message}',
    more: '… and {n} more problem(s).',
    doneTitle: 'Action plan imported',
    done: '{created} action(s) created, {replaced} replaced.',
    unchanged: ' {unchanged} line(s) identical to the stored action, left as they were.',
    changedTitle: 'Import stopped',
    changed:
      'Someone else changed the plan during the import, which stopped. Export it again to start from the current version; running the same import again would complete it but overwrite that change.',
    refusedTitle: 'Import refused',
    refused: 'Only the quality officer and admins import the action plan.',
    empty: 'Paste the content of the CSV file before importing.',
    tooLong: 'The text is over 200,000 characters: import the plan in several parts.',
  },
};

/** Words meaning "the whole plan" after the command. */
const wholePlanWords = new Set(['complet', 'tout', 'toutes', 'tous', 'entier', 'all', 'whole', 'full']);

/** The year asked for: undefined for the whole plan, null when the words are not a year. */
function yearOf(argument: string): number | undefined | null {
  const words = normalizeText(argument).split(' ').filter(Boolean);
  if (words.length === 0 || words.every((word) => wholePlanWords.has(word))) return undefined;
  const year = words.length === 1 && /^\d{4}$/.test(words[0] ?? '') ? Number(words[0]) : NaN;
  return year >= 2000 ? year : null;
}

/** « 10:15 » in the prefecture's time zone. */
function timeOfDay(at: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
}

/** « exporter le plan d'action [2026] »: a card with two signed download links (XLSX and CSV). */
export async function exportPlanCommand(context: CommandContext): Promise<void> {
  const { app, actor, locale, clock, logger } = context;
  const t = texts[locale];
  const year = yearOf(context.argument);
  if (year === null) {
    await context.reply(noticeCard({ style: 'warning', title: t.badYearTitle, text: fill(t.badYear, { typed: context.argument.trim().slice(0, 40) }), reference: '' }, locale));
    return;
  }
  const rows = itemsOfExport(await app.actions.list(), year).length;
  const filter = year === undefined ? undefined : { year };
  const xlsx = context.exportLinks.issue({ kind: 'action-plan', format: 'xlsx', personId: actor.id, filter });
  const csv = context.exportLinks.issue({ kind: 'action-plan', format: 'csv', personId: actor.id, filter });
  const minutes = Math.round((xlsx.expiresAt.getTime() - clock.now().getTime()) / 60_000);
  logger.info({ kind: 'action-plan', year, rows }, 'export links issued');
  await context.reply(
    actionPlanExportCard(
      {
        title: fill(t.title, { year: year ?? t.whole }),
        summary: rows === 0 ? t.emptyPlan : fill(t.summary, { n: rows }),
        expiry: fill(t.expiry, { time: timeOfDay(xlsx.expiresAt, app.timeZone, locale), minutes }),
        xlsxUrl: xlsx.url,
        csvUrl: csv.url,
      },
      locale,
    ),
  );
}

const emptyForm: ActionPlanImportCardData = { csv: '', summary: '', problems: [] };

/** « importer le plan d'action »: the paste-a-CSV form. */
export async function importPlanCommand(context: CommandContext): Promise<void> {
  await context.reply(actionPlanImportCard(emptyForm, context.locale));
}

/** « Importer » on the import form: validates every row, then writes them, or nothing with the list of bad lines. */
export const actionPlanImportVerb = defineVerb({
  schema: z.object({ csv: z.string().trim().min(1).max(maxCsvLength) }),
  audience: ['rq', 'admin'],
  handle: async (context, data) => {
    const { app, actor, locale, logger } = context;
    const t = texts[locale];
    const outcome = await importActionPlan(app, actor, { csv: data.csv });
    switch (outcome.kind) {
      case 'imported': {
        const counts = { created: outcome.created.length, replaced: outcome.replaced.length, unchanged: outcome.unchanged.length };
        logger.info(counts, 'action plan imported');
        const text = fill(t.done, counts) + (counts.unchanged > 0 ? fill(t.unchanged, counts) : '');
        return noticeCard({ style: 'good', title: t.doneTitle, text, reference: '' }, locale);
      }
      case 'changedMeanwhile':
        return noticeCard({ style: 'warning', title: t.changedTitle, text: t.changed, reference: '' }, locale);
      case 'refused':
        return noticeCard({ style: 'warning', title: t.refusedTitle, text: t.refused, reference: '' }, locale);
      case 'rejected': {
        const problems = outcome.problems.slice(0, maxProblemsShown).map((p) => ({ text: fill(t.line, p) }));
        if (outcome.problems.length > maxProblemsShown) problems.push({ text: fill(t.more, { n: outcome.problems.length - maxProblemsShown }) });
        const csv = pastedTextShownAgain(data.csv);
        const summary = fill(t.rejected, { n: outcome.problems.length }) + (csv === '' ? ` ${t.notShownAgain}` : '');
        return actionPlanImportCard({ csv, summary, problems }, locale);
      }
    }
  },
  invalid: async (context, raw) => {
    const t = texts[context.locale];
    const tooLong = typeof raw.csv === 'string' && raw.csv.length > maxCsvLength;
    const csv = typeof raw.csv === 'string' ? pastedTextShownAgain(raw.csv) : '';
    return actionPlanImportCard({ csv, summary: tooLong ? t.tooLong : t.empty, problems: [] }, context.locale);
  },
});
