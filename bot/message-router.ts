import { unknownCommandCard } from '../cards/unknown-command';
import { noticeCard } from '../cards/notice';
import { fill, type CardJson } from '../cards/render';
import { isInAudience } from '../services/directory/roles';
import { matchCommand } from '../services/text/command-matcher';
import type { CommandDefinition } from './command-definition';
import { commandTable, type CommandName } from './commands';
import { describeRoles } from './handlers/help';
import { viewIntentOf } from './handlers/status';
import type { HandlerContext } from './turn-context';

const matchable = (Object.entries(commandTable) as [CommandName, CommandDefinition][]).map(([name, command]) => ({
  name,
  phrasings: command.phrasings,
  takesArgument: command.takesArgument,
}));

const texts = {
  fr: { forbiddenTitle: 'Commande réservée', forbidden: '« {command} » est réservée aux rôles : {roles}. Vos rôles : {yours}.' },
  en: { forbiddenTitle: 'Restricted command', forbidden: '“{command}” is reserved to: {roles}. Your roles: {yours}.' },
};

/** Outcome of a message, for logs and tests. */
export type MessageOutcome = { kind: 'command'; name: CommandName } | { kind: 'forbidden'; name: CommandName } | { kind: 'unknown' };

/**
 * Answers a chat message: runs the command it names if the actor may, else says who may; text that names no
 * command but reads as a view (services/status/view-intent.ts) runs that view; anything else gets the closest
 * commands as buttons, or the help card when nothing is close.
 */
export async function routeMessage(
  context: HandlerContext,
  text: string,
  reply: (message: CardJson | string) => Promise<void>,
): Promise<MessageOutcome> {
  const { actor, locale } = context;
  // An empty message (an attachment, a bare mention) gets the help card.
  const result = matchCommand(text.trim() === '' ? 'aide' : text, matchable);
  // Issue 7: a message no phrasing starts may still name a view, in any word order (« en retard actions »).
  const intent = result.kind === 'unknown' ? await viewIntentOf(context, text) : undefined;
  const match = result.kind === 'match' ? result.match : intent && { name: intent.command, argument: intent.argument };
  if (!match) {
    const suggestions = (result.kind === 'unknown' ? result.suggestions : [])
      .filter((name) => isInAudience(actor.roles, commandTable[name].audience))
      .map((name) => ({ label: commandTable[name].example[locale].split(' ')[0] ?? name, command: name }));
    await reply(unknownCommandCard({ typed: text.trim(), suggestions }, locale));
    return { kind: 'unknown' };
  }
  const { name, argument } = match;
  const command: CommandDefinition = commandTable[name];
  if (!isInAudience(actor.roles, command.audience)) {
    const t = texts[locale];
    const text = fill(t.forbidden, {
      command: command.example[locale],
      roles: command.audience === 'everyone' ? '' : describeRoles(command.audience, locale),
      yours: describeRoles(actor.roles, locale),
    });
    await reply(noticeCard({ style: 'warning', title: t.forbiddenTitle, text, reference: '' }, locale));
    return { kind: 'forbidden', name };
  }
  await command.handle({ ...context, argument, reply });
  return { kind: 'command', name };
}
