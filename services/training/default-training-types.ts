import type { TrainingType } from './training-type';

/**
 * The six trainings of the label (issue 4): the catalogue a fresh deployment starts with, not demo data
 * (prepareStorage loads it when the TrainingTypes table is empty, never over the quality officer's edits).
 * Commitment numbers mix the Loire list (4.1–4.4, 23.1, seed 001) and the Cher list (E.28, seed 000), as the
 * issue names them; the quality officer renumbers and edits them. All last 4 years (2020 report: "fréquence
 * fixée à 4 ans maximum"), the induction too, so a long-serving front-desk agent is asked to refresh it.
 */
export const defaultTrainingTypes: readonly TrainingType[] = [
  {
    id: 'accueil-prise-de-poste',
    // 4.1 "Nos agents d'accueil reçoivent une formation dédiée spécifique pour leur prise de poste"
    label: { fr: 'Accueil — prise de poste', en: 'Welcome desk — induction' },
    commitment: '4.1',
    validityMonths: 48,
    requiredFor: { services: ['ACCUEIL'] },
    active: true,
  },
  {
    id: 'formation-continue',
    // 4.2 "Nos agents reçoivent une formation continue au moins une fois tous les 4 ans"
    label: { fr: 'Formation continue', en: 'Continuous training' },
    commitment: '4.2',
    validityMonths: 48,
    requiredFor: {},
    active: true,
  },
  {
    id: 'exigences-web',
    // 4.3 "Les agents responsables du site internet sont sensibilisés aux exigences et aux contraintes du web"
    label: { fr: 'Exigences et contraintes du web', en: 'Web writing and constraints' },
    commitment: '4.3',
    validityMonths: 48,
    requiredFor: { services: ['BREC'] },
    active: true,
  },
  {
    id: 'referents-qualite',
    // 4.4 "Les référents qualité reçoivent une formation adaptée"
    label: { fr: 'Formation des référents qualité', en: 'Quality referents' },
    commitment: '4.4',
    validityMonths: 48,
    requiredFor: { roles: ['rq'] },
    active: true,
  },
  {
    id: 'lutte-contre-la-fraude',
    // 23.1 "Nos agents sont sensibilisés et formés régulièrement à la lutte contre la fraude"
    label: { fr: 'Sensibilisation à la lutte contre la fraude', en: 'Fraud awareness' },
    commitment: '23.1',
    validityMonths: 48,
    requiredFor: { roles: ['fraud-referent'], services: ['BMI', 'CERT'] },
    active: true,
  },
  {
    id: 'plan-formation-titres-etrangers',
    // E.28 "Nos agents ont bénéficié d'un plan de formation adaptée" (module 3, titles for foreigners)
    label: { fr: 'Plan de formation — titres des étrangers', en: "Foreigners' titles training plan" },
    commitment: 'E.28',
    validityMonths: 48,
    requiredFor: { services: ['BMI'] },
    active: true,
  },
];
