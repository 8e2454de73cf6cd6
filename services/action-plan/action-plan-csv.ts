import type { Person } from '../directory/person';
import { actionStateLabels, type ActionItem } from './action-item';
import { compareActionIds } from './action-number';
import { csvField, dayCell, originCell, textCell, tickCell, yesNoCell } from './action-plan-cells';
import { planColumnKeys, planColumns, sourceColumns, stateTicks, type PlanColumnKey } from './action-plan-columns';

/** The import lives apart (it is the longer half); the exchange format is used from here. */
export { parseActionPlanCsv, maxPlanImportRows, type PlanImportOptions, type PlanImportResult, type PlanImportProblem } from './action-plan-import';

/** The French words of a decision. */
export const decisionLabels = { approved: 'Approuvée', rejected: 'Refusée' } as const;

/** People are written by e-mail, which the quality officer can read; by id when the directory has no e-mail. */
function personCell(id: string | undefined, people: readonly Pick<Person, 'id' | 'email'>[]): string {
  if (id === undefined) return '';
  return people.find((person) => person.id === id)?.email ?? id;
}

/** One item as the cells of its row, by column. */
function rowOf(item: ActionItem, people: readonly Pick<Person, 'id' | 'email'>[]): Record<PlanColumnKey, string> {
  const tick = stateTicks[item.state];
  const row: Partial<Record<PlanColumnKey, string>> = {
    number: item.id,
    finding: textCell(item.finding),
    references: textCell(item.references.join(', ')),
    'x:planned': tickCell(tick === 'x:planned'),
    'x:in-progress': tickCell(tick === 'x:in-progress'),
    'x:done': tickCell(tick === 'x:done'),
    deadline: dayCell(item.deadline),
    effective: yesNoCell(item.effective),
    action: textCell(item.action),
    services: item.services.join(' / '),
    verification: textCell(item.verification),
    sourceDate: dayCell(item.sourceDate),
    state: actionStateLabels[item.state].fr,
    owner: personCell(item.ownerId, people),
    progress: textCell(item.progress),
    decision: item.decision ? decisionLabels[item.decision.outcome] : '',
    decidedBy: personCell(item.decision?.by, people),
    decidedAt: item.decision?.at ?? '',
    decisionComment: textCell(item.decision?.comment),
    submittedAt: item.submittedAt ?? '',
    submittedBy: personCell(item.submittedBy, people),
    closedOn: dayCell(item.closedOn),
    cancelReason: textCell(item.cancelReason),
    refusalReason: textCell(item.refusalReason),
    createdAt: item.createdAt,
    createdBy: personCell(item.createdBy, people),
    deadlineSetAt: item.deadlineSetAt ?? '',
    origin: originCell(item.origin),
  };
  for (const { key, source } of sourceColumns) row[key] = tickCell(item.sources.includes(source));
  return Object.fromEntries(planColumnKeys.map((key) => [key, row[key] ?? ''])) as Record<PlanColumnKey, string>;
}

/**
 * The plan as a table: the seed's headers (CLU 2021 annex 2) then the extra columns a lossless round trip needs,
 * one row per item in plan order. Shared by the CSV export and any spreadsheet writer.
 */
export function toCsvRows(items: readonly ActionItem[], people: readonly Pick<Person, 'id' | 'email'>[]): string[][] {
  const header = planColumnKeys.map((key) => planColumns[key].header);
  const rows = [...items].sort((a, b) => compareActionIds(a.id, b.id)).map((item) => {
    const row = rowOf(item, people);
    return planColumnKeys.map((key) => row[key]);
  });
  return [header, ...rows];
}

/** The plan as the CSV Excel opens in French: UTF-8 with a BOM, `;` between fields, CRLF line ends (issue 5). */
export function formatActionPlanCsv(items: readonly ActionItem[], people: readonly Pick<Person, 'id' | 'email'>[]): string {
  return `\uFEFF${toCsvRows(items, people)
    .map((row) => row.map((cell) => csvField(cell)).join(';'))
    .join('\r\n')}\r\n`;
}
