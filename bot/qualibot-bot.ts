import {
  ActivityHandler,
  ActivityTypes,
  TurnContext,
  type ChannelAccount,
  type InvokeResponse,
} from 'botbuilder';
import { defaultLocale, type Locale } from '../cards/locale';
import { noticeCard } from '../cards/notice';
import type { CardJson } from '../cards/render';
import { welcomeCard } from '../cards/welcome';
import type { AppServices } from '../services/app-services';
import type { Clock } from '../services/clock';
import { ConversationReferenceRepository } from '../services/conversations/conversation-reference-repository';
import type { ExportLinkIssuer } from '../services/exports/export-link';
import type { Logger } from '../services/logger';
import type { SweepReport } from '../services/reminders/sweep';
import { routeCardAction } from './card-router';
import { toMessage } from './outgoing-message';
import { routeMessage } from './message-router';
import type { HandlerContext } from './turn-context';
import { describeFailure } from './turn-failure';

/**
 * The text a person sent. A mention of the bot (group chats, channels) is removed; an `imBack` button that a client
 * delivers as a value with no text (the Agents Playground does) counts as its text, as Teams would send it.
 */
export function messageText(context: TurnContext): string {
  const text = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '').trim();
  if (text !== '') return text;
  const value = context.activity.value as { msteams?: { type?: unknown; value?: unknown } } | undefined;
  return value?.msteams?.type === 'imBack' && typeof value.msteams.value === 'string' ? value.msteams.value : '';
}

const duplicateTexts = {
  fr: { title: 'Déjà pris en compte', text: 'Cette action a déjà été traitée.' },
  en: { title: 'Already taken into account', text: 'This action was already processed.' },
};

/**
 * Qualibot's Teams plumbing: deduplicates activities, remembers conversation references, resolves the actor,
 * and hands messages and card actions to the routers. No business rule lives here.
 */
