import type { AppServices } from '../app-services';
import type { WorkingCalendar } from '../reminders/calendar';
import type { ReminderSource } from '../reminders/reminder-source';
import { planLabelReminders } from './label-planner';

/** Feeds the sweep with the label calendar's reminders (DOMAIN §5): owners ahead and while late, escalations when passed. */
export function labelCalendarReminderSource(app: AppServices, calendar: WorkingCalendar): ReminderSource {
  return {
    name: 'label-calendar',
    plan: async ({ since, now }) => {
      const [obligations, people] = await Promise.all([app.labelCalendar.list(), app.people.list()]);
      return planLabelReminders({ obligations, people, since, now, calendar });
    },
  };
}
