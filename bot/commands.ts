import type { CommandDefinition } from './command-definition';
import { manageChecksCommand } from './handlers/check-items';
import { importChecksCommand } from './handlers/check-items-import';
import { showActionHistory } from './handlers/action-history';
import { exportPlanCommand, importPlanCommand } from './handlers/action-plan-exchange';
import { showNewActionForm } from './handlers/action-form';
import { showAction } from './handlers/action-item';
import { showActionPlan } from './handlers/action-plan';
import { showChecks } from './handlers/checks';
import { showClu } from './handlers/clu';
import { showScheduleCluForm } from './handlers/clu-form';
import { listCommitments, showCommitment } from './handlers/commitments';
import { showNewComplaintForm } from './handlers/complaint-form';
import { showComplaint, showComplaints } from './handlers/complaints';
import { showDirectory, showDirectoryImportForm } from './handlers/directory';
import { exportCommand } from './handlers/exports';
import { showReportFraudForm } from './handlers/fraud-form';
import { showFraudOverview } from './handlers/fraud-overview';
import { showFraudSignal, showMySignals } from './handlers/fraud-signal';
import { fraudVolumesCommand } from './handlers/fraud-volumes';
import { showHelp } from './handlers/help';
import { showLabelCalendar, showWholeLabelCalendar } from './handlers/label-calendar';
import { changeLanguage } from './handlers/language';
import { editPersonCommand } from './handlers/person-form';
import { runRemindersNow, showMyReminders } from './handlers/reminders';
import { showYearlyReport } from './handlers/report';
import { indicatorCommand } from './handlers/report-indicators';
import { listServices, saveService } from './handlers/services';
import { showStatus } from './handlers/status';
import { showDeclareTrainingForm, showMyTraining, showTraining } from './handlers/training';
import { manageTrainingTypesCommand } from './handlers/training-types';
import { showWhoami } from './handlers/whoami';

/**
 * The chat commands, in the order the help card lists them. Adding one: an entry here (French and English
 * phrasings, who may run it), its handler in bot/handlers/, a test.
 */
