import { AuthenticationConstants } from 'botframework-connector';
import {
  ActivityTypes,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { defaultLocale } from '../cards/locale';
import { noticeCard } from '../cards/notice';
import type { Logger } from '../services/logger';
import type { BotAuthSetting } from './config';
import { toMessage } from './outgoing-message';
import { describeFailure } from './turn-failure';

/** Bot Framework authentication settings from Qualibot's configuration (local mode: authentication off). */
export function authenticationOptions(auth: BotAuthSetting): ConfigurationBotFrameworkAuthenticationOptions {
  if (auth.kind === 'local') return {};
  const credentials = {
    MicrosoftAppId: auth.appId,
    MicrosoftAppPassword: auth.appPassword,
    MicrosoftAppType: auth.appType,
    MicrosoftAppTenantId: auth.tenantId,
  };
  if (!auth.openIdMetadataUrl) return credentials;
  // Overriding one endpoint makes botbuilder take every endpoint as given: restate the public cloud's others.
  return {
    ...credentials,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: auth.openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: auth.openIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** The CloudAdapter, with a last-resort error handler that answers in French and never leaks a stack trace. */
export function createAdapter(auth: BotAuthSetting, logger: Logger): CloudAdapter {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(authenticationOptions(auth)));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    if ((error as { answered?: boolean }).answered) return;
    const locale = defaultLocale;
    const failure = describeFailure(error, locale);
    logger.error({ err: error, activityId: context.activity.id, type: context.activity.type, reference: failure.reference }, 'turn failed');
    const card = noticeCard({ style: 'attention', ...failure }, locale);
    try {
      if (context.activity.type === (ActivityTypes.Invoke as string)) {
        const body = { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
        await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
      } else if (context.activity.type === (ActivityTypes.Message as string)) {
        await context.sendActivity(toMessage(card));
      }
    } catch (sendError) {
      logger.error({ err: sendError }, 'could not tell the user about the failure');
    }
  };
  return adapter;
}
