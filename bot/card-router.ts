import { z } from 'zod';
import type { Locale } from '../cards/locale';
import { noticeCard } from '../cards/notice';
import type { CardJson } from '../cards/render';
import { isInAudience } from '../services/directory/roles';
import type { VerbContext } from './turn-context';
import { describeFailure } from './turn-failure';
import { isVerbName, verbRegistry } from './verbs';
import type { VerbDefinition } from './verb-definition';

/** The `value` of an `adaptiveCard/action` invoke (Universal Actions). */
const invokeValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().max(100),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});

const texts = {
  fr: {
    malformedTitle: 'Action illisible',
    malformed: 'Cette carte a envoyé une demande incomplète. Rien n’a été enregistré.',
    unknownTitle: 'Action inconnue',
    unknown: 'Cette carte n’est plus à jour. Rien n’a été enregistré : tapez « aide » pour recommencer.',
    forbiddenTitle: 'Action non autorisée',
    forbidden: 'Cette action est réservée à d’autres rôles. Rien n’a été enregistré.',
    invalidTitle: 'Données invalides',
    invalid: 'Les informations envoyées par la carte sont incomplètes ou invalides. Rien n’a été enregistré.',
  },
  en: {
    malformedTitle: 'Unreadable action',
    malformed: 'This card sent an incomplete request. Nothing was saved.',
    unknownTitle: 'Unknown action',
    unknown: 'This card is out of date. Nothing was saved: type “help” to start again.',
    forbiddenTitle: 'Action not allowed',
    forbidden: 'This action is reserved to other roles. Nothing was saved.',
    invalidTitle: 'Invalid data',
    invalid: 'The card sent incomplete or invalid information. Nothing was saved.',
  },
};

function refusal(locale: Locale, title: string, text: string): CardJson {
  return noticeCard({ style: 'warning', title, text, reference: '' }, locale);
}

/** Outcome of a card action: the card that replaces the one clicked, and whether it failed (for logs). */
export interface CardActionResult {
  card: CardJson;
  outcome: 'handled' | 'malformed' | 'unknownVerb' | 'forbidden' | 'invalid' | 'failed';
  verb?: string;
  reference?: string;
}

/**
 * Routes an `adaptiveCard/action` invoke to its verb handler. Malformed requests, unknown verbs, people without
 * the role and data of the wrong shape get a card saying so, and no handler runs (nothing is written).
 */
export async function routeCardAction(context: VerbContext, value: unknown): Promise<CardActionResult> {
  const { locale, logger } = context;
  const t = texts[locale];
  const parsed = invokeValueSchema.safeParse(value);
  if (!parsed.success) return { card: refusal(locale, t.malformedTitle, t.malformed), outcome: 'malformed' };
  const { verb, data = {} } = parsed.data.action;
  // An unknown verb is whatever the client sent, possibly a person's name: it stays out of the result, hence the logs.
  if (!isVerbName(verb)) return { card: refusal(locale, t.unknownTitle, t.unknown), outcome: 'unknownVerb' };
  const definition: VerbDefinition = verbRegistry[verb];
  if (!isInAudience(context.actor.roles, definition.audience)) {
    return { card: refusal(locale, t.forbiddenTitle, t.forbidden), outcome: 'forbidden', verb };
  }
  const input = definition.schema.safeParse(data);
  try {
    if (!input.success) {
      const card = definition.invalid
        ? await definition.invalid(context, data, input.error)
        : refusal(locale, t.invalidTitle, t.invalid);
      return { card, outcome: 'invalid', verb };
    }
    return { card: await definition.handle(context, input.data), outcome: 'handled', verb };
  } catch (error) {
    const failure = describeFailure(error, locale);
    logger.error({ err: error, verb, reference: failure.reference }, 'card action failed');
    const card = noticeCard({ style: 'attention', title: failure.title, text: failure.text, reference: failure.reference }, locale);
    return { card, outcome: 'failed', verb, reference: failure.reference };
  }
}
