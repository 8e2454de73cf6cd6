import { actionHistoryCard, actionHistorySample } from './action-history';
import { actionItemCard, actionItemSample } from './action-item';
import { checkCard, checkSample } from './check';
import { checkItemFormCard, checkItemFormSample } from './check-item-form';
import { checkItemsCard, checkItemsSample } from './check-items';
import { checkItemsImportCard, checkItemsImportSample } from './check-items-import';
import { checksStatusCard, checksStatusSample } from './checks-status';
import { commitmentCard, commitmentSample } from './commitment';
import { commitmentsCard, commitmentsSample } from './commitments';
import { directoryCard, directorySample } from './directory';
import { directoryImportCard, directoryImportSample } from './directory-import';
import { helpCard, helpSample } from './help';
import type { Locale } from './locale';
import { noticeCard, noticeSample } from './notice';
import { personFormCard, personFormSample } from './person-form';
import { reminderDigestCard, reminderDigestSample } from './reminder-digest';
import type { CardJson } from './render';
import { trainingFormCard, trainingFormSample } from './training-form';
import { trainingOverviewCard, trainingOverviewSample } from './training-overview';
import { trainingStatusCard, trainingStatusSample } from './training-status';
import { unknownCommandCard, unknownCommandSample } from './unknown-command';
import { welcomeCard, welcomeSample } from './welcome';
import { whoamiCard, whoamiSample } from './whoami';

/** Every card with its sample data: the gallery that tests render, parse and measure. */
export const cardGallery: Record<string, (locale: Locale) => CardJson> = {
  welcome: (locale) => welcomeCard(welcomeSample, locale),
  help: (locale) => helpCard(helpSample, locale),
  whoami: (locale) => whoamiCard(whoamiSample, locale),
  'unknown-command': (locale) => unknownCommandCard(unknownCommandSample, locale),
  notice: (locale) => noticeCard(noticeSample, locale),
  commitments: (locale) => commitmentsCard(commitmentsSample, locale),
  commitment: (locale) => commitmentCard(commitmentSample, locale),
  directory: (locale) => directoryCard(directorySample, locale),
  'person-form': (locale) => personFormCard(personFormSample, locale),
  'directory-import': (locale) => directoryImportCard(directoryImportSample, locale),
  'reminder-digest': (locale) => reminderDigestCard(reminderDigestSample, locale),
  check: (locale) => checkCard(checkSample, locale),
  'action-history': (locale) => actionHistoryCard(actionHistorySample, locale),
  'action-item': (locale) => actionItemCard(actionItemSample, locale),
  'action-item-planned': (locale) =>
    actionItemCard({ ...actionItemSample, heading: 'Action 2026-04', verbs: ['update-progress', 'edit', 'mark-done', 'cancel'], refreshUserIds: [] }, locale),
  'action-item-proposal': (locale) =>
    actionItemCard({ ...actionItemSample, heading: 'Action 2026-03', verbs: ['accept', 'refuse-proposal', 'edit'], refreshUserIds: [] }, locale),
  'checks-status': (locale) => checksStatusCard(checksStatusSample, locale),
  'training-form': (locale) => trainingFormCard(trainingFormSample, locale),
  'training-status': (locale) => trainingStatusCard(trainingStatusSample, locale),
  'training-overview': (locale) => trainingOverviewCard(trainingOverviewSample, locale),
  'check-items': (locale) => checkItemsCard(checkItemsSample, locale),
  'check-item-form': (locale) => checkItemFormCard(checkItemFormSample, locale),
  'check-items-import': (locale) => checkItemsImportCard(checkItemsImportSample, locale),
};
