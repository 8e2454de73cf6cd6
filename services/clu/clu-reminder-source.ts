import type { AppServices } from '../app-services';
import type { WorkingCalendar } from '../reminders/calendar';
import type { ReminderSource } from '../reminders/reminder-source';
import type { CluAnswer } from './clu-meeting';
import { planCluReminders } from './clu-planner';

/** Feeds the sweep with CLU reminders: next meeting due, invitations not answered, minutes awaited (issue 7). */
export function cluReminderSource(app: AppServices, calendar: WorkingCalendar): ReminderSource {
  return {
    name: 'clu',
    plan: async ({ since, now }) => {
      const [meetings, people] = await Promise.all([app.clu.list(), app.people.list()]);
      const planned = meetings.filter((meeting) => meeting.state === 'scheduled' && Date.parse(meeting.startsAt) > now.getTime());
      const answers = new Map<string, CluAnswer[]>(await Promise.all(planned.map(async (meeting) => [meeting.id, await app.clu.answers(meeting.id)] as const)));
      return planCluReminders({ meetings, answers, people, since, now, calendar });
    },
  };
}
