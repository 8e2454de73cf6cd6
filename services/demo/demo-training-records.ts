import { addCalendarDays, type LocalDate } from '../reminders/calendar';
import type { TrainingMode, TrainingRecord } from '../training/training-record';
import { demoPeople } from './demo-directory';

const personId = (firstName: string) => {
  const person = demoPeople.find((p) => p.name.startsWith(`${firstName} `));
  if (!person) throw new Error(`no demo person ${firstName}`);
  return person.id;
};

/** One demo completion: who, which type, how many days before the seeding day, its title and mode. */
type DemoCompletion = [firstName: string, typeId: string, daysAgo: number, title: string, mode: TrainingMode];

/**
 * Completions spread so every state shows (4-year validity ≈ 1461 days): Alex's continuous training is due
 * for renewal in about 110 days and his quality-referent training is valid; in BMI, Megan's fraud training has
 * expired, Adele's expires within 2 months and her foreigners' titles plan was never declared, Louis's
 * continuous training expired long ago, Chloé is up to date and Gabriel has nothing on record.
 */
const completions: DemoCompletion[] = [
  ['Alex', 'formation-continue', 1350, 'Accueil et relation aux usagers — Qual-e-pref', 'presentiel'],
  ['Alex', 'referents-qualite', 400, 'Animer la démarche qualité en préfecture', 'presentiel'],
  ['Megan', 'formation-continue', 700, 'Management et qualité de service', 'e-learning'],
  ['Megan', 'lutte-contre-la-fraude', 1600, 'Détection de la fraude documentaire', 'presentiel'],
  ['Megan', 'plan-formation-titres-etrangers', 300, 'Réglementation du séjour des étrangers', 'presentiel'],
  ['Adele', 'formation-continue', 1000, 'Accueil des publics en préfecture', 'e-learning'],
  ['Adele', 'lutte-contre-la-fraude', 1420, 'Fraude documentaire : les bons réflexes', 'e-learning'],
  ['Louis', 'formation-continue', 1900, 'Accueil des publics en préfecture', 'presentiel'],
  ['Louis', 'lutte-contre-la-fraude', 200, 'Détection de la fraude documentaire', 'presentiel'],
  ['Louis', 'plan-formation-titres-etrangers', 200, 'Réglementation du séjour des étrangers', 'presentiel'],
  ['Chloé', 'formation-continue', 100, 'Accueil des publics en préfecture', 'e-learning'],
  ['Chloé', 'lutte-contre-la-fraude', 100, 'Détection de la fraude documentaire', 'presentiel'],
  ['Chloé', 'plan-formation-titres-etrangers', 100, 'Réglementation du séjour des étrangers', 'presentiel'],
  ['Lynne', 'formation-continue', 500, 'Management et qualité de service', 'e-learning'],
  ['Lynne', 'lutte-contre-la-fraude', 500, 'Détection de la fraude documentaire', 'presentiel'],
  ['Emma', 'lutte-contre-la-fraude', 1500, 'Détection de la fraude documentaire', 'presentiel'],
  ['Camille', 'accueil-prise-de-poste', 800, 'Prise de poste à l’accueil général', 'presentiel'],
  ['Camille', 'formation-continue', 800, 'Accueil des publics en préfecture', 'presentiel'],
  ['Inès', 'exigences-web', 1380, 'Écrire pour le web et accessibilité', 'e-learning'],
  ['Inès', 'formation-continue', 600, 'Accueil des publics en préfecture', 'e-learning'],
  ['Isaiah', 'lutte-contre-la-fraude', 250, 'Référents fraude : animation du réseau', 'presentiel'],
];

/**
 * Training records of the Cher demo, dated relative to the seeding day (`today`) so the demo always shows
 * valid, expiring and expired trainings; declared by the person themself at `declaredAt`.
 */
export function demoTrainingRecords(today: LocalDate, declaredAt: string): TrainingRecord[] {
  return completions.map(([firstName, typeId, daysAgo, title, mode]) => {
    const id = personId(firstName);
    return { personId: id, typeId, completedOn: addCalendarDays(today, -daysAgo), title, mode, declaredBy: id, declaredAt };
  });
}
