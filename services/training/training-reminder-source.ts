import type { AppServices } from '../app-services';
import type { WorkingCalendar } from '../reminders/calendar';
import type { ReminderSource } from '../reminders/reminder-source';
import { followedPeople } from './training-overview';
import { planManagerTrainingDigests, planTrainingReminders } from './training-planner';

/**
 * Feeds the sweep with training reminders (DOMAIN §2): each person's 180/90/30-day and fortnightly overdue
 * reminders, and the managers' monthly digest. People still waiting in « annuaire » are left out: until an admin
 * gives them a service, which trainings they owe is not known.
 */
export function trainingReminderSource(app: AppServices, calendar: WorkingCalendar): ReminderSource {
  return {
    name: 'training',
    plan: async ({ since, now }) => {
      const [everyone, types, records] = await Promise.all([app.people.list(), app.trainingTypes.list(), app.trainingRecords.listAll()]);
      const input = { people: followedPeople(everyone), types, records, since, now, calendar };
      return [...planTrainingReminders(input), ...planManagerTrainingDigests(input)];
    },
  };
}
