import type { Locale, Strings } from './locale';
import { renderCard, type CardJson } from './render';
import template from './action-item.json';

/** One action of the plan as one viewer sees it: the facts, the last decision, and the buttons they may use. */
export interface ActionItemCardData {
  id: string;
  /** The item's revision, sent back by every button: a card drawn before a change is refused as stale. */
  revision: number;
  /** "Action 2021-07" or, on an approval request, "Clôture à valider — action 2021-07". */
  heading: string;
  stateLabel: string;
  /** Adaptive Card colour of the state: Good, Warning, Attention, Accent, Default. */
  stateColor: string;
  finding: string;
  /** Nature of the action, prefilled in the edit form. */
  action: string;
  referencesText: string;
  /** YYYY-MM-DD, prefilled in the date inputs ('' when none). */
  deadline: string;
  progress: string;
  facts: { title: string; value: string }[];
  /** "Approuvée par Megan Bowen le 23/11/2026 à 10:12 — …", or ''. */
  decisionText: string;
  decisionColor: string;
  /** The answer to the last click (refusal or confirmation), or ''. */
  notice: string;
  noticeColor: string;
  /** What this viewer may do (action-transitions' verbs); none shows a read-only card. */
  verbs: string[];
  /** People whose copies Teams refreshes when shown (approvers of an approval request); none otherwise. */
  refreshUserIds: string[];
}

type Keys =
  | 'readOnly' | 'approve' | 'approveComment' | 'reject' | 'rejectReason' | 'rejectConfirm' | 'reasonRequired'
  | 'accept' | 'acceptConfirm' | 'deadline' | 'deadlineRequired' | 'refuse' | 'refuseReason' | 'refuseConfirm'
  | 'markDone' | 'verification' | 'verificationHint' | 'verificationRequired' | 'effective' | 'effectiveRequired' | 'yes' | 'no'
  | 'markDoneConfirm' | 'progress' | 'progressNote' | 'progressRequired' | 'save' | 'edit' | 'finding' | 'actionNature'
  | 'references' | 'cancel' | 'cancelReason' | 'cancelConfirm' | 'history';

const strings: Strings<Keys> = {
  fr: {
    readOnly: 'Vous consultez cette action : aucune opération ne vous revient à ce stade.',
    approve: 'Approuver la clôture',
    approveComment: 'Commentaire (facultatif)',
    reject: 'Refuser la clôture',
    rejectReason: 'Motif du refus (obligatoire)',
    rejectConfirm: 'Confirmer le refus',
    reasonRequired: 'Le motif est obligatoire.',
    accept: 'Inscrire au plan',
    acceptConfirm: 'Inscrire',
    deadline: 'Échéance',
    deadlineRequired: 'Indiquez l’échéance.',
    refuse: 'Refuser la proposition',
    refuseReason: 'Motif du refus',
    refuseConfirm: 'Confirmer le refus',
    markDone: 'Déclarer réalisée',
    verification: 'Vérification de l’efficacité',
    verificationHint: 'Comment avez-vous vérifié que l’action a produit son effet ?',
    verificationRequired: 'La vérification de l’efficacité est obligatoire.',
    effective: 'Action efficace ?',
    effectiveRequired: 'Indiquez si l’action est efficace.',
    yes: 'Oui',
    no: 'Non',
    markDoneConfirm: 'Envoyer pour validation',
    progress: 'Noter l’avancement',
    progressNote: 'Où en est l’action ?',
    progressRequired: 'Décrivez l’avancement.',
    save: 'Enregistrer',
    edit: 'Modifier',
    finding: 'Constat / écart / dysfonctionnement',
    actionNature: 'Nature de l’action',
    references: 'Références du référentiel (séparées par des virgules)',
    cancel: 'Annuler l’action',
    cancelReason: 'Motif de l’annulation',
    cancelConfirm: 'Confirmer l’annulation',
    history: 'Historique',
  },
  en: {
    readOnly: 'You are viewing this action: nothing is yours to do at this stage.',
    approve: 'Approve closure',
    approveComment: 'Comment (optional)',
    reject: 'Reject closure',
    rejectReason: 'Reason (required)',
    rejectConfirm: 'Confirm rejection',
    reasonRequired: 'A reason is required.',
    accept: 'Add to the plan',
    acceptConfirm: 'Add',
    deadline: 'Deadline',
    deadlineRequired: 'Give the deadline.',
    refuse: 'Decline the proposal',
    refuseReason: 'Reason',
    refuseConfirm: 'Confirm',
    markDone: 'Mark as done',
    verification: 'Effectiveness check',
    verificationHint: 'How did you check that the action had its effect?',
    verificationRequired: 'The effectiveness check is required.',
    effective: 'Effective?',
    effectiveRequired: 'Say whether the action is effective.',
    yes: 'Yes',
    no: 'No',
    markDoneConfirm: 'Send for approval',
    progress: 'Update progress',
    progressNote: 'Where does the action stand?',
    progressRequired: 'Describe the progress.',
    save: 'Save',
    edit: 'Edit',
    finding: 'Finding / gap / dysfunction',
    actionNature: 'Nature of the action',
    references: 'Référentiel references (comma-separated)',
    cancel: 'Cancel the action',
    cancelReason: 'Reason for cancelling',
    cancelConfirm: 'Confirm cancellation',
    history: 'History',
  },
};

/** Sample data for tests and the card gallery: an approval request as a manager sees it. */
export const actionItemSample: ActionItemCardData = {
  id: '2021-07',
  revision: 4,
  heading: 'Clôture à valider — action 2021-07',
  stateLabel: 'Réalisée, à valider',
  stateColor: 'Accent',
  finding: 'Réclamations / suggestions : boîte peu visible',
  action: 'Déplacer la boîte à la sortie',
  referencesText: 'E3 § 3-1',
  deadline: '2021-10-23',
  progress: '',
  facts: [
    { title: 'Pilote', value: 'Adele Vance' },
    { title: 'Services', value: 'RQ / BLS' },
    { title: 'Vérification de l’efficacité', value: 'Boîte déplacée, 12 suggestions reçues en un mois' },
  ],
  decisionText: '',
  decisionColor: 'Default',
  notice: '',
  noticeColor: 'Default',
  verbs: ['approve', 'reject'],
  refreshUserIds: ['00000000-0000-0000-0000-0000000000021'],
};

/**
 * The action card. An approval request carries `refresh` (Universal Actions): the approvers' copies redraw
 * when shown, so each sees the current decision and their own buttons (PLATFORM.md: at most 60 user ids).
 */
export function actionItemCard(data: ActionItemCardData, locale: Locale): CardJson {
  const card = renderCard(template, strings, data, locale);
  if (data.refreshUserIds.length === 0) return card;
  return {
    ...card,
    refresh: {
      action: { type: 'Action.Execute', title: 'refresh', verb: 'action.refresh', data: { id: data.id } },
      userIds: data.refreshUserIds.slice(0, 60),
    },
  };
}
