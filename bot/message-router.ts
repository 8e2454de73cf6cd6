import { unknownCommandCard } from '../cards/unknown-command';
import { noticeCard } from '../cards/notice';
import { fill, type CardJson } from '../cards/render';
import { isInAudience } from '../services/directory/roles';
import { matchCommand, type MatchResult } from '../services/text/command-matcher';
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

/**
 * What of a message the command matcher reads. No phrasing has more than a handful of words, nor a word longer than
 * a few dozen letters, but the matcher tries every start of the message and measures typos against all of it: a
 * pasted page of a few thousand words kept a turn busy for minutes, one 100 KB word for seconds (issue 10). The
 * words past these are the argument, exactly as typed.
 */
const maxWordsMatched = 16;
const maxWordLength = 64;

function matchStart(text: string): MatchResult<CommandName> {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return matchCommand('aide', matchable);
  const head = words.slice(0, maxWordsMatched).map((word) => word.slice(0, maxWordLength));
  const result = matchCommand(head.join(' '), matchable);
  if (result.kind !== 'match') return result;
  const used = head.length - result.match.argument.split(' ').filter(Boolean).length;
  // A command that takes no words after it is not one with words after it.
  if (used < words.length && !(commandTable[result.match.name] as CommandDefinition).takesArgument) return { kind: 'unknown', suggestions: [] };
  return { kind: 'match', match: { name: result.match.name, argument: words.slice(used).join(' ') } };
}

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
  const result = matchStart(text);
  // Issue 7: a message no phrasing starts may still name a view, in any word order (« en retard actions »).
  // Every word of a view is one the reader knows: a longer word than any makes no view, and measuring typos against
  // it cost seconds (issue 10).
  const readable = text.split(/\s+/).every((word) => word.length <= maxWordLength);
  const intent = result.kind === 'unknown' && readable ? await viewIntentOf(context, text) : undefined;
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
