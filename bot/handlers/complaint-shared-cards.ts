import type { AppServices } from '../../services/app-services';
import type { Clock } from '../../services/clock';
import type { SharedCardRenderer } from '../shared-card-publisher';
import { buildComplaintCard } from './complaint-view';

const texts = {
  fr: { assigned: 'Cette réclamation vous est confiée : répondez avant l’échéance.' },
  en: { assigned: 'This complaint is given to you: reply before its due date.' },
};

/** Reads "complaint-assigned|R-2026-0012|<ms of the assignment>". */
function assignedTopic(topic: string): { id: string; ms: number } | undefined {
  const [, id, ms] = topic.split('|');
  return id && ms ? { id, ms: Number(ms) } : undefined;
}

/**
 * The card sent to the agent a complaint is given to (issue 6), at creation by someone else or on reassignment.
 * Copies are listed before the complaint is written: a copy whose assignment never happened (the write lost a race)
 * or was superseded before it went out is dropped rather than sent.
 */
export function complaintSharedCardRenderers(app: AppServices, clock: Clock): Record<string, SharedCardRenderer> {
  return {
    'complaint-assigned': async (topic, recipient, { firstSend }) => {
      const parsed = assignedTopic(topic);
      const complaint = parsed && (await app.complaints.get(parsed.id));
      if (!parsed || !complaint) return undefined;
      const current = complaint.assigneeId === recipient.id && Date.parse(complaint.assignedAt) === parsed.ms;
      if (firstSend && !current) return undefined;
      const locale = recipient.language ?? 'fr';
      return buildComplaintCard({ actor: recipient, locale, app, clock }, complaint, current ? { notice: texts[locale].assigned, noticeColor: 'Accent' } : {});
    },
  };
}
