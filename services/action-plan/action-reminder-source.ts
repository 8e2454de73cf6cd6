import type { AppServices } from '../app-services';
import type { WorkingCalendar } from '../reminders/calendar';
import type { ReminderSource } from '../reminders/reminder-source';
import { openStates } from './action-item';
import { planActionReminders } from './action-deadline-planner';

/** Feeds the sweep with action-plan reminders: deadlines of open actions, escalations, closures waiting for approval. */
export function actionReminderSource(app: AppServices, calendar: WorkingCalendar): ReminderSource {
  return {
    name: 'action-plan',
    plan: async ({ since, now }) => {
      const [items, people] = await Promise.all([app.actions.list(), app.people.list()]);
      const open = items.filter((item) => openStates.includes(item.state));
      return planActionReminders({ items: open, people, since, now, calendar });
    },
  };
}
