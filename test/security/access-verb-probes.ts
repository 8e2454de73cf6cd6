import { demoIds, type AccessFixtures } from './access-fixtures';
import { demoAction } from './access-command-probes';
import { button, click, complaintRefused, once, readComplaint, readSignal, signalCircle, signalNotFound, type Probe } from './access-probes';

const adeleEmail = 'adele.vance@cher.gouv.fr';
const readCheck = once((f) => f.checkItem());
const invitation = once((f) => f.cluMeeting('upcoming'));
const toQualify = once((f) => f.fraudSignal('submitted'));
const toComplete = once((f) => f.fraudSignal('to-complete'));
/** One check item of BMI, in the import format of docs/OPERATIONS.md. */
const checkItemsCsv = `identifiant;libelle;engagement;support;url;responsable;service\nACCES-IMPORT;Horaires du guichet étrangers;E.1;hall;;${adeleEmail};BMI`;
/** Declarations must differ by day, or the second is « déjà enregistrée » whoever sends it. */
let declarations = 0;

/** Card verbs, with the data their buttons send, on BMI objects where they apply. */
export const verbProbes: Probe[] = [
  { ...button('command.run', { command: 'help' }, /Ce que Qualibot sait faire/), name: 'command.run aide' },
  { ...button('command.run', { command: 'report', argument: '2025' }, /Bilan qualité 2025/), name: 'command.run bilan' },
  { name: 'check.open', covers: { verb: 'check.open' }, request: async (f) => click('check.open', await readCheck(f)), granted: /Contrôle trimestriel — T4 2026/ },
  {
    name: 'check.answer',
    covers: { verb: 'check.answer' },
    request: async (f) => {
      const { itemId, quarter } = await f.checkItem();
      return click('check.answer', { itemId, quarter, answer: 'verified' });
    },
    granted: /Vérifié, à jour — Adele Vance/,
    refused: /Ce contrôle est confié à une autre personne/,
  },
  button('training.declareForm', { personId: demoIds.adele }, /Déclarer une formation suivie/, { refused: /Vous ne pouvez déclarer une formation que pour vous-même/ }),
  {
    name: 'training.declare',
    covers: { verb: 'training.declare' },
    request: (f) => {
      declarations += 1;
      const completedOn = f.day(-10 - declarations);
      return click('training.declare', { personId: demoIds.adele, typeId: 'formation-continue', completedOn, title: 'Accueil des publics étrangers', mode: 'presentiel' });
    },
    granted: /Formation enregistrée/,
    refused: /Vous ne pouvez déclarer une formation que pour vous-même/,
  },
  button('trainingType.form', {}, /Nouveau type de formation/),
  button(
    'trainingType.save',
    { typeId: '', etag: '', labelFr: 'Accueil des demandeurs d’asile', labelEn: 'Welcoming asylum seekers', commitment: 'E.28', validityMonths: '48', roles: '', services: 'BMI', active: 'true' },
    /Type créé : Accueil des demandeurs d’asile/,
    { serial: true },
  ),
  { name: 'trainingType.retire', covers: { verb: 'trainingType.retire' }, request: async (f) => click('trainingType.retire', await f.trainingType(true)), granted: /Type retiré/ },
  { name: 'trainingType.restore', covers: { verb: 'trainingType.restore' }, request: async (f) => click('trainingType.restore', await f.trainingType(false)), granted: /Type réactivé/ },
  button('checkItem.form', {}, /Nouvel élément de contrôle/),
  button(
    'checkItem.save',
    { itemId: '', etag: '', label: 'Horaires du guichet étrangers', commitment: 'E.1', location: 'hall', url: '', owner: adeleEmail, service: 'BMI' },
    /Élément créé : Horaires du guichet étrangers/,
    { serial: true },
  ),
  { name: 'checkItem.retire', covers: { verb: 'checkItem.retire' }, request: async (f) => click('checkItem.retire', await f.checkItem()), granted: /Élément retiré/ },
  { name: 'checkItem.restore', covers: { verb: 'checkItem.restore' }, request: async (f) => click('checkItem.restore', await f.checkItem({ active: false })), granted: /Élément réactivé/ },
  button('checkItem.importForm', {}, /Importer les éléments de contrôle/),
  button('checkItem.import', { csv: checkItemsCsv }, /Import terminé/, { serial: true }),
  { name: 'action.open', covers: { verb: 'action.open' }, request: (f) => click('action.open', { id: demoAction(f.day()) }), granted: /Délais moyens des titres de séjour/ },
  { name: 'action.refresh', covers: { verb: 'action.refresh' }, request: (f) => click('action.refresh', { id: demoAction(f.day()) }), granted: /Délais moyens des titres de séjour/ },
  ...transitionProbes(),
  { name: 'action.history', covers: { verb: 'action.history' }, request: (f) => click('action.history', { id: demoAction(f.day()) }), granted: /Historique de l’action/ },
  // A paste that does not read as the plan: whoever may import gets the form back with the problems.
  button('actionPlan.import', { csv: 'N°;CONSTATS\n;Affiche absente' }, /Importer le plan d’actions/),
  button('action.proposeForm', {}, /Nouvelle action/),
  button(
    'action.propose',
    { finding: 'Affiche des délais absente du guichet étrangers', action: 'Poser l’affiche des délais moyens.', references: 'E.32', sources: 'autodiagnostic', services: 'BMI', ownerId: demoIds.adele },
    /Action \d{4}-\d+\nProposée\n\*\*Affiche des délais absente/,
    { serial: true },
  ),
  {
    name: 'action.fromCheck',
    covers: { verb: 'action.fromCheck' },
    request: async (f) => {
      const { itemId, quarter } = await f.checkItem({ problem: true });
      return click('action.fromCheck', { itemId, quarter });
    },
    granted: /Action \d{4}-\d+\nProposée/,
    refused: /Seuls le responsable du contrôle, un encadrant de son service ou le responsable qualité/,
    serial: true,
  },
  button('fraud.form', {}, /Envoyer le signalement/),
  {
    name: 'fraud.submit',
    covers: { verb: 'fraud.submit' },
    request: (f) =>
      click('fraud.submit', {
        service: 'BMI',
        titleType: 'titre-sejour',
        nature: 'faux-justificatif-domicile',
        detectedOn: f.day(-2),
        fileReference: '2026-BMI-00500',
        description: 'Justificatif de domicile d’un fournisseur inexistant',
        article40: 'false',
      }),
    granted: /^Signalement BMI-\d{4}-\d{4}\nÀ qualifier/m,
    serial: true,
  },
  {
    name: 'fraud.open',
    covers: { verb: 'fraud.open' },
    request: async (f) => {
      const { id } = await readSignal(f);
      return click('fraud.open', { id }, { secretId: id });
    },
    granted: /^Signalement BMI-\d{4}-\d{4}$/m,
    refused: signalNotFound,
    secretFrom: signalCircle,
  },
  {
    name: 'fraud.qualify',
    covers: { verb: 'fraud.qualify' },
    // One signal: the refusals run before the referent's qualification, and write nothing.
    request: async (f) => {
      const { id, round } = await toQualify(f);
      return click('fraud.qualify', { id, round, outcome: 'confirmed' }, { secretId: id });
    },
    granted: /Qualification enregistrée/,
    refused: /Signalement introuvable|Seul un référent fraude qualifie un signalement/,
    secretFrom: signalCircle,
  },
  {
    name: 'fraud.answer',
    covers: { verb: 'fraud.answer' },
    // One signal: the refusals run before Adele's answer, and write nothing.
    request: async (f) => {
      const { id, round } = await toComplete(f);
      return click('fraud.answer', { id, round, answer: 'Oui, avec la même anomalie.' }, { secretId: id });
    },
    granted: /Réponse envoyée/,
    refused: /Signalement introuvable|Seul l’auteur du signalement répond/,
    secretFrom: signalCircle,
  },
  button('fraudVolumes.save', { service: 'BMI', period: '2026-T3', volume: '12500' }, /Volume enregistré — BMI/, { refused: /Vous ne pouvez saisir les volumes que de/, serial: true }),
  button('complaint.form', {}, /Nouvelle réclamation/),
  {
    name: 'complaint.submit',
    covers: { verb: 'complaint.submit' },
    request: (f) =>
      click('complaint.submit', {
        channel: 'email',
        kind: 'complaint',
        receivedOn: f.day(),
        summary: 'Horaires du guichet étrangers jugés trop restreints',
        commitment: 'E.17',
        scope: 'in',
        service: 'BMI',
        assigneeId: demoIds.adele,
      }),
    granted: /Réclamation R-\d{4}-\d{4} enregistrée/,
    serial: true,
  },
  {
    name: 'complaint.open',
    covers: { verb: 'complaint.open' },
    request: async (f) => click('complaint.open', { id: (await readComplaint(f)).id }),
    granted: /Pas de réponse à une demande de rendez-vous/,
    refused: complaintRefused,
  },
  button('complaint.list', { year: 2026 }, /Réclamations 2026/),
  complaintStep('complaint.acknowledge', (f) => ({ ackOn: f.day() }), /Accusé de réception enregistré/),
  complaintStep('complaint.reply', (f) => ({ replyKind: 'substance', substanceOn: f.day() }), /Réponse sur le fond enregistrée/),
  complaintStep('complaint.reassign', () => ({ reassignTo: demoIds.louis }), /Réclamation confiée à Louis Thomas/),
  complaintStep('complaint.close', () => ({ closeReason: 'Doublon d’une demande déjà traitée' }), /Réclamation classée/),
  button('clu.form', {}, /Planifier le CLU|Modifier la réunion CLU-/),
  {
    name: 'clu.save',
    covers: { verb: 'clu.save' },
    request: (f) =>
      click('clu.save', {
        date: f.day(45),
        time: '14:00',
        place: 'Préfecture du Cher, salle Jean Moulin',
        chair: 'Rose Morel',
        agenda: 'Bilan qualité\nPlan d’actions',
        members: [demoIds.megan, demoIds.lynne].join(','),
        outsideMembers: 'M. Lagonotte ; UDAF du Cher',
      }),
    // With a meeting already planned (the matrix's own), the form comes back saying so: served all the same.
    granted: /Réunion CLU-\S+ planifiée|Une réunion est déjà planifiée/,
    serial: true,
  },
  {
    name: 'clu.answer',
    covers: { verb: 'clu.answer' },
    request: async (f) => click('clu.answer', { id: (await invitation(f)).id, answer: 'present' }),
    granted: /Réponse enregistrée|Votre réponse était déjà enregistrée/,
    refused: /Vous ne figurez pas parmi les membres invités/,
  },
  { name: 'clu.held', covers: { verb: 'clu.held' }, request: async (f) => click('clu.held', { ...(await f.cluMeeting('started')), heldOn: f.day() }), granted: /marquée comme tenue/ },
  { name: 'clu.minutes', covers: { verb: 'clu.minutes' }, request: async (f) => click('clu.minutes', { ...(await f.cluMeeting('held')), minutesOn: f.day() }), granted: /Compte rendu de la réunion CLU-[\d-]+ enregistré/ },
  { name: 'clu.cancel', covers: { verb: 'clu.cancel' }, request: async (f) => click('clu.cancel', { ...(await f.cluMeeting('upcoming')), cancelReason: 'Quorum non atteint' }), granted: /Réunion CLU-[\d-]+ annulée/ },
  {
    name: 'labelCalendar.doneForm',
    covers: { verb: 'labelCalendar.doneForm' },
    request: async (f) => click('labelCalendar.doneForm', { id: (await f.obligation()).id }),
    granted: /Marquer comme fait/,
    refused: /Seuls le responsable de cette échéance et le responsable qualité/,
  },
  {
    name: 'labelCalendar.done',
    covers: { verb: 'labelCalendar.done' },
    request: async (f) => {
      const { id, etag, dueOn } = await f.obligation();
      return click('labelCalendar.done', { id, etag, occurrenceDueOn: dueOn, doneOn: f.day(), note: '' });
    },
    granted: /Fait le/,
    refused: /Seuls le responsable de cette échéance et le responsable qualité/,
  },
  button('labelCalendar.form', {}, /Nouvelle échéance du label/),
  {
    name: 'labelCalendar.save',
    covers: { verb: 'labelCalendar.save' },
    request: (f) =>
      click('labelCalendar.save', { labelFr: 'Revue de l’affichage du guichet étrangers', labelEn: 'Review of the foreigners’ desk posters', reference: 'E.1', everyMonths: '6', dueOn: f.day(60), owner: adeleEmail }),
    granted: /Échéance créée : Revue de l’affichage du guichet étrangers/,
    serial: true,
  },
  { name: 'labelCalendar.retire', covers: { verb: 'labelCalendar.retire' }, request: async (f) => click('labelCalendar.retire', await f.obligation(true)), granted: /Échéance retirée/ },
  { name: 'labelCalendar.restore', covers: { verb: 'labelCalendar.restore' }, request: async (f) => click('labelCalendar.restore', await f.obligation(false)), granted: /Échéance réactivée/ },
  button('commitments.page', { page: 1 }, /page 2 \/ 2/),
  button('person.edit', { personId: demoIds.adele }, /Adele Vance\nadele\.vance@cher\.gouv\.fr/),
  {
    // Sacha Nouveau waits in « annuaire »: the admin gives him BMI.
    name: 'person.save',
    covers: { verb: 'person.save' },
    request: async (f) => click('person.save', { personId: demoIds.sacha, etag: await f.personEtag(demoIds.sacha), service: 'BMI', roles: 'agent' }),
    granted: /Fiche enregistrée/,
    serial: true,
  },
  button('directory.importForm', {}, /Importer un annuaire/),
  // A paste that does not read as a directory: whoever may import gets the form back with the problems.
  button('directory.import', { csv: `nom;email;service;roles\nAdele Vance;${adeleEmail};BMI;agent` }, /Importer un annuaire/),
];

