import type { CardJson } from '../../cards/render';

interface SerializationEvent {
  message: string;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: { message: string }[] } };
  SerializationContext: new () => { eventCount: number; getEventAt(index: number): SerializationEvent };
}

// The package's lib/ is ESM without extensions and does not load in Node; its UMD bundle does (PLATFORM.md).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const adaptiveCards = require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

/** Parses a card with the Adaptive Cards SDK and returns every problem it reports (empty when the card is clean). */
export function cardProblems(card: CardJson): string[] {
  const parsed = new adaptiveCards.AdaptiveCard();
  const context = new adaptiveCards.SerializationContext();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) problems.push(context.getEventAt(i).message);
  problems.push(...parsed.validateProperties().validationEvents.map((event) => event.message));
  return problems;
}

/** Every `Action.Execute` verb found anywhere in a card. */
export function executeVerbs(card: unknown): string[] {
  if (Array.isArray(card)) return card.flatMap(executeVerbs);
  if (card && typeof card === 'object') {
    const record = card as Record<string, unknown>;
    const own = record.type === 'Action.Execute' && typeof record.verb === 'string' ? [record.verb] : [];
    return [...own, ...Object.values(record).flatMap(executeVerbs)];
  }
  return [];
}

/** Every text shown by TextBlocks of a card, to assert on what a person reads. */
export function cardTexts(card: unknown): string[] {
  if (Array.isArray(card)) return card.flatMap(cardTexts);
  if (card && typeof card === 'object') {
    const record = card as Record<string, unknown>;
    const own = typeof record.text === 'string' ? [record.text] : [];
    const title = typeof record.title === 'string' ? [record.title] : [];
    const value = record.type === undefined && typeof record.value === 'string' ? [record.value] : [];
    return [...own, ...title, ...value, ...Object.values(record).flatMap(cardTexts)];
  }
  return [];
}
