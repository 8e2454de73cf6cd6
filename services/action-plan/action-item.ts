import { z } from 'zod';
import { aadObjectIdSchema, serviceCodeSchema } from '../directory/person';
import { isLocalDate } from '../reminders/calendar';
import { actionIdSchema } from './action-number';

/** Where a gap was found: the seed's source columns (CLU 2021 annex 2) plus the issue's complaint and check. */
export const actionSources = [
  'contexte-local',
  'autodiagnostic',
  'enquete-satisfaction',
  'audit-interne',
  'audit-externe',
  'reclamation',
  'controle-trimestriel',
] as const;

/** One source of an action. */
export type ActionSource = (typeof actionSources)[number];

/** French and English names of each source. */
export const actionSourceLabels: Record<ActionSource, { fr: string; en: string }> = {
  'contexte-local': { fr: 'Contexte local', en: 'Local context' },
  autodiagnostic: { fr: 'Auto-diagnostic', en: 'Self-assessment' },
  'enquete-satisfaction': { fr: 'Enquête de satisfaction', en: 'Satisfaction survey' },
  'audit-interne': { fr: 'Audit interne', en: 'Internal audit' },
  'audit-externe': { fr: 'Audit externe', en: 'External audit' },
  reclamation: { fr: 'Réclamation', en: 'Complaint' },
  'controle-trimestriel': { fr: 'Contrôle trimestriel', en: 'Quarterly check' },
};

/**
 * Where an action is in its life (DOMAIN §3). 'proposed' waits for the quality officer to take it into the plan
 * ('rejected-proposal' when they do not); 'awaiting-approval' is "done" until a manager or the RQ approves it.
 */
export const actionStates = ['proposed', 'planned', 'in-progress', 'awaiting-approval', 'closed', 'rejected-proposal', 'cancelled'] as const;

/** One state. */
export type ActionState = (typeof actionStates)[number];

/** French and English names of each state, as the plan view and the export show them. */
export const actionStateLabels: Record<ActionState, { fr: string; en: string }> = {
  proposed: { fr: 'Proposée', en: 'Proposed' },
  planned: { fr: 'Prévue', en: 'Planned' },
  'in-progress': { fr: 'En cours', en: 'In progress' },
  'awaiting-approval': { fr: 'Réalisée, à valider', en: 'Done, awaiting approval' },
  closed: { fr: 'Clôturée', en: 'Closed' },
  'rejected-proposal': { fr: 'Proposition refusée', en: 'Proposal declined' },
  cancelled: { fr: 'Annulée', en: 'Cancelled' },
};

/** States in which the plan still expects work from the owner: they carry a deadline and get reminders. */
export const workStates: readonly ActionState[] = ['planned', 'in-progress'];

/** States the plan still tracks (the issue's "open" states, which the quality officer may cancel). */
export const openStates: readonly ActionState[] = ['planned', 'in-progress', 'awaiting-approval'];

/** Text limits: a finding is one line of a table cell; the other texts are paragraphs (the seed's run to ~450). */
export const textLimits = { finding: 300, reference: 40, references: 10, paragraph: 2000, reason: 500, services: 10 } as const;

/** Control characters (C0, DEL, C1): none in a one-line text. */
export const controlCharacter = /\p{Cc}/u;
/** Control characters but the line feed: paragraphs may span lines, nothing else. */
export const controlCharacterButNewline = /(?!\n)\p{Cc}/u;

const noControl = 'caractères de contrôle interdits (retour à la ligne, tabulation…)';

/** One line of plain text (a finding, a reference). */
export const lineText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !controlCharacter.test(text), noControl);

/** A paragraph (an action, a verification, a reason): line feeds allowed, other control characters not. */
export const paragraphText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !controlCharacterButNewline.test(text), 'caractères de contrôle interdits (tabulation…)');

/** A day written YYYY-MM-DD that exists. */
export const localDateSchema = z.string().refine(isLocalDate, 'date AAAA-MM-JJ invalide');

/**
 * A référentiel reference as the plan writes it: a commitment id ("E6", "E1 §1-1") or a free one ("III", "V-2").
 * Kept as text; no comma nor semicolon, which separate references on forms and in the export.
 */
export const referenceSchema = lineText(textLimits.reference).refine((text) => !/[,;]/.test(text), 'pas de virgule ni de point-virgule dans une référence');

/** The last approval decision on an action's closure: kept after a rejection so the card can say who refused. */
export const actionDecisionSchema = z.object({
  outcome: z.enum(['approved', 'rejected']),
  /** aadObjectId of the approver. */
  by: aadObjectIdSchema,
  /** When (ISO instant). */
  at: z.iso.datetime(),
  /** Optional comment of an approval; the reason of a rejection (required then). */
  comment: paragraphText(textLimits.reason).optional(),
});

/** The last approval decision. */
export type ActionDecision = z.infer<typeof actionDecisionSchema>;

