import { z } from 'zod';
import { directoryImportCard } from '../../cards/directory-import';
import { noticeCard } from '../../cards/notice';
import { fill } from '../../cards/render';
import { defineVerb } from '../verb-definition';
import { pastedTextShownAgain } from './shown-again';

/** Problems listed on the card after a refused import (the rest are counted). */
const maxProblemsShown = 15;

const texts = {
  fr: {
    rejected: 'Import refusé : {n} ligne(s) à corriger, rien n’a été enregistré.',
    line: 'Ligne {line} : {message}',
    more: '… et {n} autre(s) problème(s).',
    doneTitle: 'Annuaire importé',
    done: '{created} personne(s) ajoutée(s), {updated} mise(s) à jour.',
    refusedTitle: 'Import refusé',
    empty: 'Collez le contenu du fichier CSV avant d’importer.',
    notShownAgain: 'Le texte collé est trop long pour être réaffiché : corrigez le fichier puis collez-le à nouveau.',
    tooLong: 'Le texte dépasse 200 000 caractères : importez l’annuaire en plusieurs fois.',
  },
  en: {
    rejected: 'Import refused: {n} line(s) to fix, nothing was saved.',
    line: 'Line {line}: {message}',
    more: '… and {n} more problem(s).',
    doneTitle: 'Directory imported',
    done: '{created} people added, {updated} updated.',
    refusedTitle: 'Import refused',
    empty: 'Paste the content of the CSV file before importing.',
    notShownAgain: 'The pasted text is too long to be shown again: fix the file, then paste it again.',
    tooLong: 'The text is over 200,000 characters: import the directory in several parts.',
  },
};

/** "Importer" on the import form: validates every row, then writes all of them or none. */
export const directoryImportVerb = defineVerb({
  schema: z.object({ csv: z.string().trim().min(1).max(200_000) }),
  audience: ['admin'],
  handle: async (context, data) => {
    const { app, actor, locale } = context;
    const t = texts[locale];
    const outcome = await app.directory.importCsv(actor, data.csv);
    switch (outcome.kind) {
      case 'imported':
        return noticeCard({ style: 'good', title: t.doneTitle, text: fill(t.done, outcome), reference: '' }, locale);
      case 'refused':
        return noticeCard({ style: 'warning', title: t.refusedTitle, text: outcome.reason, reference: '' }, locale);
      case 'rejected': {
        const problems = outcome.problems.slice(0, maxProblemsShown).map((p) => ({ text: fill(t.line, p) }));
        if (outcome.problems.length > maxProblemsShown) problems.push({ text: fill(t.more, { n: outcome.problems.length - maxProblemsShown }) });
        // A big paste is not shown again: the card would pass Teams' size limit and the answer would fail.
        const csv = pastedTextShownAgain(data.csv);
        const summary = fill(t.rejected, { n: outcome.problems.length }) + (csv === '' ? ` ${t.notShownAgain}` : '');
        return directoryImportCard({ csv, summary, problems }, locale);
      }
    }
  },
  invalid: async (context, raw) => {
    const t = texts[context.locale];
    const tooLong = typeof raw.csv === 'string' && raw.csv.length > 200_000;
    const csv = typeof raw.csv === 'string' && !tooLong ? pastedTextShownAgain(raw.csv) : '';
    return directoryImportCard({ csv, summary: tooLong ? t.tooLong : t.empty, problems: [] }, context.locale);
  },
});
