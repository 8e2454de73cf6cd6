import { demoPeople } from '../demo/demo-directory';
import { addCalendarDays, WorkingCalendar, type LocalDate } from '../reminders/calendar';
import { quarterOf } from '../reminders/quarter';
import type { ActionItem } from './action-item';
import { formatActionId } from './action-number';
import { workingDaysBefore } from './action-reminder-stages';

const person = (firstName: string) => {
  const found = demoPeople.find((p) => p.name.startsWith(`${firstName} `));
  if (!found) throw new Error(`no demo person ${firstName}`);
  return found.id;
};

/**
 * How the seed's "RESPONSABLE" column names services that are not codes of the demo directory: the quality
 * mission ("RQ") sits in the SGCD; "Pré-accueil" is the ACCUEIL service. For importing the seed's own table.
 */
export const demoServiceAliases: Readonly<Record<string, string>> = { RQ: 'SGCD', 'Pré-accueil': 'ACCUEIL', 'PRE-ACCUEIL': 'ACCUEIL' };

type Draft = Omit<ActionItem, 'id' | 'year' | 'revision'>;

/** A closed row of the 2021 table: approved by the quality officer on the day it was closed (the seed keeps no approver). */
function closed(draft: Omit<Draft, 'state' | 'closedOn' | 'decision' | 'createdAt' | 'createdBy'>, closedOn: LocalDate): Draft {
  return {
    ...draft,
    state: 'closed',
    closedOn,
    decision: { outcome: 'approved', by: person('Alex'), at: `${closedOn}T09:00:00.000Z` },
    createdAt: '2020-09-01T08:00:00.000Z',
    createdBy: person('Alex'),
  };
}

/** Day the 2021 plan was presented with the quality report (seed 003, "le 28 janvier 2021"): the close date of undated rows. */
const planDay = '2021-01-28';

/**
 * The twelve rows of the Cher's 2021 plan (seed 003, annex 2), texts as written there. Rows without a number in
 * the seed take 2021-01 … 2021-10 in table order; N° 11 and 12 keep theirs. "DC / BLS / RQ" becomes the codes of
 * the demo directory (RQ = SGCD). The seed ticks "réalisée" with no approver: those rows are closed here; the
 * hearing loop was cancelled at the follow-up committee of 3 November 2020; 11 and 12, planned for March and
 * April 2021, are shown closed too, so the demo's reminders come from the current year's items.
 */
