import { actionItemCard } from '../../cards/action-item';
import type { Locale } from '../../cards/locale';
import { fill, type CardJson } from '../../cards/render';
import { actionSourceLabels, actionStateLabels, isOverdue, type ActionItem, type ActionState } from '../../services/action-plan/action-item';
import { approversOf } from '../../services/action-plan/action-people';
import { allowedActions, settledDecision, type ActionVerb } from '../../services/action-plan/action-transitions';
import type { AppServices } from '../../services/app-services';
import type { Clock } from '../../services/clock';
import type { Person } from '../../services/directory/person';

/** What drawing an action card needs: whose view it is, in which language, and the services. */
export interface ActionViewer {
  actor: Person;
  locale: Locale;
  app: AppServices;
  clock: Clock;
}

/** How the card is framed: the item itself, or an approval request (only approve / reject, refreshed for approvers). */
export type ActionCardMode = 'item' | 'approval' | 'decision';

const texts = {
  fr: {
    heading: { item: 'Action {id}', approval: 'Clôture à valider — action {id}', decision: 'Décision sur l’action {id}' },
    overdue: '{state} — en retard',
    facts: {
      references: 'Référentiel',
      sources: 'Source',
      deadline: 'Échéance',
      services: 'Services',
      owner: 'Pilote',
      action: 'Nature de l’action',
      progress: 'Avancement',
      verification: 'Vérification de l’efficacité',
      effective: 'Action efficace',
      submitted: 'Déclarée réalisée',
      closed: 'Clôturée le',
      cancelled: 'Annulée le',
      refused: 'Proposition refusée',
      origin: 'Origine',
      created: 'Créée par',
    },
    yes: 'oui',
    no: 'non',
    byOn: '{name}, le {when}',
    approved: 'Approuvée par {name} le {when}',
    rejected: 'Clôture refusée par {name} le {when} : {comment}',
    superseded: 'Cette demande de validation est close : l’action a été déclarée réalisée à nouveau depuis.',
    checkOrigin: 'Contrôle trimestriel {item} ({quarter})',
    unknownPerson: 'personne inconnue',
  },
  en: {
    heading: { item: 'Action {id}', approval: 'Closure to approve — action {id}', decision: 'Decision on action {id}' },
    overdue: '{state} — overdue',
    facts: {
      references: 'Référentiel',
      sources: 'Source',
      deadline: 'Deadline',
      services: 'Services',
      owner: 'Owner',
      action: 'Nature of the action',
      progress: 'Progress',
      verification: 'Effectiveness check',
      effective: 'Effective',
      submitted: 'Marked done',
      closed: 'Closed on',
      cancelled: 'Cancelled on',
      refused: 'Proposal declined',
      origin: 'Origin',
      created: 'Created by',
    },
    yes: 'yes',
    no: 'no',
    byOn: '{name}, on {when}',
    approved: 'Approved by {name} on {when}',
    rejected: 'Closure rejected by {name} on {when}: {comment}',
    superseded: 'This approval request is over: the action was marked done again since.',
    checkOrigin: 'Quarterly check {item} ({quarter})',
    unknownPerson: 'unknown person',
  },
};

const stateColors: Record<ActionState, string> = {
  proposed: 'Accent',
  planned: 'Default',
  'in-progress': 'Accent',
  'awaiting-approval': 'Warning',
  closed: 'Good',
  'rejected-proposal': 'Attention',
  cancelled: 'Attention',
};


function formatDay(day: string, locale: Locale): string {
  return locale === 'fr' ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : day;
}