/** Where an action came from when another workflow created it: a "Problème" answer to a quarterly check. */
export const actionOriginSchema = z.object({
  kind: z.literal('check'),
  /** Check item id ("HALL-HORAIRES"). */
  checkItemId: z.string().min(1).max(40),
  /** Quarter of the answer ("2027-Q1"). */
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
});

/** Where an action came from. */
export type ActionOrigin = z.infer<typeof actionOriginSchema>;

const baseSchema = z.object({
  /** Plan number, 'YYYY-NN'. */
  id: actionIdSchema,
  /** Year of the plan: the number's prefix, kept apart for filters and exports. */
  year: z.number().int().min(0).max(9999),
  /** "Constats / écarts / dysfonctionnements". */
  finding: lineText(textLimits.finding),
  /** Référentiel references, as written. */
  references: z.array(referenceSchema).max(textLimits.references),
  /** Where it was found; several are possible (the seed ticks self-assessment and internal audit on one row), none for old rows. */
  sources: z.array(z.enum(actionSources)).max(actionSources.length),
  /** Date of the source, when it has one ("Auto-diagnostic 08-02-21"). */
  sourceDate: localDateSchema.optional(),
  state: z.enum(actionStates),
  /** "Échéance de réalisation"; required while the action is open, absent on some historical rows. */
  deadline: localDateSchema.optional(),
  /** When the current deadline was set (ISO): reminder stages already past then collapse into one. */
  deadlineSetAt: z.iso.datetime().optional(),
  /** "Nature du plan d'action": what is to be done. */
  action: paragraphText(textLimits.paragraph),
  /** Owning services ("DC / BLS / RQ"): their managers approve and get escalations. */
  services: z.array(serviceCodeSchema).min(1).max(textLimits.services),
  /** aadObjectId of the person who carries it out and gets the reminders. */
  ownerId: aadObjectIdSchema,
  /** Latest progress note from the owner. */
  progress: paragraphText(textLimits.paragraph).optional(),
  /** "Vérification de l'efficacité": required to mark it done. */
  verification: paragraphText(textLimits.paragraph).optional(),
  /** "Action efficace" (oui/non), given when marked done; unknown on old rows. */
  effective: z.boolean().optional(),
  /** When it was marked done, i.e. awaiting approval since (ISO); keys the approvers' reminder. */
  submittedAt: z.iso.datetime().optional(),
  /** Who marked it done. */
  submittedBy: aadObjectIdSchema.optional(),
  /** Last approval decision. */
  decision: actionDecisionSchema.optional(),
  /** Why the quality officer did not take the proposal into the plan. */
  refusalReason: paragraphText(textLimits.reason).optional(),
  /** Why it was cancelled ("action à annuler au prochain comité de suivi"). */
  cancelReason: paragraphText(textLimits.reason).optional(),
  /** Day it was closed or cancelled. */
  closedOn: localDateSchema.optional(),
  /** When it was proposed or created (ISO). */
  createdAt: z.iso.datetime(),
  /** Who proposed or created it. */
  createdBy: aadObjectIdSchema,
  /** The check answer it came from, if any. */
  origin: actionOriginSchema.optional(),
  /** Bumped by every change: a card carries the revision it showed, so a stale card is refused. */
  revision: z.number().int().min(0),
});

/** An item of the action plan (DOMAIN §3), with the rules that tie its fields to its state. */
export const actionItemSchema = baseSchema.superRefine((item, ctx) => {
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
  };
  need(Number(item.id.slice(0, 4)) === item.year, 'year', 'l’année ne correspond pas au numéro');
  need(new Set(item.sources).size === item.sources.length, 'sources', 'source en double');
  need(new Set(item.services).size === item.services.length, 'services', 'service en double');
  need(!openStates.includes(item.state) || item.deadline !== undefined, 'deadline', 'échéance obligatoire pour une action ouverte');
  if (item.state === 'awaiting-approval') {
    need(item.verification !== undefined, 'verification', 'vérification de l’efficacité obligatoire');
    need(item.submittedAt !== undefined, 'submittedAt', 'date de réalisation obligatoire');
  }
  need(item.state !== 'closed' || item.closedOn !== undefined, 'closedOn', 'date de clôture obligatoire');
  need(item.state !== 'cancelled' || (item.cancelReason !== undefined && item.closedOn !== undefined), 'cancelReason', 'motif et date d’annulation obligatoires');
  need(item.state !== 'rejected-proposal' || item.refusalReason !== undefined, 'refusalReason', 'motif de refus obligatoire');
});

/** An item of the action plan. */
export type ActionItem = z.infer<typeof baseSchema>;

/** True when the item's deadline has passed and work is still expected ("en retard"). */
export function isOverdue(item: Pick<ActionItem, 'state' | 'deadline'>, today: string): boolean {
  return workStates.includes(item.state) && item.deadline !== undefined && item.deadline < today;
}
