import type { ActionSource, ActionState } from './action-item';

/** One column of the plan's table. */
export interface PlanColumn {
  /** Header written on export. */
  header: string;
  /** Folded headers read on import, besides the folded `header` (see foldHeader). */
  aliases?: readonly string[];
  /** Folded prefixes read on import: the seed dates some headers ("Auto-diagnostic 08-02-21"). */
  prefixes?: readonly string[];
}

/**
 * The columns of the seed's 2021 plan (CLU 2021, annex 2: "ACTIONS CORRECTRICES / PLANS D'ACTIONS / VÉRIFICATIONS"),
 * headers as written there, in that order; source and state columns hold an "X".
 */
export const seedColumns = {
  number: { header: 'N°', aliases: ['n', 'no', 'numero'] },
  finding: { header: 'CONSTATS / ÉCARTS / DYSFONCTIONNEMENTS', aliases: ['constat', 'constats'] },
  references: { header: 'Référentiel QUAL-E-PREF', aliases: ['referentiel', 'references'] },
  'source:contexte-local': { header: 'CONTEXTE LOCAL' },
  'source:autodiagnostic': { header: 'Auto-diagnostic 08-02-21', prefixes: ['auto diagnostic', 'autodiagnostic'] },
  'source:enquete-satisfaction': { header: 'RÉSULTATS ENQUÊTE 2020', prefixes: ['resultats enquete', 'enquete'] },
  'source:audit-interne': { header: 'Audit Interne Avril 2021', prefixes: ['audit interne'] },
  'source:audit-externe': { header: 'Audit Externe Juin 2021', prefixes: ['audit externe'] },
  'x:planned': { header: 'ACTION PRÉVUE' },
  'x:in-progress': { header: 'ACTION EN COURS' },
  'x:done': { header: 'ACTION RÉALISÉE' },
  deadline: { header: 'Échéance de réalisation', aliases: ['echeance'] },
  effective: { header: 'ACTION EFFICACE' },
  action: { header: "NATURE DU PLAN D'ACTION", aliases: ['nature de l action', 'action'] },
  services: { header: 'RESPONSABLE', aliases: ['services', 'services responsables'] },
  verification: { header: "VÉRIFICATION DE L'EFFICACITÉ" },
} as const satisfies Record<string, PlanColumn>;

/** Columns the seed's table lacks but a lossless export needs: the other sources, the state and the life of the item. */
export const extraColumns = {
  'source:reclamation': { header: 'RÉCLAMATION' },
  'source:controle-trimestriel': { header: 'CONTRÔLE TRIMESTRIEL' },
  sourceDate: { header: 'DATE DE LA SOURCE' },
  state: { header: 'ÉTAT', aliases: ['etat'] },
  owner: { header: 'PILOTE (E-MAIL)', aliases: ['pilote', 'pilote e mail', 'pilote email'] },
  progress: { header: 'AVANCEMENT' },
  decision: { header: 'DÉCISION' },
  decidedBy: { header: 'DÉCIDÉE PAR' },
  decidedAt: { header: 'DÉCIDÉE LE' },
  decisionComment: { header: 'COMMENTAIRE OU MOTIF DE LA DÉCISION' },
  submittedAt: { header: 'DÉCLARÉE RÉALISÉE LE' },
  submittedBy: { header: 'DÉCLARÉE RÉALISÉE PAR' },
  closedOn: { header: 'DATE DE CLÔTURE' },
  cancelReason: { header: "MOTIF D'ANNULATION" },
  refusalReason: { header: 'MOTIF DU REFUS DE LA PROPOSITION' },
  createdAt: { header: 'CRÉÉE LE' },
  createdBy: { header: 'CRÉÉE PAR' },
  deadlineSetAt: { header: 'ÉCHÉANCE FIXÉE LE' },
  origin: { header: 'ORIGINE' },
} as const satisfies Record<string, PlanColumn>;

/** Every column, seed ones first. */
export const planColumns = { ...seedColumns, ...extraColumns };

/** A column's key. */
export type PlanColumnKey = keyof typeof planColumns;

/** Column keys in export order. */
export const planColumnKeys = Object.keys(planColumns) as PlanColumnKey[];

/** The source behind each "X" source column. */
export const sourceColumns: readonly { key: PlanColumnKey; source: ActionSource }[] = [
  { key: 'source:contexte-local', source: 'contexte-local' },
  { key: 'source:autodiagnostic', source: 'autodiagnostic' },
  { key: 'source:enquete-satisfaction', source: 'enquete-satisfaction' },
  { key: 'source:audit-interne', source: 'audit-interne' },
  { key: 'source:audit-externe', source: 'audit-externe' },
  { key: 'source:reclamation', source: 'reclamation' },
  { key: 'source:controle-trimestriel', source: 'controle-trimestriel' },
];

/** A header compared without accents, case or punctuation: "Échéance de réalisation" → "echeance de realisation". */
export function foldHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The column a header names, if any: its own header or an alias first, then a dated prefix. */
export function columnOfHeader(header: string): PlanColumnKey | undefined {
  const folded = foldHeader(header);
  if (folded === '') return undefined;
  const exact = planColumnKeys.find((key) => {
    const column: PlanColumn = planColumns[key];
    return foldHeader(column.header) === folded || (column.aliases ?? []).includes(folded);
  });
  if (exact) return exact;
  return planColumnKeys.find((key) => {
    const column: PlanColumn = planColumns[key];
    return (column.prefixes ?? []).some((prefix) => folded.startsWith(prefix));
  });
}

/** Which of the seed's "ACTION PRÉVUE / EN COURS / RÉALISÉE" columns a state ticks (none for proposals and cancelled items). */
export const stateTicks: Record<ActionState, 'x:planned' | 'x:in-progress' | 'x:done' | undefined> = {
  proposed: undefined,
  planned: 'x:planned',
  'in-progress': 'x:in-progress',
  'awaiting-approval': 'x:done',
  closed: 'x:done',
  'rejected-proposal': undefined,
  cancelled: undefined,
};