/** A step of the complaint card on a fresh complaint of BMI assigned to Adele. */
function complaintStep(verb: 'complaint.acknowledge' | 'complaint.reply' | 'complaint.reassign' | 'complaint.close', input: (f: AccessFixtures) => Record<string, unknown>, granted: RegExp): Probe {
  return { name: verb, covers: { verb }, request: async (f) => click(verb, { ...(await f.complaint()), ...input(f) }), granted, refused: complaintRefused };
}

/** One row per step of the action card (DOMAIN §3 lifecycle), each on a fresh BMI action in the state it needs. */
function transitionProbes(): Probe[] {
  const step = (name: string, state: Parameters<AccessFixtures['action']>[0], input: (f: AccessFixtures) => Record<string, unknown>): Probe => ({
    name: `action.transition ${name}`,
    covers: { verb: 'action.transition' },
    request: async (f) => click('action.transition', { ...(await f.action(state)), step: name, ...input(f) }),
    granted: /Enregistré\.|Envoyée pour validation|Clôture approuvée|Clôture refusée/,
    refused: /Seuls? (le|les) .+ peu(t|vent) /,
  });
  return [
    step('accept', 'proposed', (f) => ({ acceptDeadline: f.day(40) })),
    step('refuse-proposal', 'proposed', () => ({ refuseReason: 'Déjà suivie par le marché de rénovation du hall.' })),
    step('start', 'planned', () => ({})),
    step('update-progress', 'in-progress', () => ({ progressNote: 'Affiche commandée à l’imprimerie.' })),
    step('edit', 'in-progress', (f) => ({ editDeadline: f.day(50) })),
    step('mark-done', 'in-progress', () => ({ verification: 'Affiche posée et vérifiée au guichet.', effective: 'oui' })),
    step('approve', 'awaiting-approval', () => ({ approveComment: 'Vu sur place.' })),
    step('reject', 'awaiting-approval', () => ({ rejectReason: 'L’affiche du site n’est pas à jour.' })),
    step('cancel', 'in-progress', () => ({ cancelReason: 'Remplacée par l’action du plan régional.' })),
  ];
}