export class QualibotBot extends ActivityHandler {
  constructor(
    private readonly app: AppServices,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly runReminderSweep: () => Promise<SweepReport>,
    private readonly publishSharedCard: (topic: string) => void,
    private readonly exportLinks: ExportLinkIssuer,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.handleMembersAdded(context, context.activity.membersAdded ?? []);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      const botRemoved = (context.activity.membersRemoved ?? []).some((m) => m.id === context.activity.recipient.id);
      if (botRemoved) await this.forgetConversation(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forgetConversation(context);
      await next();
    });
  }

  /** Every activity goes through here once: a redelivered id is answered without being processed again. */
  override async run(context: TurnContext): Promise<void> {
    const { activity } = context;
    const claimable = Boolean(activity.id) && activity.type !== (ActivityTypes.Typing as string);
    const now = this.clock.now();
    if (claimable && !(await this.app.processedActivities.claim(activity.conversation.id, activity.id as string, now))) {
      this.logger.info({ activityId: activity.id, type: activity.type }, 'duplicate activity ignored');
      if (activity.type === (ActivityTypes.Invoke as string)) await this.sendInvokeCard(context, this.duplicateCard());
      return;
    }
    try {
      await super.run(context);
    } catch (error) {
      // Give the claim back so Teams' redelivery of this activity can succeed.
      if (claimable) await this.giveClaimBack(context);
      throw error;
    }
  }

  /**
   * Releases the claim of a turn that failed. The storage may be what failed: the release is then retried in the
   * background (1 s, 2 s, 4 s… about a minute in all), so a redelivery after the outage is not dropped.
   */
  private async giveClaimBack(context: TurnContext): Promise<void> {
    const { conversation, id } = context.activity;
    if (id) await this.releaseClaim(conversation.id, id, 0);
  }

  private async releaseClaim(conversationId: string, activityId: string, attempt: number): Promise<void> {
    try {
      await this.app.processedActivities.release(conversationId, activityId);
    } catch {
      if (attempt >= 6) return this.logger.warn({ activityId }, 'activity claim not released: a redelivery will be ignored');
      setTimeout(() => void this.releaseClaim(conversationId, activityId, attempt + 1), 1000 * 2 ** attempt).unref();
    }
  }

  private duplicateCard(): CardJson {
    const locale = defaultLocale;
    return noticeCard({ style: 'default', ...duplicateTexts[locale], reference: '' }, locale);
  }

  private async handlerContext(context: TurnContext): Promise<HandlerContext> {
    const { from } = context.activity;
    const personId = from.aadObjectId ?? from.id;
    const actor = await this.app.directory.resolve(personId, from.name);
    const logger = this.logger.child({ activityId: context.activity.id, actorId: actor.id });
    return { actor, locale: actor.language ?? defaultLocale, app: this.app, clock: this.clock, logger,
      runReminderSweep: this.runReminderSweep,
      publishSharedCard: this.publishSharedCard,
      exportLinks: this.exportLinks,
    };
  }

  private async rememberConversation(context: TurnContext, force = false): Promise<void> {
    const { activity } = context;
    const scope = activity.conversation.conversationType ?? 'personal';
    const key = ConversationReferenceRepository.keyFor(scope, activity.from.aadObjectId, activity.conversation.id);
    const reference = TurnContext.getConversationReference(activity);
    delete reference.activityId; // changes with every message; not needed to reach the conversation
    await this.app.conversations.remember(scope, key, JSON.stringify(reference), this.clock.now().toISOString(), force);
  }

  private async forgetConversation(context: TurnContext): Promise<void> {
    const { activity } = context;
    const scope = activity.conversation.conversationType ?? 'personal';
    const key = ConversationReferenceRepository.keyFor(scope, activity.from.aadObjectId, activity.conversation.id);
    await this.app.conversations.deactivate(scope, key, this.clock.now().toISOString());
    this.logger.info({ scope, conversationKey: key }, 'conversation deactivated');
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const locale = defaultLocale;
    const reply = async (message: CardJson | string) => {
      await context.sendActivity(toMessage(message));
    };
    try {
      await this.rememberConversation(context);
      const handlerContext = await this.handlerContext(context);
      const text = messageText(context);
      const outcome = await routeMessage(handlerContext, text, reply);
      handlerContext.logger.info({ outcome }, 'message handled');
    } catch (error) {
      await this.answerFailure(context, error, locale);
      throw error;
    }
  }

  private async handleMembersAdded(context: TurnContext, members: ChannelAccount[]): Promise<void> {
    const botAdded = members.some((member) => member.id === context.activity.recipient.id);
    if (!botAdded) return;
    await this.rememberConversation(context, true);
    const handlerContext = await this.handlerContext(context);
    // Reminders that found no conversation before this install go out with the next sweep.
    const requeued = await this.app.outbox.requeueUnreachable(handlerContext.actor.id, this.clock.now());
    if (requeued > 0) handlerContext.logger.info({ requeued }, 'undelivered reminders requeued after install');
    const firstName = handlerContext.actor.name.split(' ')[0] ?? handlerContext.actor.name;
    await context.sendActivity(toMessage(welcomeCard({ firstName, toAssign: handlerContext.actor.toAssign }, handlerContext.locale)));
  }

  /** Universal Actions: `adaptiveCard/action` answers with the card that replaces the one clicked. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const locale: Locale = defaultLocale;
    try {
      const handlerContext = await this.handlerContext(context);
      const result = await routeCardAction(handlerContext, context.activity.value);
      handlerContext.logger.info({ verb: result.verb, outcome: result.outcome, reference: result.reference }, 'card action');
      // A click that failed is answered with a card, not thrown: give its claim back here for the redelivery.
      if (result.outcome === 'failed') await this.giveClaimBack(context);
      return this.cardResponse(result.card);
    } catch (error) {
      const failure = describeFailure(error, locale);
      this.logger.error({ err: error, activityId: context.activity.id, reference: failure.reference }, 'card action failed');
      await this.giveClaimBack(context);
      return this.cardResponse(noticeCard({ style: 'attention', ...failure }, locale));
    }
  }

  private cardResponse(card: CardJson): InvokeResponse {
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
  }

  private async sendInvokeCard(context: TurnContext, card: CardJson): Promise<void> {
    await context.sendActivity({ type: 'invokeResponse', value: this.cardResponse(card) });
  }

  private async answerFailure(context: TurnContext, error: unknown, locale: Locale): Promise<void> {
    const failure = describeFailure(error, locale);
    this.logger.error({ err: error, activityId: context.activity.id, reference: failure.reference }, 'turn failed');
    (error as { answered?: boolean }).answered = true;
    await context
      .sendActivity(toMessage(noticeCard({ style: 'attention', ...failure }, locale)))
      .catch((sendError: unknown) => this.logger.error({ err: sendError }, 'could not tell the user about the failure'));
  }
}
