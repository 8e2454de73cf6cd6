import { z } from 'zod';
import { noticeCard } from '../../cards/notice';
import type { CardJson } from '../../cards/render';
import { isInAudience } from '../../services/directory/roles';
import type { CommandDefinition } from '../command-definition';
import { commandTable, type CommandName } from '../commands';
import { defineVerb } from '../verb-definition';

const texts = {
  fr: { forbidden: 'Cette commande est réservée à d’autres rôles.' },
  en: { forbidden: 'This command is reserved to other roles.' },
};

/**
 * A button that runs a chat command (suggestions, the welcome card's "Aide", a `statut` line with its words):
 * Universal Actions work the same in every Teams client, where `imBack` buttons do not. The command's card replaces
 * the card clicked.
 */
export const runCommandVerb = defineVerb({
  schema: z.object({
    command: z.string().refine((name): name is CommandName => Object.prototype.hasOwnProperty.call(commandTable, name)),
    /** Words after the command, as typed in chat (« en retard » on a `statut` line); none by default. */
    argument: z.string().max(200).optional(),
  }),
  audience: 'everyone',
  handle: async (context, data) => {
    const command: CommandDefinition = commandTable[data.command];
    const { locale } = context;
    if (!isInAudience(context.actor.roles, command.audience)) {
      return noticeCard({ style: 'warning', title: texts[locale].forbidden, text: '', reference: '' }, locale);
    }
    const answers: (CardJson | string)[] = [];
    await command.handle({ ...context, argument: data.argument ?? '', reply: async (message) => void answers.push(message) });
    const card = answers.findLast((answer): answer is CardJson => typeof answer !== 'string');
    if (card) return card;
    const text = answers.filter((answer): answer is string => typeof answer === 'string').join('\n');
    return noticeCard({ style: 'default', title: text, text: '', reference: '' }, locale);
  },
});