export const commandTable = {
  help: {
    phrasings: ['aide', 'help', '?', 'menu', 'commandes', 'que sais-tu faire'],
    example: { fr: 'aide', en: 'help' },
    description: { fr: 'ce que Qualibot sait faire et pour qui', en: 'what Qualibot can do, and for whom' },
    audience: 'everyone',
    handle: (context): Promise<void> => showHelp(context, Object.values<CommandDefinition>(commandTable)),
  },
  whoami: {
    phrasings: ['qui suis-je', 'whoami', 'who am i', 'mon profil', 'profil'],
    example: { fr: 'qui suis-je', en: 'whoami' },
    description: { fr: 'votre nom, votre service et vos rôles', en: 'your name, service and roles' },
    audience: 'everyone',
    handle: showWhoami,
  },
  language: {
    phrasings: ['langue', 'language'],
    takesArgument: true,
    example: { fr: 'langue en', en: 'language fr' },
    description: { fr: 'répondre en anglais (en) ou en français (fr)', en: 'answer in English (en) or French (fr)' },
    audience: 'everyone',
    handle: changeLanguage,
  },
  status: {
    phrasings: ['statut', 'status', 'etat', 'état', 'tableau de bord', 'situation', 'dashboard'],
    takesArgument: true,
    example: { fr: 'statut', en: 'status' },
    description: {
      fr: 'le tableau de bord : plan d’action, contrôles du trimestre, formations, réclamations, fraude (référent fraude et responsable qualité), prochain CLU et prochaine échéance du label, chaque ligne menant au détail ; votre service si vous êtes encadrant, vos dossiers sinon (« statut formations » pour un domaine)',
      en: 'the overview: action plan, this quarter’s checks, training, complaints, fraud (fraud referent and quality officer), next CLU and next label deadline, each line leading to its detail; your service for a manager, your own files otherwise (“status training” for one area)',
    },
    audience: 'everyone',
    handle: (context): Promise<void> => showStatus(context, commandTable),
  },
  checks: {
    phrasings: ['controles', 'contrôles', 'checks', 'controles trimestriels'],
    takesArgument: true,
    example: { fr: 'contrôles', en: 'checks' },
    description: {
      fr: 'les contrôles trimestriels : faits, à faire, en retard (« contrôles T4 2026 » pour un autre trimestre)',
      en: 'quarterly checks: done, to do, late (“checks 2026-Q4” for another quarter)',
    },
    audience: 'everyone',
    handle: showChecks,
  },
  manageChecks: {
    phrasings: ['gerer les controles', 'gérer contrôles', 'elements de controle', 'gerer les elements de controle', 'manage checks', 'check items'],
    takesArgument: true,
    example: { fr: 'gérer les contrôles', en: 'manage checks' },
    description: {
      fr: 'créer, modifier, réattribuer ou retirer les éléments de contrôle trimestriel (« gérer les contrôles BMI » pour un service)',
      en: 'create, edit, reassign or retire quarterly check items (“manage checks BMI” for one service)',
    },
    audience: ['rq', 'admin'],
    handle: manageChecksCommand,
  },
  importChecks: {
    phrasings: ['importer controles', 'importer les contrôles', 'importer les elements de controle', 'import checks', 'import check items'],
    example: { fr: 'importer les contrôles', en: 'import checks' },
    description: { fr: 'importer les éléments de contrôle depuis un CSV collé', en: 'import check items from pasted CSV' },
    audience: ['rq', 'admin'],
    handle: importChecksCommand,
  },
  myTraining: {
    phrasings: ['mes formations', 'ma formation', 'my training', 'my trainings'],
    example: { fr: 'mes formations', en: 'my training' },
    description: {
      fr: 'vos formations obligatoires : valides, à renouveler, expirées, jamais déclarées (cycle de 4 ans)',
      en: 'your required training: valid, to renew, expired, never declared (4-year cycle)',
    },
    audience: 'everyone',
    handle: showMyTraining,
  },
  training: {
    phrasings: ['formations', 'formation', 'training', 'trainings', 'suivi des formations'],
    takesArgument: true,
    example: { fr: 'formations', en: 'training' },
    description: {
      fr: 'le suivi des formations : votre service si vous êtes encadrant, tous les services pour le responsable qualité (« formations BMI » pour un service)',
      en: 'training follow-up: your service for a manager, every service for the quality officer (“training BMI” for one service)',
    },
    audience: 'everyone',
    handle: showTraining,
  },
  declareTraining: {
    phrasings: ['declarer une formation', 'déclarer formation', 'declarer formation', 'declare training', 'declare a training'],
    takesArgument: true,
    example: { fr: 'déclarer une formation', en: 'declare training' },
    description: {
      fr: 'déclarer une formation suivie (encadrant, responsable qualité : « déclarer une formation Adele Vance » pour un agent)',
      en: 'declare a completed training (manager, quality officer: “declare training Adele Vance” for someone else)',
    },
    audience: 'everyone',
    handle: showDeclareTrainingForm,
  },
  trainingTypes: {
    phrasings: [
      'types de formation',
      'types de formations',
      'type de formation',
      'catalogue des formations',
      'catalogue formations',
      'gerer les formations',
      'training types',
      'manage training types',
    ],
    example: { fr: 'types de formation', en: 'training types' },
    description: {
      fr: 'le catalogue des formations exigées : créer, modifier (validité, qui doit la suivre), retirer ou réactiver un type',
      en: 'the catalogue of required trainings: create, edit (validity, who must hold it), retire or restore a type',
    },
    audience: ['rq', 'admin'],
    handle: manageTrainingTypesCommand,
  },
  actionPlan: {
    phrasings: ['plan d action', 'plan d actions', 'plan', 'actions', 'mes actions', 'action plan'],
    takesArgument: true,
    example: { fr: 'plan d’action en retard', en: 'action plan overdue' },
    description: {
      fr: 'le plan d’action : vos actions, celles de votre service, tout le plan pour le responsable qualité (filtres : « en retard », « à valider », « propositions », « 2021 », « BMI », « toutes »)',
      en: 'the action plan: your actions, your service’s, the whole plan for the quality officer (filters: “overdue”, “to approve”, “proposals”, “2021”, “BMI”, “all”)',
    },
    audience: 'everyone',
    handle: showActionPlan,
  },
  newAction: {
    phrasings: ['nouvelle action', 'proposer une action', 'proposer action', 'new action', 'propose an action'],
    takesArgument: true,
    example: { fr: 'nouvelle action', en: 'new action' },
    description: {
      fr: 'proposer une action (constat, source, services, pilote) ; le responsable qualité l’inscrit au plan',
      en: 'propose an action (finding, source, services, owner); the quality officer adds it to the plan',
    },
    audience: 'everyone',
    handle: showNewActionForm,
  },
  action: {
    phrasings: ['action', 'voir action', 'show action'],
    takesArgument: true,
    example: { fr: 'action 2021-07', en: 'action 2021-07' },
    description: { fr: 'une action du plan et ce que vous pouvez en faire', en: 'one action of the plan and what you may do with it' },
    audience: 'everyone',
    handle: showAction,
  },
  actionHistory: {
    phrasings: ['historique', 'history', 'historique action'],
    takesArgument: true,
    example: { fr: 'historique 2021-07', en: 'history 2021-07' },
    description: { fr: 'toutes les modifications d’une action', en: 'every change of one action' },
    audience: 'everyone',
    handle: showActionHistory,
  },
  exportPlan: {
    phrasings: ['exporter plan d action', "exporter le plan d'action", "exporter le plan d'actions", 'exporter plan d actions', 'export plan', 'export action plan'],
    takesArgument: true,
    example: { fr: 'exporter le plan d’action', en: 'export action plan' },
    description: {
      fr: 'le plan d’actions en Excel (.xlsx) et en CSV, par des liens valables 15 minutes (« exporter le plan d’action 2026 » pour une année)',
      en: 'the action plan as Excel (.xlsx) and CSV, through links valid for 15 minutes (“export action plan 2026” for one year)',
    },
    audience: ['rq', 'admin'],
    handle: exportPlanCommand,
  },
  importPlan: {
    phrasings: ["importer plan d'action", 'importer le plan d action', "importer le plan d'actions", 'import action plan', 'import plan'],
    example: { fr: 'importer le plan d’action', en: 'import action plan' },
    description: {
      fr: 'importer le plan d’actions depuis un CSV collé (le format de l’export) ; une ligne fausse et rien n’est enregistré',
      en: 'import the action plan from pasted CSV (the export’s format); one bad line and nothing is saved',
    },
    audience: ['rq', 'admin'],
    handle: importPlanCommand,
  },
  report: {
    phrasings: ['bilan', 'bilan qualite', 'bilan annuel', 'bilan qualite annuel', 'rapport annuel', 'report', 'yearly report', 'quality report'],
    takesArgument: true,
    example: { fr: 'bilan 2025', en: 'report 2025' },
    description: {
      fr: 'le bilan qualité de l’année (annexe 1 du CLU) calculé à partir des données : réclamations par canal et délais, délais des titres et appels, fraude et cibles, formations par engagement, plan d’actions, contrôles ; avec son classeur Excel (l’année en cours, ou « bilan 2025 »)',
      en: 'the yearly quality report (the CLU’s annex 1) computed from the data: complaints per channel and reply times, title delays and calls, fraud against targets, training per commitment, action plan, checks; with its Excel workbook (this year, or “report 2025”)',
    },
    audience: ['rq', 'admin'],
    handle: showYearlyReport,
  },
  indicators: {
    phrasings: ['indicateur', 'indicateurs', 'saisir un indicateur', 'indicateurs du bilan', 'indicator', 'indicators'],
    takesArgument: true,
    example: { fr: 'indicateur delai-cni-passeports 2025-T1 5,9', en: 'indicator delai-cni-passeports 2025-Q1 5.9' },
    description: {
      fr: 'saisir par trimestre ou par année les indicateurs du bilan que Qualibot ne collecte pas : délais des titres, nombres de demandes, appels décrochés, mise à jour du site, réseaux sociaux (« indicateurs » pour les voir)',
      en: 'enter per quarter or year the report’s indicators Qualibot does not collect: title delays, numbers of requests, answered calls, website updates, social networks (“indicators” to see them)',
    },
    audience: ['rq'],
    handle: indicatorCommand,
  },
  export: {
    phrasings: ['exporter', 'export', 'exports', 'telecharger', 'télécharger'],
    takesArgument: true,
    example: { fr: 'exporter réclamations 2026', en: 'export complaints 2026' },
    description: {
      fr: 'une liste pour les auditeurs en Excel et CSV, par des liens valables 15 minutes : plan, contrôles [2026-T1], formations, réclamations [2026], fraude [2026] (référent fraude et responsable qualité), audit [2026-11], bilan [2025] (Excel)',
      en: 'a list for auditors as Excel and CSV, through links valid for 15 minutes: plan, checks [2026-Q1], training, complaints [2026], fraud [2026] (fraud referent and quality officer), audit [2026-11], report [2025] (Excel)',
    },
    audience: ['rq', 'admin', 'fraud-referent'],
    handle: exportCommand,
  },
  reportFraud: {
    phrasings: ['signaler une fraude', 'signaler fraude', 'signaler la fraude', 'nouvelle fraude', 'report fraud', 'report a fraud'],
    example: { fr: 'signaler une fraude', en: 'report fraud' },
    description: {
      fr: 'signaler une fraude détectée (service, titre, nature, date, référence, article 40), sans donnée personnelle',
      en: 'report a fraud detected (service, title, nature, date, reference, article 40), with no personal data',
    },
    audience: 'everyone',
    handle: showReportFraudForm,
  },
  mySignals: {
    phrasings: ['mes signalements', 'mes signalements de fraude', 'my signals', 'my fraud signals'],
    example: { fr: 'mes signalements', en: 'my signals' },
    description: { fr: 'les fraudes que vous avez signalées et où elles en sont', en: 'the frauds you reported and where they stand' },
    audience: 'everyone',
    handle: showMySignals,
  },
  fraudSignal: {
    phrasings: ['signalement', 'signalement de fraude', 'voir signalement', 'signal', 'fraud signal'],
    takesArgument: true,
    example: { fr: 'signalement BMI-2026-0004', en: 'signal BMI-2026-0004' },
    description: {
      fr: 'un signalement de fraude (son auteur, le référent fraude et le responsable qualité seulement)',
      en: 'one fraud signal (its author, the fraud referent and the quality officer only)',
    },
    audience: 'everyone',
    handle: showFraudSignal,
  },
  fraud: {
    phrasings: ['fraude', 'fraudes', 'fraud', 'indicateurs fraude', 'taux de fraude', 'fraud rates'],
    takesArgument: true,
    example: { fr: 'fraude 2025', en: 'fraud 2025' },
    description: {
      fr: 'signalements et taux de fraude pour mille dossiers par service, cibles et article 40 (l’année en cours, ou « fraude 2025 »)',
      en: 'fraud signals and rates per thousand files per service, targets and article 40 (this year, or “fraud 2025”)',
    },
    audience: ['fraud-referent', 'rq'],
    handle: showFraudOverview,
  },
  fraudVolumes: {
    phrasings: ['volumes', 'volume', 'saisir les volumes', 'volumes traites', 'fraud volumes'],
    takesArgument: true,
    example: { fr: 'volumes BMI 2026-T1 12500', en: 'volumes BMI 2026-Q1 12500' },
    description: {
      fr: 'saisir le nombre de dossiers traités par service et période (trimestre ou année), pour le taux de fraude ; un encadrant pour son service',
      en: 'enter the files processed per service and period (quarter or year), for the fraud rate; a manager for their own service',
    },
    audience: ['rq', 'manager'],
    handle: fraudVolumesCommand,
  },
  newComplaint: {
    phrasings: ['nouvelle reclamation', 'enregistrer une reclamation', 'saisir une reclamation', 'nouvelle suggestion', 'new complaint', 'log a complaint'],
    takesArgument: true,
    example: { fr: 'nouvelle réclamation', en: 'new complaint' },
    description: {
      fr: 'enregistrer une réclamation, une suggestion ou une demande d’information reçue (canal, date, résumé sans donnée personnelle, agent chargé) ; l’échéance de réponse est calculée (E.17)',
      en: 'log a complaint, suggestion or information request received (channel, date, summary without personal data, agent in charge); the reply due date is computed (E.17)',
    },
    audience: 'everyone',
    handle: showNewComplaintForm,
  },
  complaints: {
    phrasings: ['reclamations', 'mes reclamations', 'suivi des reclamations', 'complaints', 'my complaints'],
    takesArgument: true,
    example: { fr: 'réclamations 2026', en: 'complaints 2026' },
    description: {
      fr: 'les réclamations de l’année : les vôtres, celles de votre service pour un encadrant, toutes avec les chiffres par canal et les délais pour le responsable qualité',
      en: 'the year’s complaints: yours, your service’s for a manager, all with figures per channel and timeliness for the quality officer',
    },
    audience: 'everyone',
    handle: showComplaints,
  },
  complaint: {
    phrasings: ['reclamation', 'voir reclamation', 'complaint', 'show complaint'],
    takesArgument: true,
    example: { fr: 'réclamation R-2026-0012', en: 'complaint R-2026-0012' },
    description: { fr: 'une réclamation et ce que vous pouvez en faire (accusé de réception, réponse, réattribution)', en: 'one complaint and what you may do with it (acknowledgement, reply, reassignment)' },
    audience: 'everyone',
    handle: showComplaint,
  },
  clu: {
    phrasings: ['clu', 'comite local des usagers', 'le clu', 'prochain clu', 'users committee'],
    example: { fr: 'clu', en: 'clu' },
    description: {
      fr: 'le comité local des usagers : la prochaine réunion et votre invitation ; pour le responsable qualité, les réponses des membres, l’échéance et les dernières réunions',
      en: 'the users’ committee (CLU): the next meeting and your invitation; for the quality officer, the members’ answers, the due date and the last meetings',
    },
    audience: 'everyone',
    handle: showClu,
  },
  scheduleClu: {
    phrasings: ['planifier le clu', 'planifier clu', 'planifier un clu', 'planifier le comite local des usagers', 'nouveau clu', 'schedule clu', 'schedule the clu'],
    example: { fr: 'planifier le clu', en: 'schedule clu' },
    description: {
      fr: 'planifier la prochaine réunion du CLU (date, lieu ou audio-conférence, présidence, ordre du jour, membres) et envoyer les invitations',
      en: 'schedule the next CLU meeting (date, place or audio conference, chair, agenda, members) and send the invitations',
    },
    audience: ['rq', 'admin'],
    handle: showScheduleCluForm,
  },
  labelCalendar: {
    phrasings: ['calendrier', 'calendrier du label', 'echeances', 'echeances du label', 'label calendar', 'calendar'],
    example: { fr: 'calendrier', en: 'label calendar' },
    description: {
      fr: 'le calendrier du label : ce qui est dû dans les 6 prochains mois (renouvellement, audits, enquête de satisfaction, 20.3, 23.3, ES49) et ce qui est en retard ; « Fait » pour le responsable de l’échéance et le responsable qualité',
      en: 'the label calendar: what is due in the next 6 months (renewal, audits, satisfaction survey, 20.3, 23.3, ES49) and what is late; “Done” for the owner and the quality officer',
    },
    audience: 'everyone',
    handle: showLabelCalendar,
  },
  labelCalendarAll: {
    phrasings: ['calendrier tout', 'calendrier complet', 'tout le calendrier', 'calendrier du label tout', 'label calendar all', 'whole calendar', 'calendar all'],
    example: { fr: 'calendrier tout', en: 'label calendar all' },
    description: {
      fr: 'toutes les échéances du calendrier du label : créer, modifier (date, récurrence, responsable), marquer comme faite, retirer',
      en: 'every obligation of the label calendar: create, edit (date, recurrence, owner), mark done, retire',
    },
    audience: ['rq', 'admin'],
    handle: showWholeLabelCalendar,
  },
  myReminders: {
    phrasings: ['mes rappels', 'my reminders', 'rappels'],
    example: { fr: 'mes rappels', en: 'my reminders' },
    description: { fr: 'vos rappels et où ils en sont', en: 'your reminders and where they stand' },
    audience: 'everyone',
    handle: showMyReminders,
  },
  remindersNow: {
    phrasings: ['rappels maintenant', 'send reminders now', 'envoyer les rappels'],
    example: { fr: 'rappels maintenant', en: 'send reminders now' },
    description: { fr: 'envoyer tout de suite les rappels dus', en: 'send the reminders due right away' },
    audience: ['rq', 'admin'],
    handle: runRemindersNow,
  },
  commitments: {
    phrasings: ['engagements', 'referentiel', 'commitments', 'liste des engagements'],
    example: { fr: 'engagements', en: 'commitments' },
    description: { fr: 'le référentiel des engagements de la préfecture', en: 'the prefecture’s commitments' },
    audience: 'everyone',
    handle: listCommitments,
  },
  commitment: {
    phrasings: ['engagement', 'commitment'],
    takesArgument: true,
    example: { fr: 'engagement E.17', en: 'commitment E.17' },
    description: { fr: 'le texte d’un engagement', en: 'the text of one commitment' },
    audience: 'everyone',
    handle: showCommitment,
  },
  directory: {
    phrasings: ['annuaire', 'directory', 'personnes a affecter', 'a affecter'],
    example: { fr: 'annuaire', en: 'directory' },
    description: { fr: 'les personnes à rattacher à un service', en: 'people waiting for a service' },
    audience: ['admin'],
    handle: showDirectory,
  },
  assign: {
    phrasings: ['affecter', 'assign', 'modifier personne'],
    takesArgument: true,
    example: { fr: 'affecter camille.martin@cher.gouv.fr', en: 'assign camille.martin@cher.gouv.fr' },
    description: { fr: 'changer le service et les rôles d’une personne', en: 'change a person’s service and roles' },
    audience: ['admin'],
    handle: editPersonCommand,
  },
  services: {
    phrasings: ['services', 'liste des services'],
    example: { fr: 'services', en: 'services' },
    description: { fr: 'les services de la préfecture et leur code', en: 'the prefecture’s services and their codes' },
    audience: 'everyone',
    handle: listServices,
  },
  saveService: {
    phrasings: ['service', 'creer service', 'ajouter service'],
    takesArgument: true,
    example: { fr: 'service BMI Bureau des migrations et de l’intégration', en: 'service BMI Bureau des migrations et de l’intégration' },
    description: { fr: 'créer ou renommer un service', en: 'create or rename a service' },
    audience: ['admin'],
    handle: saveService,
  },
  importDirectory: {
    phrasings: ['importer annuaire', 'importer l annuaire', 'import annuaire', 'import directory'],
    example: { fr: 'importer annuaire', en: 'import directory' },
    description: { fr: 'importer l’annuaire depuis un CSV collé', en: 'import the directory from pasted CSV' },
    audience: ['admin'],
    handle: showDirectoryImportForm,
  },
} satisfies Record<string, CommandDefinition>;

/** Name of a chat command. */
export type CommandName = keyof typeof commandTable;
