import type { CommandDefinition } from './command-definition';
import { manageChecksCommand } from './handlers/check-items';
import { importChecksCommand } from './handlers/check-items-import';
import { showActionHistory } from './handlers/action-history';
import { showAction } from './handlers/action-item';
import { showChecks } from './handlers/checks';
import { listCommitments, showCommitment } from './handlers/commitments';
import { showDirectory, showDirectoryImportForm } from './handlers/directory';
import { showHelp } from './handlers/help';
import { changeLanguage } from './handlers/language';
import { editPersonCommand } from './handlers/person-form';
import { runRemindersNow, showMyReminders } from './handlers/reminders';
import { listServices, saveService } from './handlers/services';
import { showDeclareTrainingForm, showMyTraining, showTraining } from './handlers/training';
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
