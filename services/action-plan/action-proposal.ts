import type { CheckAnswer, CheckItem } from '../checks/check-item';
import type { Person } from '../directory/person';
import type { LocalDate } from '../reminders/calendar';
import { textLimits, type ActionItem } from './action-item';
import { isBlank, readDeadline, readLine, readParagraph, readPastDay, readReferences, readServices, readSources } from './action-input';
import { nextActionId } from './action-number';
import { isQualityOfficer, type ActionActor } from './action-people';

/** The fields of the `nouvelle action` form. */
export type ProposalField = 'form' | 'finding' | 'action' | 'references' | 'sources' | 'sourceDate' | 'deadline' | 'services' | 'ownerId';

/** One reason a proposal is refused, attached to the field to correct. */
export interface ProposalError {
  field: ProposalField;
  message: string;
}

/** The new item to store, or every problem found (nothing is written). */
export type ProposalResult = { ok: true; item: ActionItem } | { ok: false; errors: ProposalError[] };

/** What a proposal is checked against; `now` stamps it (services never read the clock). */
export interface ProposalContext {
  proposer: ActionActor;
  people: readonly Pick<Person, 'id'>[];
  serviceCodes: readonly string[];
  /** Items already in the plan: numbers to follow, check answers already turned into actions. */
  existing: readonly Pick<ActionItem, 'id' | 'origin'>[];
  today: LocalDate;
  now: Date;
}

/**
 * Checks a `nouvelle action` form and builds the item (issue 5: "anyone may propose an item"). It waits as a
 * proposal for the quality officer, except when the quality officer writes it with a deadline: then it enters
 * the plan at once (accepting one's own proposal would be an empty click). The number is taken now, in the
 * current year's plan, so a declined proposal keeps its number and the plan may have gaps.
 */
export function validateProposal(input: unknown, context: ProposalContext): ProposalResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: 'form', message: 'Formulaire illisible : recommencez depuis la carte « nouvelle action ».' }] };
  }
  const fields = input as Record<string, unknown>;
  const errors: ProposalError[] = [];
  const take = <T>(field: ProposalField, check: { ok: true; value: T } | { ok: false; message: string }): T | undefined => {
    if (check.ok) return check.value;
    errors.push({ field, message: check.message });
    return undefined;
  };
  const finding = take('finding', readLine(fields.finding, textLimits.finding, 'le constat'));
  const action = take('action', readParagraph(fields.action, textLimits.paragraph, 'la nature de l’action'));
  const references = take('references', readReferences(fields.references));
  const sources = take('sources', readSources(fields.sources));
  const sourceDate = take('sourceDate', readPastDay(fields.sourceDate, context.today, 'la date de la source'));
  const deadline = isBlank(fields.deadline) ? undefined : take('deadline', readDeadline(fields.deadline, context.today));
  const services = take('services', readServices(fields.services, context.serviceCodes));
  const ownerId = isBlank(fields.ownerId) ? context.proposer.id : typeof fields.ownerId === 'string' ? fields.ownerId.trim() : '';
  if (!context.people.some((person) => person.id === ownerId)) errors.push({ field: 'ownerId', message: 'Pilote inconnu de l’annuaire.' });

  if (errors.length > 0 || finding === undefined || action === undefined || !references || !sources || !services) return { ok: false, errors };
  const planned = isQualityOfficer(context.proposer) && deadline !== undefined;
  const year = Number(context.today.slice(0, 4));
  const nowIso = context.now.toISOString();
  return {
    ok: true,
    item: {
      id: nextActionId(year, context.existing.map((item) => item.id)),
      year,
      finding,
      references,
      sources,
      sourceDate,
      state: planned ? 'planned' : 'proposed',
      deadline,
      deadlineSetAt: deadline !== undefined ? nowIso : undefined,
      action,
      services,
      ownerId,
      createdAt: nowIso,
      createdBy: context.proposer.id,
      revision: 0,
    },
  };
}

const ellipsis = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/**
 * The one-click "en faire une action" of a "Problème" answer to a quarterly check (issue 5; DOMAIN §1): a proposal
 * owned by the check's owner in the check's service, pointing at its commitment. The quality officer sets the
 * deadline and the nature of the action when accepting it. One action per answer: a second click is refused.
 */
export function proposalFromCheckProblem(answer: CheckAnswer, check: CheckItem, context: ProposalContext): ProposalResult {
  if (answer.answer !== 'problem' || !answer.problem) {
    return { ok: false, errors: [{ field: 'form', message: 'Seule une réponse « Problème » peut devenir une action.' }] };
  }
  const already = context.existing.find((item) => item.origin?.checkItemId === check.id && item.origin.quarter === answer.quarter);
  if (already) return { ok: false, errors: [{ field: 'form', message: `Ce problème a déjà donné l’action ${already.id}.` }] };
  const quarter = `T${answer.quarter.slice(-1)} ${answer.quarter.slice(0, 4)}`;
  const result = validateProposal(
    {
      finding: ellipsis(`${check.label} : ${answer.problem.replace(/\s+/g, ' ')}`, textLimits.finding),
      action: ellipsis(`À définir. Problème signalé au contrôle trimestriel (${quarter}) : ${answer.problem}`, textLimits.paragraph),
      references: [check.commitment],
      sources: ['controle-trimestriel'],
      services: [check.service],
      ownerId: check.ownerId,
    },
    context,
  );
  if (!result.ok) return result;
  return { ok: true, item: { ...result.item, origin: { kind: 'check', checkItemId: check.id, quarter: answer.quarter } } };
}
