import { actionReminderSource } from '../services/action-plan/action-reminder-source';
import type { AppServices } from '../services/app-services';
import { checkReminderSource } from '../services/checks/check-reminder-source';
import { cluReminderSource } from '../services/clu/clu-reminder-source';
import { complaintReminderSource } from '../services/complaints/complaint-reminder-source';
import { labelCalendarReminderSource } from '../services/label-calendar/label-reminder-source';
import type { WorkingCalendar } from '../services/reminders/calendar';
import type { ReminderSource } from '../services/reminders/reminder-source';
import { trainingReminderSource } from '../services/training/training-reminder-source';

/** The obligations the sweep reminds people of. Each feature adds its source here. */
export function reminderSources(app: AppServices, calendar: WorkingCalendar): ReminderSource[] {
  return [checkReminderSource(app, calendar), trainingReminderSource(app, calendar), actionReminderSource(app, calendar), complaintReminderSource(app, calendar), cluReminderSource(app, calendar), labelCalendarReminderSource(app, calendar)];
}
