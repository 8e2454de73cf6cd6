import type { AppServices } from '../../services/app-services';
import { isUpcoming } from '../../services/clu/clu-dates';
import type { Clock } from '../../services/clock';
import type { SharedCardRenderer } from '../shared-card-publisher';
import { buildInvitationCard } from './clu-view';

/**
 * The invitation to a CLU meeting (issue 7), one copy per internal member ("clu-invitation|CLU-2027"), each drawn as
 * its member sees it (their answer, their buttons). Copies are listed before the meeting is written: a first send for
 * a meeting that was never stored, that is no longer planned, or that no longer lists the member is dropped.
 */
export function cluSharedCardRenderers(app: AppServices, clock: Clock): Record<string, SharedCardRenderer> {
  return {
    'clu-invitation': async (topic, recipient, { firstSend }) => {
      const [, id] = topic.split('|');
      const meeting = id ? await app.clu.get(id) : undefined;
      if (!meeting) return undefined;
      if (firstSend && (!meeting.memberIds.includes(recipient.id) || !isUpcoming(meeting, clock.now()))) return undefined;
      const answer = await app.clu.answerOf(meeting.id, recipient.id);
      return buildInvitationCard({ actor: recipient, locale: recipient.language ?? 'fr', app, clock }, meeting, answer);
    },
  };
}
