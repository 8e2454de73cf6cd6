import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { CardJson } from '../cards/render';

/** Turns a card or a text into an outgoing message. */
export function toMessage(message: CardJson | string): Partial<Activity> {
  return typeof message === 'string' ? MessageFactory.text(message) : MessageFactory.attachment(CardFactory.adaptiveCard(message));
}
