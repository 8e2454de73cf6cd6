import type { LocalDate } from '../reminders/calendar';
import type { ReminderAction, ReminderText } from '../reminders/reminder';
import { daysBetween, formatDay } from '../training/training-dates';
import { formatMeetingStart } from './clu-dates';
import type { CluAnswerValue, CluMeeting } from './clu-meeting';

/** The digest button of the quality officer's « next CLU due » reminder: opens the meeting form. */
export const scheduleCluButton: ReminderAction = { verb: 'clu.form', data: {}, title: { fr: 'Planifier le CLU', en: 'Schedule the CLU' } };

/** The digest button of the members' and minutes reminders: the `clu` card (the member's invitation with its buttons). */
export const openCluButton = (title: ReminderAction['title']): ReminderAction => ({ verb: 'command.run', data: { command: 'clu' }, title });

function inDays(n: number): { fr: string; en: string } {
  if (n <= 0) return { fr: 'aujourd’hui', en: 'today' };
  if (n === 1) return { fr: 'demain', en: 'tomorrow' };
  return { fr: `dans ${n} jours`, en: `in ${n} days` };
}

/** What the quality officer reads 3 months and 1 month before the next meeting is due, and on the day (DOMAIN §4). */
export function dueReminderText(dueOn: LocalDate, lastDay: LocalDate, sentOn: LocalDate): ReminderText {
  const left = inDays(daysBetween(sentOn, dueOn));
  return {
    fr: {
      title: `Prochain CLU à tenir avant le ${formatDay(dueOn, 'fr')} (${left.fr}) : aucune réunion n’est planifiée`,
      detail: `Dernière réunion le ${formatDay(lastDay, 'fr')} ; le comité se réunit au moins une fois par an.`,
    },
    en: {
      title: `Next CLU due by ${formatDay(dueOn, 'en')} (${left.en}): no meeting is planned`,
      detail: `Last meeting on ${formatDay(lastDay, 'en')}; the committee meets at least once a year.`,
    },
  };
}

/** What an internal member reads a week and a day before the meeting: answer, or a reminder of the answer given. */
export function invitationReminderText(meeting: CluMeeting, answer: CluAnswerValue | undefined, timeZone: string, sentOn: LocalDate, meetingDay: LocalDate): ReminderText {
  const when = { fr: formatMeetingStart(meeting.startsAt, 'fr', timeZone), en: formatMeetingStart(meeting.startsAt, 'en', timeZone) };
  const left = inDays(daysBetween(sentOn, meetingDay));
  const where = { fr: meeting.place ?? 'audio-conférence', en: meeting.place ?? 'audio conference' };
  if (answer === 'present') {
    return {
      fr: { title: `CLU ${left.fr} : ${when.fr}`, detail: `Vous avez confirmé votre présence — ${where.fr}.` },
      en: { title: `CLU ${left.en}: ${when.en}`, detail: `You confirmed you will attend — ${where.en}.` },
    };
  }
  return {
    fr: { title: `CLU ${left.fr} : ${when.fr}`, detail: `Répondez à l’invitation : présent(e) ou excusé(e) — ${where.fr}.` },
    en: { title: `CLU ${left.en}: ${when.en}`, detail: `Answer the invitation: attending or excused — ${where.en}.` },
  };
}

/** What the quality officer reads weekly from the minutes' due date until their date is recorded (issue 7). */
export function minutesReminderText(meeting: CluMeeting, meetingDay: LocalDate): ReminderText {
  if (meeting.state !== 'held') {
    return {
      fr: {
        title: `CLU du ${formatDay(meetingDay, 'fr')} : réunion à marquer comme tenue`,
        detail: `Marquez-la comme tenue (ou annulée), puis enregistrez la date du compte rendu, attendu le ${formatDay(meeting.minutesDueOn, 'fr')}.`,
      },
      en: {
        title: `CLU of ${formatDay(meetingDay, 'en')}: mark the meeting as held`,
        detail: `Mark it as held (or cancelled), then record the date of the minutes, due on ${formatDay(meeting.minutesDueOn, 'en')}.`,
      },
    };
  }
  return {
    fr: {
      title: `Compte rendu du CLU du ${formatDay(meetingDay, 'fr')} attendu le ${formatDay(meeting.minutesDueOn, 'fr')}`,
      detail: 'Diffusez-le aux membres puis enregistrez sa date (« Compte rendu reçu le … » sur la carte « clu »).',
    },
    en: {
      title: `Minutes of the CLU of ${formatDay(meetingDay, 'en')} due on ${formatDay(meeting.minutesDueOn, 'en')}`,
      detail: 'Send them to the members, then record their date (“Minutes received on …” on the “clu” card).',
    },
  };
}
