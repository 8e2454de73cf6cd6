import { noticeCard } from '../../cards/notice';
import { fill, type CardJson } from '../../cards/render';
import { statusCard } from '../../cards/status';
import { isInAudience } from '../../services/directory/roles';
import { readViewIntent, readWords, type ViewCommand, type ViewIntent } from '../../services/status/view-intent';
import type { CommandDefinition } from '../command-definition';
import type { CommandContext, HandlerContext } from '../turn-context';
import { describeRoles } from './help';
import { statusCardData } from './status-lines';

const texts = {
  fr: { forbiddenTitle: 'Vue réservée', forbidden: 'Cette vue est réservée aux rôles : {roles}. Vos rôles : {yours}.' },
  en: { forbiddenTitle: 'Restricted view', forbidden: 'This view is reserved to: {roles}. Your roles: {yours}.' },
};

/** The commands a view may lead to, as the command table declares them (who may run them, their handler). */
export type ViewCommands = Readonly<Record<ViewCommand, CommandDefinition>>;

/** The overview card of the actor, with the words not understood named on top. */
export async function buildStatusCard(context: HandlerContext, unknownWords: readonly string[] = []): Promise<CardJson> {
  const { app, actor, clock, locale } = context;
  const overview = await app.status.overview(actor, clock.now(), app.calendar);
  return statusCard(statusCardData(overview, { locale, timeZone: app.timeZone, unknownWords }), locale);
}

/** Runs the view a message asked for, as the router would: refused with the roles when the actor may not. */
export async function runView(context: CommandContext, commands: ViewCommands, intent: ViewIntent): Promise<void> {
  const command = commands[intent.command];
  if (!isInAudience(context.actor.roles, command.audience)) {
    const t = texts[context.locale];
    const roles = command.audience === 'everyone' ? '' : describeRoles(command.audience, context.locale);
    const text = fill(t.forbidden, { roles, yours: describeRoles(context.actor.roles, context.locale) });
    return context.reply(noticeCard({ style: 'warning', title: t.forbiddenTitle, text, reference: '' }, context.locale));
  }
  await command.handle({ ...context, argument: intent.argument });
}

/**
 * « statut [domaine] » (issue 7): the overview card, each line leading to its detail; with words naming one area
 * (« statut plan d'action », « statut formations expirées »), that area's detail directly. Words not understood are
 * named above the overview rather than ignored.
 */
export async function showStatus(context: CommandContext, commands: ViewCommands): Promise<void> {
  const words = context.argument.trim();
  if (words !== '') {
    const codes = (await context.app.services.list()).map((service) => service.code);
    const intent = readViewIntent(words, codes);
    if (intent && intent.command !== 'status') return runView(context, commands, intent);
    if (!intent) {
      const read = readWords(words, codes);
      const unknown = read.unknown.length > 0 ? read.unknown : [words];
      return context.reply(await buildStatusCard(context, unknown));
    }
  }
  await context.reply(await buildStatusCard(context));
}

/**
 * A message no command phrasing starts (« en retard actions », « formation expiree », « reclamatoins en retard »)
 * read as a view, in any word order; undefined when it is not one (the router then answers with suggestions).
 */
export async function viewIntentOf(context: HandlerContext, text: string): Promise<ViewIntent | undefined> {
  if (text.trim() === '') return undefined;
  const codes = (await context.app.services.list()).map((service) => service.code);
  return readViewIntent(text, codes);
}
