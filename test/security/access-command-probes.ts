import { complaintRefused, message, readComplaint, readSignal, say, signalCircle, signalNotFound, type Probe } from './access-probes';

const adeleEmail = 'adele.vance@cher.gouv.fr';
/** The demo's current-year action 01: done by Adele (BMI), awaiting approval (services/action-plan/demo-action-plan.ts). */
export const demoAction = (today: string) => `${today.slice(0, 4)}-01`;

/** Chat commands, with an argument naming a BMI object where they take one. */
export const commandProbes: Probe[] = [
  message('help', 'aide', /Ce que Qualibot sait faire/),
  message('whoami', 'qui suis-je', /Rôles/),
  message('language', 'langue fr', /je vous répondrai en français/),
  message('status', 'statut', /Tableau de bord qualité/),
  {
    name: 'statut — ligne fraude',
    covers: { command: 'status' },
    request: () => say('statut'),
    granted: /Voir la fraude/,
    refused: /Tableau de bord qualité/,
  },
  message('status', 'statut fraude', /Fraude — indicateurs/),
  message('checks', 'contrôles', /Contrôles trimestriels — T4 2026/),
  message('manageChecks', 'gérer les contrôles BMI', /Service BMI : \d+ élément/),
  message('importChecks', 'importer les contrôles', /Importer les éléments de contrôle/),
  message('myTraining', 'mes formations', /Mes formations/),
  // Without the right to follow BMI, one's own card comes back instead.
  message('training', 'formations BMI', /Suivi des formations\nService BMI/, { refused: /Vous suivez les formations de votre service|^Mes formations/ }),
  message('declareTraining', 'déclarer une formation Adele Vance', /Déclarer une formation suivie/, { refused: /Personne ne correspond à « Adele Vance »/ }),
  message('trainingTypes', 'types de formation', /Types de formation\n\d+ type/),
  message('actionPlan', 'plan d’action', /Plan d’action — /),
  message('newAction', 'nouvelle action Affiche absente', /Nouvelle action/),
  { name: 'action <BMI>', covers: { command: 'action' }, request: (f) => say(`action ${demoAction(f.day())}`), granted: /Délais moyens des titres de séjour/ },
  { name: 'historique <BMI>', covers: { command: 'actionHistory' }, request: (f) => say(`historique ${demoAction(f.day())}`), granted: /Délais moyens des titres de séjour/ },
  message('exportPlan', 'exporter le plan d’action 2026', /Liens valables/),
  message('importPlan', 'importer le plan d’action', /Importer le plan d’actions/),
  message('report', 'bilan 2025', /Bilan qualité 2025/),
  message('indicators', 'indicateur cni 2026-T3 5,9', /Indicateur enregistré/),
  message('export', 'exporter réclamations 2026', /Liens valables/, { refused: /Export réservé/ }),
  message('export', 'exporter fraude 2025', /Liens valables/, { refused: /Export réservé/ }),
  message('export', 'exporter audit 2026-11', /Liens valables/, { refused: /Export réservé/ }),
  message('reportFraud', 'signaler une fraude', /Envoyer le signalement/),
  message('mySignals', 'mes signalements', /Mes signalements de fraude/),
  {
    name: 'mes signalements — <BMI>',
    covers: { command: 'mySignals' },
    request: async (f) => say('mes signalements', { shows: (await readSignal(f)).id }),
    granted: /Mes signalements de fraude/,
    refused: /Mes signalements de fraude/,
  },
  {
    name: 'signalement <BMI>',
    covers: { command: 'fraudSignal' },
    request: async (f) => {
      const { id } = await readSignal(f);
      return say(`signalement ${id}`, { secretId: id });
    },
    granted: /^Signalement BMI-\d{4}-\d{4}$/m,
    refused: signalNotFound,
    secretFrom: signalCircle,
  },
  message('fraud', 'fraude 2025', /Fraude — indicateurs 2025/),
  message('fraudVolumes', 'volumes BMI 2026-T3 100', /Volume enregistré — BMI, T3 2026/, { refused: /Vous ne pouvez saisir les volumes que de/, serial: true }),
  message('newComplaint', 'nouvelle réclamation', /Nouvelle réclamation\nRéclamation, suggestion/),
  message('complaints', 'réclamations', /Réclamations 2026/),
  {
    name: 'réclamations — <BMI>',
    covers: { command: 'complaints' },
    request: async (f) => say('réclamations', { shows: (await readComplaint(f)).id }),
    granted: /Réclamations 2026/,
    refused: /Réclamations 2026/,
  },
  {
    name: 'réclamation <BMI>',
    covers: { command: 'complaint' },
    request: async (f) => say(`réclamation ${(await readComplaint(f)).id}`),
    granted: /Pas de réponse à une demande de rendez-vous/,
    refused: complaintRefused,
  },
  message('clu', 'clu', /Comité local des usagers/),
  // A meeting already planned comes back to be edited.
  message('scheduleClu', 'planifier le clu', /Planifier le CLU|Modifier la réunion CLU-/),
  message('labelCalendar', 'calendrier', /Calendrier du label\nAu /),
  message('labelCalendarAll', 'calendrier tout', /Calendrier du label : toutes les échéances/),
  message('myReminders', 'mes rappels', /Vos rappels/),
  message('remindersNow', 'rappels maintenant', /Rappels : \d+ planifié/, { serial: true }),
  message('commitments', 'engagements', /33 engagements — page 1/),
  message('commitment', 'engagement E.17', /Engagement E\.17/),
  message('directory', 'annuaire', /Annuaire : personnes à affecter/),
  message('assign', `affecter ${adeleEmail}`, /Adele Vance\nadele\.vance@cher\.gouv\.fr/),
  message('services', 'services', /Services de la préfecture/),
  { name: 'service BMI …', covers: { command: 'saveService' }, request: () => say('service BMI Bureau des migrations et de l’intégration parent DC'), granted: /Service BMI mis à jour/ },
  message('importDirectory', 'importer annuaire', /Importer un annuaire/),
];
