import type { LocalDate } from '../reminders/calendar';
import type { ReminderAction, ReminderText } from '../reminders/reminder';
import { daysBetween, formatDay } from './training-dates';
import type { TrainingStage } from './training-stages';
import type { TrainingType } from './training-type';

/** The digest line's button: opens the declaration card for that training (verb wired in bot/verbs.ts). */
export function declareTrainingAction(typeId: string): ReminderAction {
  return { verb: 'training.declareForm', data: { typeId }, title: { fr: 'Déclarer la formation', en: 'Declare training' } };
}

function dueIn(days: number): { fr: string; en: string } {
  if (days <= 0) return { fr: "aujourd'hui", en: 'today' };
  return days === 1 ? { fr: 'dans 1 jour', en: 'in 1 day' } : { fr: `dans ${days} jours`, en: `in ${days} days` };
}

/**
 * What a training reminder says. `expiresOn` is undefined when nothing is on record; `sendDay` is the day it
 * goes out, so "in N days" is counted from the day the person reads it, not from the stage's nominal day.
 */
export function trainingReminderText(
  type: Pick<TrainingType, 'label' | 'commitment'>,
  stage: TrainingStage,
  expiresOn: LocalDate | undefined,
  sendDay: LocalDate,
): ReminderText {
  const name = { fr: `${type.label.fr} (${type.commitment})`, en: `${type.label.en} (${type.commitment})` };
  if (expiresOn === undefined) {
    return {
      fr: { title: `Formation à suivre : ${name.fr}`, detail: 'Aucune formation enregistrée' },
      en: { title: `Training to take: ${name.en}`, detail: 'No training on record' },
    };
  }
  const title = { fr: `Formation à renouveler : ${name.fr}`, en: `Training to renew: ${name.en}` };
  if (stage.startsWith('expired-')) {
    return {
      fr: { title: title.fr, detail: `Expirée depuis le ${formatDay(expiresOn, 'fr')}` },
      en: { title: title.en, detail: `Expired since ${formatDay(expiresOn, 'en')}` },
    };
  }
  const when = dueIn(daysBetween(sendDay, expiresOn));
  return {
    fr: { title: title.fr, detail: `Échéance le ${formatDay(expiresOn, 'fr')} (${when.fr})` },
    en: { title: title.en, detail: `Due on ${formatDay(expiresOn, 'en')} (${when.en})` },
  };
}