function formatInstant(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** Topic of the shared approval card of one closure round: a new "done" is a new round with fresh cards. */
export function approvalTopic(item: Pick<ActionItem, 'id' | 'submittedAt'>): string {
  return `action-approval|${item.id}|${Date.parse(item.submittedAt ?? '')}`;
}

/** Topic of the card telling the owner about a decision. */
export function decisionTopic(item: Pick<ActionItem, 'id'>, decidedAt: string): string {
  return `action-decision|${item.id}|${Date.parse(decidedAt)}`;
}

/** The approvers of an action among the directory: managers of its services and the quality officers. */
export async function approversFor(app: AppServices, item: ActionItem): Promise<Person[]> {
  return approversOf(item, await app.people.list());
}

/**
 * The action card for one viewer: facts, last decision, and the buttons of what they may do now. In 'approval'
 * mode only approve / reject are offered, and only for the round the card was sent for (`round`, ms of the
 * submission); an older round shows read-only.
 */
export async function buildActionCard(
  viewer: ActionViewer,
  item: ActionItem,
  options: { mode?: ActionCardMode; round?: number; notice?: string; noticeColor?: string } = {},
): Promise<CardJson> {
  const { app, actor, locale, clock } = viewer;
  const t = texts[locale];
  const mode = options.mode ?? 'item';
  const names = new Map<string, string>();
  const nameOf = async (id: string) => {
    if (!names.has(id)) names.set(id, (await app.people.known(id))?.name ?? t.unknownPerson);
    return names.get(id) ?? t.unknownPerson;
  };
  const today = app.calendar.localDateOf(clock.now());
  const roundOver = mode === 'approval' && options.round !== undefined && Date.parse(item.submittedAt ?? '') !== options.round;
  // No « Démarrer » button: « Noter l’avancement » starts a planned action, one button less (Teams shows 5 at most).
  let verbs: ActionVerb[] = allowedActions(item, actor).filter((verb) => verb !== 'start');
  if (mode === 'approval') verbs = roundOver ? [] : verbs.filter((verb) => verb === 'approve' || verb === 'reject');

  const facts: { title: string; value: string }[] = [];
  const fact = (title: string, value: string | undefined) => {
    if (value) facts.push({ title, value });
  };
  fact(t.facts.owner, await nameOf(item.ownerId));
  fact(t.facts.services, item.services.join(' / '));
  fact(t.facts.deadline, item.deadline ? formatDay(item.deadline, locale) : undefined);
  fact(t.facts.references, item.references.join(', '));
  const sources = item.sources.map((source) => actionSourceLabels[source][locale]).join(', ');
  fact(t.facts.sources, [sources, item.sourceDate ? formatDay(item.sourceDate, locale) : ''].filter(Boolean).join(' — '));
  fact(t.facts.action, item.action);
  fact(t.facts.progress, item.progress);
  fact(t.facts.verification, item.verification);
  fact(t.facts.effective, item.effective === undefined ? undefined : item.effective ? t.yes : t.no);
  if (item.submittedAt) {
    fact(t.facts.submitted, fill(t.byOn, { name: await nameOf(item.submittedBy ?? item.ownerId), when: formatInstant(item.submittedAt, locale, app.timeZone) }));
  }
  if (item.state === 'closed') fact(t.facts.closed, item.closedOn ? formatDay(item.closedOn, locale) : undefined);
  if (item.state === 'cancelled') fact(t.facts.cancelled, `${item.closedOn ? formatDay(item.closedOn, locale) : ''} — ${item.cancelReason ?? ''}`);
  if (item.state === 'rejected-proposal') fact(t.facts.refused, item.refusalReason);
  if (item.origin) fact(t.facts.origin, fill(t.checkOrigin, { item: item.origin.checkItemId, quarter: item.origin.quarter }));
  fact(t.facts.created, fill(t.byOn, { name: await nameOf(item.createdBy), when: formatInstant(item.createdAt, locale, app.timeZone) }));

  const decision = item.decision;
  const showDecision = decision && (settledDecision(item) !== undefined || (decision.outcome === 'rejected' && item.state === 'in-progress'));
  const decisionText =
    decision && showDecision
      ? fill(decision.outcome === 'approved' ? t.approved : t.rejected, {
          name: await nameOf(decision.by),
          when: formatInstant(decision.at, locale, app.timeZone),
          comment: decision.comment ?? '',
        }) + (decision.outcome === 'approved' && decision.comment ? ` — ${decision.comment}` : '')
      : '';

  const stateLabel = actionStateLabels[item.state][locale];
  const overdue = isOverdue(item, today);
  const awaiting = item.state === 'awaiting-approval' && !roundOver;
  return actionItemCard(
    {
      id: item.id,
      revision: item.revision,
      heading: fill(t.heading[mode], { id: item.id }),
      stateLabel: overdue ? fill(t.overdue, { state: stateLabel }) : stateLabel,
      stateColor: overdue ? 'Attention' : stateColors[item.state],
      finding: item.finding,
      action: item.action,
      referencesText: item.references.join(', '),
      deadline: item.deadline ?? '',
      progress: item.progress ?? '',
      facts,
      decisionText,
      decisionColor: decision?.outcome === 'approved' ? 'Good' : 'Attention',
      notice: options.notice ?? (roundOver ? t.superseded : ''),
      noticeColor: options.noticeColor ?? 'Attention',
      verbs,
      refreshUserIds: mode === 'approval' && awaiting ? (await approversFor(app, item)).map((person) => person.id) : [],
    },
    locale,
  );
}