function plan2021(): Draft[] {
  return [
    closed({ finding: "Création d'un espace pour enfants", references: ['E6'], sources: ['contexte-local'], deadline: '2020-12-31', action: "L'espace enfant a été créé en novembre 2019", services: ['DC', 'BLS', 'SGCD'], ownerId: person('Jade'), verification: "Peinture aux pochoirs faite à l'automne 2020" }, '2020-12-31'),
    closed({ finding: 'Affiche des engagements', references: ['E1 §1-1'], sources: ['contexte-local'], action: 'Actualiser selon la nouvelle charte graphique', services: ['BREC', 'SGCD'], ownerId: person('Inès') }, planDay),
    closed({ finding: 'Affiche horaires', references: ['E1 §1-1'], sources: ['contexte-local'], action: "Affiche horaires actualisée avec les conditions d'accueil COVID et date de mise à jour.", services: ['DC', 'ACCUEIL', 'BREC'], ownerId: person('Camille'), verification: "Affiche mise en ligne et affichée dans le hall d'accueil" }, planDay),
    closed({ finding: 'Logo Qual-e-pref', references: ['V- démarches labellisation'], sources: [], action: "Apposer le logo Qual-e-pref sur l'ensemble des fiches de procédure, guides, affiches, etc.", services: ['SGCD'], ownerId: person('Alex'), verification: 'Action effectuée' }, planDay),
    closed({ finding: 'Réclamations/Suggestions', references: ['E3 § 3-1'], sources: ['enquete-satisfaction'], deadline: '2020-10-23', action: "Placer l'urne dédiée au niveau de la sortie des usagers pour plus de visibilité", services: ['SGCD', 'BLS'], ownerId: person('Jade') }, '2020-10-23'),
    closed({ finding: "Aménagement pour le confort de l'accueil", references: ['E6'], sources: ['enquete-satisfaction'], deadline: '2020-10-23', action: "Avec la diminution du nombre de sièges dans la salle d'attente, ajout d'un siège à chaque guichet d'accueil pour l'accompagnant", services: ['DC', 'BLS', 'SGCD'], ownerId: person('Raphaël') }, '2020-10-23'),
    closed({ finding: 'Enquête de satisfaction 2020', references: ['III'], sources: [], action: 'Enquête de satisfaction réalisée du 15 au 25 septembre', services: ['DC', 'SGCD'], ownerId: person('Alex'), verification: "104 réponses collectées : 95 réponses à l'accueil sur 311 visites et 9 réponses sur site internet. Analyse présentée à la SG le 30/09/2020" }, '2020-09-30'),
    closed({ finding: 'MSAP – Communication', references: [], sources: ['contexte-local'], deadline: '2020-12-31', action: 'Mise à jour de la plaquette des MSAP', services: ['BREC', 'DAT', 'SGCD'], ownerId: person('Louise') }, '2020-12-31'),
    closed({
      finding: 'Confidentialité guichets étrangers',
      references: ['E6'],
      sources: ['contexte-local'],
      action: "Constat enquête de satisfaction 2019 : les usagers souhaitent davantage de confidentialité entre les guichets et la salle d'attente. Le positionnement des sièges avait été inversé, les usagers de la salle d'attente tournaient le dos aux guichets, cette installation ne donnait pas entière satisfaction, il était proposé d'installer des claustras afin de mieux isoler les guichets de la salle d'attente.",
      services: ['DC', 'ACCUEIL', 'BLS'],
      ownerId: person('Raphaël'),
      verification: "Dans l'immédiat, avec la COVID-19 des aménagements ont été faits. Installation provisoire de claustras entre chaque guichet et réductions du nombre de sièges dans la salle d'attente. Cette installation devra dépendant être renforcée et les claustras fixées au sol",
    }, planDay),
    {
      finding: "Pré-accueil : installation d'une boucle auditive",
      references: ['E6'],
      sources: ['contexte-local'],
      state: 'cancelled',
      action: "Usagers malentendants : examen sur l'utilité d'installer une boucle auditive. Question évoquée en 2015 lors de la mise en place de la signalétique pour PMR, écartée sur les conseils de l'association APF. Proposition de revoir ce type d'installation pour le guichet du pré-accueil en concertation avec l'APF",
      services: ['DC', 'BLS', 'SGCD'],
      ownerId: person('Nathan'),
      cancelReason: 'Compte-tenu des retours sur la fiabilité de ces boucles, Action à annuler au prochain comité de suivi → 03-11-20 – FAIT',
      closedOn: '2020-11-03',
      createdAt: '2020-09-01T08:00:00.000Z',
      createdBy: person('Alex'),
    },
    { ...closed({ finding: 'Enquête de satisfaction 2021', references: ['III'], sources: [], deadline: '2021-04-01', action: "Menée dans le hall et sur le site IDE d'après questionnaire mis en place sur l'outil SPHINX (du 23/03 au 01/04/21)", services: ['SGCD'], ownerId: person('Alex') }, '2021-04-01'), createdAt: '2021-01-28T09:00:00.000Z' },
    { ...closed({ finding: 'Audit Interne', references: ['V-2'], sources: ['autodiagnostic', 'audit-interne'], sourceDate: '2021-02-08', deadline: '2021-04-22', action: 'Auto-diagnostic', services: ['DC', 'SGCD'], ownerId: person('Alex') }, '2021-04-22'), createdAt: '2021-01-28T09:00:00.000Z' },
  ];
}

/**
 * This year's items, dated from `today`, so the demo shows every state and has reminders to send: one awaiting
 * approval for 4 working days, owned by Adele (BMI) so Megan (her manager) or Alex (RQ) can approve it; one
 * overdue past the escalation; one due within 14 working days; one in progress; a proposal from a quarterly check;
 * a declined proposal; a closed one.
 */
