import type { AppServices } from '../app-services';
import type { WorkingCalendar } from '../reminders/calendar';
import type { ReminderSource } from '../reminders/reminder-source';
import { planComplaintReminders } from './complaint-planner';

/** Feeds the sweep with complaint reminders: due dates of open complaints, escalations, acknowledgements owed (E.17, 17.3). */
export function complaintReminderSource(app: AppServices, calendar: WorkingCalendar): ReminderSource {
  return {
    name: 'complaints',
    plan: async ({ since, now }) => {
      const [complaints, people] = await Promise.all([app.complaints.listOpen(), app.people.list()]);
      return planComplaintReminders({ complaints, people, since, now, calendar });
    },
  };
}
