import type { AppServices } from '../app-services';
import type { WorkingCalendar } from '../reminders/calendar';
import { previousQuarter, quarterOf } from '../reminders/quarter';
import type { ReminderSource } from '../reminders/reminder-source';
import { planCheckReminders } from './check-planner';

/** Feeds the sweep with quarterly check reminders: active items, this quarter's and last quarter's answers. */
export function checkReminderSource(app: AppServices, calendar: WorkingCalendar): ReminderSource {
  return {
    name: 'checks',
    plan: async ({ since, now }) => {
      const current = quarterOf(calendar.localDateOf(now));
      const [items, people, answersNow, answersBefore] = await Promise.all([
        app.checkItems.list(),
        app.people.list(),
        app.checkAnswers.listQuarter(current.id),
        app.checkAnswers.listQuarter(previousQuarter(current.id).id),
      ]);
      return planCheckReminders({ items, people, answers: [...answersNow, ...answersBefore], since, now, calendar });
    },
  };
}
