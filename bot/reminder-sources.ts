import type { AppServices } from '../services/app-services';
import type { ReminderSource } from '../services/reminders/reminder-source';

/** The obligations the sweep reminds people of. Each feature adds its source here. */
export function reminderSources(_app: AppServices): ReminderSource[] {
  return [];
}
