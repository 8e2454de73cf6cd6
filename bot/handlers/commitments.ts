import { z } from 'zod';
import { commitmentCard } from '../../cards/commitment';
import { commitmentsCard } from '../../cards/commitments';
import type { Locale } from '../../cards/locale';
import { fill, type CardJson } from '../../cards/render';
import { findCommitment, paginateCommitments } from '../../services/referentiel/commitment-lookup';
import { readReferentielFile } from '../../services/referentiel/referentiel-files';
import type { HandlerContext, CommandContext } from '../turn-context';
import { defineVerb } from '../verb-definition';

const texts = {
  fr: { count: '{n} engagements — page {page} / {pages}', unknown: 'Je ne trouve pas l’engagement « {id} ». Tapez « engagements » pour la liste.' },
  en: { count: '{n} commitments — page {page} / {pages}', unknown: 'I cannot find commitment “{id}”. Type “commitments” for the list.' },
};

function moduleTitle(referentiel: ReturnType<typeof readReferentielFile>, module: number): string {
  return referentiel.modules.find((m) => m.number === module)?.title ?? '';
}

function shorten(text: string, max = 110): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

async function commitmentsPage(context: HandlerContext, page: number, locale: Locale): Promise<CardJson> {
  const { app } = context;
  const file = readReferentielFile(app.referentiel);
  const all = await app.commitments.list(app.referentiel);
  const view = paginateCommitments(all, page);
  return commitmentsCard(
    {
      title: file.name,
      subtitle: fill(texts[locale].count, { n: all.length, page: view.page + 1, pages: view.pageCount }),
      modules: view.groups.map((group) => ({
        heading: `Module ${group.module} — ${moduleTitle(file, group.module)}`,
        commitments: group.commitments.map((c) => ({ id: c.id, title: shorten(c.title) })),
      })),
      previousPage: view.page > 0 ? view.page - 1 : -1,
      nextPage: view.page + 1 < view.pageCount ? view.page + 1 : -1,
    },
    locale,
  );
}

/** "engagements": the first page of the deployment's référentiel. */
export async function listCommitments(context: CommandContext): Promise<void> {
  await context.reply(await commitmentsPage(context, 0, context.locale));
}

/** "engagement E.17": one commitment in full (no argument: the list). */
export async function showCommitment(context: CommandContext): Promise<void> {
  const { app, argument, locale } = context;
  if (argument.trim() === '') return listCommitments(context);
  const all = await app.commitments.list(app.referentiel);
  const commitment = findCommitment(all, argument);
  if (!commitment) {
    await context.reply(fill(texts[locale].unknown, { id: argument.slice(0, 20) }));
    return;
  }
  const file = readReferentielFile(app.referentiel);
  const parent = commitment.parent ? all.find((c) => c.id === commitment.parent) : undefined;
  const parentLabel = locale === 'fr' ? 'Fait partie de l’engagement' : 'Part of commitment';
  await context.reply(
    commitmentCard(
      {
        id: commitment.id,
        moduleText: [`Module ${commitment.module} — ${moduleTitle(file, commitment.module)}`, commitment.theme].filter(Boolean).join(' · '),
        parentText: parent ? `${parentLabel} ${parent.id} : ${shorten(parent.title, 160)}` : '',
        title: commitment.title,
        details: commitment.details ?? [],
        children: all.filter((c) => c.parent === commitment.id).map((c) => ({ id: c.id, title: c.title })),
      },
      locale,
    ),
  );
}

/** "Suivants" / "Précédents" on the référentiel card. */
export const commitmentsPageVerb = defineVerb({
  schema: z.object({ page: z.coerce.number().int().min(0).max(1000) }),
  audience: 'everyone',
  handle: (context, data) => commitmentsPage(context, data.page, context.locale),
});
