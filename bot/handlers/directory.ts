import { directoryCard } from '../../cards/directory';
import { directoryImportCard } from '../../cards/directory-import';
import { z } from 'zod';
import { fill } from '../../cards/render';
import type { CommandContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { describeRoles } from './help';

/** Most people listed on one directory card (the card must stay small). */
const maxListed = 25;

const texts = {
  fr: { summary: '{n} personne(s) à affecter sur {total}', seen: 'Vu(e) le {date}' },
  en: { summary: '{n} people to assign out of {total}', seen: 'First seen {date}' },
};

/** "annuaire": the people registered on first contact, for the admin to assign. */
export async function showDirectory(context: CommandContext): Promise<void> {
  const { app, locale } = context;
  const everyone = await app.people.list();
  const toAssign = everyone.filter((p) => p.toAssign).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const dateFormat = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: app.timeZone, dateStyle: 'short' });
  await context.reply(
    directoryCard(
      {
        summary: fill(texts[locale].summary, { n: toAssign.length, total: everyone.length }),
        people: toAssign.slice(0, maxListed).map((person) => ({
          id: person.id,
          name: person.name,
          details: `${fill(texts[locale].seen, { date: dateFormat.format(new Date(person.createdAt)) })} · ${describeRoles(person.roles, locale)}`,
        })),
      },
      locale,
    ),
  );
}

/** "importer annuaire": the paste-a-CSV form. */
export async function showDirectoryImportForm(context: CommandContext): Promise<void> {
  await context.reply(directoryImportCard({ csv: '', summary: '', problems: [] }, context.locale));
}

/** "Importer un annuaire (CSV)" button on the directory card. */
export const directoryImportFormVerb = defineVerb({
  schema: z.object({}),
  audience: ['admin'],
  handle: async (context) => directoryImportCard({ csv: '', summary: '', problems: [] }, context.locale),
});
