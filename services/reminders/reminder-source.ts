import type { PlannedReminder } from './reminder';

/** The stretch of time a sweep plans: stages reached after `since` (everything currently due when absent) and by `now`. */
export interface PlanningWindow {
  since?: Date;
  now: Date;
}

/**
 * One kind of obligation the engine reminds people of (quarterly checks, training, action plan…): it loads what it
 * needs and hands it to its pure planner. Planning the same window twice gives the same keys.
 */
export interface ReminderSource {
  /** Short name for logs and reports ("checks", "training"). */
  name: string;
  plan(window: PlanningWindow): Promise<PlannedReminder[]>;
}