function currentPlan(today: LocalDate, calendar: WorkingCalendar): Draft[] {
  const day = (days: number) => addCalendarDays(today, days);
  const at = (days: number, time = '09:00') => calendar.localInstant(day(days), time).toISOString();
  const alex = person('Alex');
  return [
    {
      finding: 'Délais moyens des titres de séjour absents du guichet étrangers',
      references: ['E.32'],
      sources: ['autodiagnostic'],
      sourceDate: day(-40),
      state: 'awaiting-approval',
      deadline: day(10),
      deadlineSetAt: at(-40),
      action: 'Afficher au guichet et sur le site les délais moyens des premières demandes et des renouvellements, mis à jour chaque trimestre.',
      services: ['BMI'],
      ownerId: person('Adele'),
      verification: 'Affiche posée au guichet étrangers et page du site mise à jour ; vérifié lors du contrôle trimestriel.',
      effective: true,
      submittedAt: calendar.localInstant(workingDaysBefore(today, 4, calendar), '10:00').toISOString(),
      submittedBy: person('Adele'),
      createdAt: at(-40),
      createdBy: alex,
    },
    {
      finding: 'Message du répondeur non mis à jour après le changement d’horaires',
      references: ['E.10'],
      sources: ['controle-trimestriel'],
      state: 'in-progress',
      deadline: day(-9),
      deadlineSetAt: at(-45),
      action: 'Enregistrer le nouveau message avec les horaires d’ouverture et le faire diffuser par le prestataire téléphonique.',
      services: ['ACCUEIL'],
      ownerId: person('Camille'),
      progress: 'Message enregistré, en attente de diffusion par le prestataire.',
      createdAt: at(-45),
      createdBy: alex,
      origin: { kind: 'check', checkItemId: 'REPONDEUR', quarter: quarterOf(day(-45)).id },
    },
    {
      finding: 'Deux agents arrivés au CERT sans formation à l’accueil des publics',
      references: ['E.4'],
      sources: ['audit-interne'],
      state: 'planned',
      deadline: calendar.addWorkingDays(today, 10),
      deadlineSetAt: at(-30),
      action: 'Inscrire les deux agents à la prochaine session « accueil des publics » et l’inscrire dans leur parcours d’arrivée.',
      services: ['CERT'],
      ownerId: person('Lynne'),
      createdAt: at(-30),
      createdBy: alex,
    },
    {
      finding: 'Attente au guichet étrangers au-delà de l’engagement le mardi matin',
      references: ['E.30'],
      sources: ['enquete-satisfaction'],
      state: 'in-progress',
      deadline: day(60),
      deadlineSetAt: at(-20),
      action: 'Ouvrir un second guichet le mardi matin et proposer des rendez-vous en ligne sur ce créneau.',
      services: ['BMI'],
      ownerId: person('Louis'),
      progress: 'Second guichet ouvert depuis deux semaines ; rendez-vous en ligne à paramétrer.',
      createdAt: at(-20),
      createdBy: alex,
    },
    {
      finding: 'Affichage du point numérique : affiche absente du hall depuis les travaux',
      references: ['E.15'],
      sources: ['controle-trimestriel'],
      state: 'proposed',
      action: 'À définir. Problème signalé au contrôle trimestriel : affiche absente du hall depuis les travaux.',
      services: ['BMI'],
      ownerId: person('Adele'),
      createdAt: at(-3),
      createdBy: person('Adele'),
      origin: { kind: 'check', checkItemId: 'POINT-NUMERIQUE', quarter: quarterOf(day(-3)).id },
    },
    {
      finding: 'Pas de borne de prise de ticket au pré-accueil',
      references: ['E.7'],
      sources: ['contexte-local'],
      state: 'rejected-proposal',
      action: 'Installer une borne de prise de ticket au pré-accueil.',
      services: ['ACCUEIL'],
      ownerId: person('Hugo'),
      refusalReason: 'Déjà prévue au marché de rénovation du hall : suivie hors du plan d’actions.',
      closedOn: day(-12),
      createdAt: at(-15),
      createdBy: person('Hugo'),
    },
    {
      finding: 'Signalétique PMR du parking effacée',
      references: ['E6'],
      sources: ['reclamation'],
      state: 'closed',
      deadline: day(-30),
      deadlineSetAt: at(-60),
      action: 'Refaire le marquage au sol et le panneau des places PMR du parking visiteurs.',
      services: ['BLS'],
      ownerId: person('Jade'),
      verification: 'Marquage refait et contrôlé sur place par la mission qualité ; plus aucune réclamation depuis.',
      effective: true,
      submittedAt: at(-32, '15:00'),
      submittedBy: person('Jade'),
      decision: { outcome: 'approved', by: person('Raphaël'), at: at(-31, '11:00'), comment: 'Vu sur place.' },
      closedOn: day(-31),
      createdAt: at(-60),
      createdBy: alex,
    },
  ];
}

/**
 * The demo's action plan: the seed's 2021 table, then this year's items numbered from 01, dated from `now`.
 * Same `now`, same items; the calendar gives the prefecture's days (Europe/Paris, French holidays).
 */
export function demoActionPlan(now: Date, calendar = new WorkingCalendar({ timeZone: 'Europe/Paris' })): ActionItem[] {
  const today = calendar.localDateOf(now);
  const year = Number(today.slice(0, 4));
  const numbered = (drafts: Draft[], planYear: number): ActionItem[] =>
    drafts.map((draft, index) => ({ ...draft, id: formatActionId(planYear, index + 1), year: planYear, revision: 0 }));
  return [...numbered(plan2021(), 2021), ...(year === 2021 ? [] : numbered(currentPlan(today, calendar), year))];
}
