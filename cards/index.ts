import { checkCard, checkSample } from './check';
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
  'checks-status': (locale) => checksStatusCard(checksStatusSample, locale),
};
