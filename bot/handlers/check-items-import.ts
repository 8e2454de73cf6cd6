import { z } from 'zod';
import { checkItemsImportCard } from '../../cards/check-items-import';
import { noticeCard } from '../../cards/notice';
import { fill } from '../../cards/render';
import type { CommandContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { pastedTextShownAgain } from './shown-again';
import { buildCheckItemsCard } from './check-items';

/** Problems listed on the card after a refused import (the rest are counted). */
const maxProblemsShown = 15;

const texts = {
  fr: {
    rejected: 'Import refusé : {n} ligne(s) à corriger, rien n’a été enregistré.',
    line: 'Ligne {line} : {message}',
    more: '… et {n} autre(s) problème(s).',
    done: 'Import terminé : {created} élément(s) créé(s), {updated} mis à jour, {unchanged} inchangé(s).',
    changed: 'Des éléments ont été modifiés pendant l’import, qui s’est arrêté : importez à nouveau le même fichier pour le terminer.',
    refusedTitle: 'Import refusé',
    empty: 'Collez le contenu du fichier CSV avant d’importer.',
    notShownAgain: 'Le texte collé est trop long pour être réaffiché : corrigez le fichier puis collez-le à nouveau.',
    tooLong: 'Le texte dépasse 200 000 caractères : importez les éléments en plusieurs fois.',
  },
  en: {
    rejected: 'Import refused: {n} line(s) to fix, nothing was saved.',
    line: 'Line {line}: {message}',
    more: '… and {n} more problem(s).',
    done: 'Import done: {created} item(s) created, {updated} updated, {unchanged} unchanged.',
    changed: 'Items were changed during the import, which stopped: import the same file again to complete it.',
    refusedTitle: 'Import refused',
    empty: 'Paste the content of the CSV file before importing.',
    notShownAgain: 'The pasted text is too long to be shown again: fix the file, then paste it again.',
    tooLong: 'The text is over 200,000 characters: import the items in several parts.',
  },
};

const emptyForm = { csv: '', summary: '', problems: [] };

/** « importer les contrôles »: the paste-a-CSV form. */
export async function importChecksCommand(context: CommandContext): Promise<void> {
  await context.reply(checkItemsImportCard(emptyForm, context.locale));
}

/** « Importer (CSV) » on the list of check items. */
export const checkItemImportFormVerb = defineVerb({
  schema: z.object({}),
  audience: ['rq', 'admin'],
  handle: async (context) => checkItemsImportCard(emptyForm, context.locale),
});

/** « Importer » on the import form: validates every row, then writes all of them or none. */
export const checkItemImportVerb = defineVerb({
  schema: z.object({ csv: z.string().trim().min(1).max(200_000) }),
  audience: ['rq', 'admin'],
  handle: async (context, data) => {
    const { app, actor, locale } = context;
    const t = texts[locale];
    const outcome = await app.checkItemsAdmin.importCsv(actor, data.csv);
    switch (outcome.kind) {
      case 'imported':
        return buildCheckItemsCard(context, { notice: fill(t.done, outcome), noticeColor: 'Good' });
      case 'changedMeanwhile':
        return buildCheckItemsCard(context, { notice: t.changed, noticeColor: 'Warning' });
      case 'refused':
        return noticeCard({ style: 'warning', title: t.refusedTitle, text: outcome.reason, reference: '' }, locale);
      case 'rejected': {
        const problems = outcome.problems.slice(0, maxProblemsShown).map((p) => ({ text: fill(t.line, p) }));
        if (outcome.problems.length > maxProblemsShown) problems.push({ text: fill(t.more, { n: outcome.problems.length - maxProblemsShown }) });
        // A big paste is not shown again: the card would pass Teams' size limit and the answer would fail.
        const csv = pastedTextShownAgain(data.csv);
        const summary = fill(t.rejected, { n: outcome.problems.length }) + (csv === '' ? ` ${t.notShownAgain}` : '');
        return checkItemsImportCard({ csv, summary, problems }, locale);
      }
    }
  },
  invalid: async (context, raw) => {
    const t = texts[context.locale];
    const tooLong = typeof raw.csv === 'string' && raw.csv.length > 200_000;
    const csv = typeof raw.csv === 'string' && !tooLong ? pastedTextShownAgain(raw.csv) : '';
    return checkItemsImportCard({ csv, summary: tooLong ? t.tooLong : t.empty, problems: [] }, context.locale);
  },
});
