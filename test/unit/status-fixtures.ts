import type { ActionItem } from '../../services/action-plan/action-item';
import type { CheckItem } from '../../services/checks/check-item';
import type { CluMeeting } from '../../services/clu/clu-meeting';
import { standardCluAgenda } from '../../services/clu/clu-meeting';
import type { Complaint } from '../../services/complaints/complaint';
import type { Person } from '../../services/directory/person';
import type { Role } from '../../services/directory/roles';
import type { FraudSignal } from '../../services/fraud/fraud-signal';
import type { FraudVolume } from '../../services/fraud/fraud-volumes';
import type { LabelObligation } from '../../services/label-calendar/label-obligation';
import { WorkingCalendar } from '../../services/reminders/calendar';
import type { StatusData } from '../../services/status/status-overview';
import type { TrainingRecord } from '../../services/training/training-record';
import type { TrainingType } from '../../services/training/training-type';

/**
 * A small known data set for the `statut` overview (issue 7), seen on Monday 23 November 2026 at 10:00 in Paris:
 * quarter 2026-Q4, previous 2026-Q3. test/unit/status-overview.test.ts lists the figures each person must get.
 */
export const now = new Date('2026-11-23T09:00:00.000Z');
export const calendar = new WorkingCalendar({ timeZone: 'Europe/Paris' });

const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
function person(n: number, name: string, service: string, roles: Role[], toAssign = false): Person {
  return { id: id(n), name, service, roles, toAssign, createdAt: '2024-01-15T09:00:00.000Z' };
}

/** The people: the quality officer, BMI (manager, two agents), CERT (manager, agent), the fraud referent, one not reviewed. */
export const cast = {
  rq: person(20, 'Alex Wilber', 'SGCD', ['rq', 'admin']),
  megan: person(21, 'Megan Bowen', 'BMI', ['agent', 'manager']),
  adele: person(22, 'Adele Vance', 'BMI', ['agent']),
  isaiah: person(23, 'Isaiah Langer', 'SG', ['agent', 'fraud-referent']),
  lynne: person(25, 'Lynne Robbins', 'CERT', ['agent', 'manager']),
  louis: person(104, 'Louis Thomas', 'BMI', ['agent']),
  emma: person(107, 'Emma Petit', 'CERT', ['agent']),
  /** Waiting in « annuaire »: nobody follows their training yet. */
  sacha: person(199, 'Sacha Nouveau', 'BMI', ['agent'], true),
};

function action(n: number, state: ActionItem['state'], services: string[], owner: Person, extra: Partial<ActionItem> = {}): ActionItem {
  return {
    id: `2026-${String(n).padStart(2, '0')}`,
    year: 2026,
    finding: `Constat ${n}`,
    references: [],
    sources: ['autodiagnostic'],
    state,
    action: `Action ${n}`,
    services,
    ownerId: owner.id,
    createdAt: '2026-02-01T09:00:00.000Z',
    createdBy: cast.rq.id,
    revision: 1,
    ...extra,
  };
}

/** 5 open (2 overdue, 1 awaiting approval), 1 proposal, 1 closed. */
export const actions: ActionItem[] = [
  action(1, 'planned', ['BMI'], cast.adele, { deadline: '2026-12-15' }),
  action(2, 'in-progress', ['BMI'], cast.adele, { deadline: '2026-11-01' }),
  action(3, 'awaiting-approval', ['BMI'], cast.louis, { deadline: '2026-11-10', verification: 'Vérifié', submittedAt: '2026-11-09T10:00:00.000Z' }),
  action(4, 'in-progress', ['CERT'], cast.emma, { deadline: '2026-10-01' }),
  action(5, 'proposed', ['BMI'], cast.adele, { createdBy: cast.adele.id }),
  action(6, 'closed', ['BMI'], cast.louis, { deadline: '2026-06-01', closedOn: '2026-06-02' }),
  action(7, 'planned', ['CERT', 'BMI'], cast.lynne, { deadline: '2027-01-31' }),
];

function check(itemId: string, service: string, owner: Person, extra: Partial<CheckItem> = {}): CheckItem {
  return { id: itemId, label: itemId, commitment: '1.2', location: 'hall', ownerId: owner.id, service, active: true, createdAt: '2026-01-05T09:00:00.000Z', ...extra };
}

/** Four items owed this quarter (one added in October, not owed last quarter), one retired. */
export const checkItems: CheckItem[] = [
  check('HALL-HORAIRES', 'BMI', cast.adele),
  check('WEB-BMI', 'BMI', cast.louis),
  check('TEL-CERT', 'CERT', cast.emma),
  check('NOUVEAU', 'BMI', cast.adele, { createdAt: '2026-10-15T09:00:00.000Z' }),
  check('RETIRE', 'BMI', cast.adele, { active: false }),
];

/** This quarter: HALL-HORAIRES answered; last quarter: HALL-HORAIRES and TEL-CERT (WEB-BMI left late). */
export const checkAnswers: StatusData['checkAnswers'] = [
  { itemId: 'HALL-HORAIRES', quarter: '2026-Q4' },
  { itemId: 'HALL-HORAIRES', quarter: '2026-Q3' },
  { itemId: 'TEL-CERT', quarter: '2026-Q3' },
  { itemId: 'WEB-BMI', quarter: '2026-Q1' },
];

/** Continuous training for everyone, fraud training for BMI and CERT; an inactive type required of nobody. */
export const trainingTypes: TrainingType[] = [
  { id: 'formation-continue', label: { fr: 'Formation continue', en: 'Continuous training' }, commitment: '4.2', validityMonths: 48, requiredFor: {}, active: true },
  { id: 'fraude', label: { fr: 'Lutte contre la fraude', en: 'Fraud awareness' }, commitment: '23.1', validityMonths: 48, requiredFor: { services: ['BMI', 'CERT'] }, active: true },
  { id: 'ancienne', label: { fr: 'Ancienne', en: 'Old' }, commitment: '4.9', validityMonths: 48, requiredFor: {}, active: false },
];

function record(who: Person, typeId: string, completedOn: string): TrainingRecord {
  return { personId: who.id, typeId, completedOn, title: 'Session', mode: 'presentiel', declaredBy: who.id, declaredAt: `${completedOn}T12:00:00.000Z` };
}

/**
 * Expired: Adele (continuous, 1 Nov 2026), Megan (fraud, 1 Jun 2026). Expiring within 90 days: Adele's fraud
 * (10 Jan 2027, 48 days), Emma's continuous (20 Dec 2026, 27 days). Louis's continuous expires in 159 days (not
 * counted). Never declared: Louis and Emma (fraud), Lynne and Isaiah (continuous), Sacha (not followed).
 */
export const trainingRecords: TrainingRecord[] = [
  record(cast.adele, 'formation-continue', '2022-11-01'),
  record(cast.adele, 'fraude', '2023-01-10'),
  record(cast.louis, 'formation-continue', '2023-05-01'),
  record(cast.megan, 'formation-continue', '2025-01-01'),
  record(cast.megan, 'fraude', '2022-06-01'),
  record(cast.emma, 'formation-continue', '2022-12-20'),
  record(cast.lynne, 'fraude', '2024-01-01'),
  record(cast.rq, 'formation-continue', '2024-03-01'),
  record(cast.rq, 'ancienne', '2010-01-01'),
];

function complaint(number: string, service: string, assignee: Person, extra: Partial<Complaint> = {}): Complaint {
  const receivedOn = extra.receivedOn ?? '2026-11-02';
  return {
    id: number,
    channel: 'email',
    kind: 'complaint',
    receivedOn,
    summary: `Réclamation ${number}`,
    inScope: true,
    service,
    assigneeId: assignee.id,
    assignedAt: `${receivedOn}T09:00:00.000Z`,
    initialDueOn: '2026-11-09',
    dueOn: '2026-11-09',
    dueSetAt: `${receivedOn}T09:00:00.000Z`,
    replies: [],
    state: 'open',
    createdBy: cast.rq.id,
    createdAt: `${receivedOn}T09:00:00.000Z`,
    revision: 0,
    ...extra,
  };
}

const substance = (on: string) => ({ kind: 'substance' as const, on, by: cast.rq.id, at: `${on}T10:00:00.000Z` });

/**
 * Open: 0001 (BMI, Adele, late), 0002 (BMI, Louis), 0003 (CERT, Emma, late) and R-2025-0040 (BMI, Adele, late since
 * last year). Answered this year: 0004 (BMI, in time), 0005 (BMI, late), 0006 (CERT, in time), 0007 (BMI, out of scope).
 */
export const complaints: Complaint[] = [
  complaint('R-2026-0001', 'BMI', cast.adele, { initialDueOn: '2026-11-20', dueOn: '2026-11-20' }),
  complaint('R-2026-0002', 'BMI', cast.louis, { initialDueOn: '2026-11-27', dueOn: '2026-11-27' }),
  complaint('R-2026-0003', 'CERT', cast.emma, { initialDueOn: '2026-11-02', dueOn: '2026-11-02' }),
  complaint('R-2026-0004', 'BMI', cast.adele, { receivedOn: '2026-06-01', initialDueOn: '2026-06-10', dueOn: '2026-06-10', state: 'answered', replies: [substance('2026-06-08')] }),
  complaint('R-2026-0005', 'BMI', cast.louis, { receivedOn: '2026-07-01', initialDueOn: '2026-07-10', dueOn: '2026-07-10', state: 'answered', replies: [substance('2026-07-15')] }),
  complaint('R-2026-0006', 'CERT', cast.emma, { receivedOn: '2026-03-02', initialDueOn: '2026-03-09', dueOn: '2026-03-09', state: 'answered', replies: [substance('2026-03-05')] }),
  complaint('R-2026-0007', 'BMI', cast.adele, {
    receivedOn: '2026-04-01',
    initialDueOn: '2026-04-08',
    dueOn: '2026-04-08',
    inScope: false,
    outOfScopeReason: 'file-in-progress',
    state: 'answered',
    replies: [substance('2026-04-02')],
  }),
  complaint('R-2025-0040', 'BMI', cast.adele, { receivedOn: '2025-12-15', initialDueOn: '2025-12-22', dueOn: '2025-12-22' }),
];

function signal(n: number, service: FraudSignal['service'], detectedOn: string, state: FraudSignal['state'], article40 = false): FraudSignal {
  return {
    id: `${service}-${detectedOn.slice(0, 4)}-${String(n).padStart(4, '0')}`,
    service,
    titleType: 'titre-sejour',
    nature: 'faux-document',
    detectedOn,
    fileReference: `REF-${n}`,
    description: 'Faux document',
    article40: article40 ? { reported: true, on: detectedOn } : { reported: false },
    authorId: cast.adele.id,
    createdAt: `${detectedOn}T09:00:00.000Z`,
    state,
    submittedAt: `${detectedOn}T09:00:00.000Z`,
    exchanges: [],
    revision: 0,
  };
}

/** BMI: 2 counted (1 confirmed with article 40, 1 being qualified), 1 ruled out; CERT: 1 confirmed; one of last year. */
export const fraudSignals: FraudSignal[] = [
  signal(1, 'BMI', '2026-03-10', 'confirmed', true),
  signal(2, 'BMI', '2026-05-10', 'submitted'),
  signal(3, 'BMI', '2026-06-10', 'not-confirmed'),
  signal(4, 'CERT', '2026-02-01', 'confirmed'),
  signal(5, 'BMI', '2025-12-01', 'confirmed'),
];

/** BMI processed 1,000 files this year: 2 ‰ against its 5 ‰ target; CERT entered none. */
export const fraudVolumes: FraudVolume[] = [{ service: 'BMI', period: '2026', volume: 1000, enteredBy: cast.rq.id, enteredAt: '2026-11-02T09:00:00.000Z' }];

/** The CLU held on Tuesday 17 February 2026: the next is due by 17 February 2027; nothing planned yet. */
export const heldClu: CluMeeting = {
  id: 'CLU-2026',
  startsAt: '2026-02-17T13:00:00.000Z',
  place: 'Préfecture du Cher, salle Jean Moulin',
  audioConference: false,
  chairId: cast.rq.id,
  chairName: 'Rose Morel',
  agenda: standardCluAgenda(2026),
  memberIds: [cast.rq.id, cast.megan.id],
  outsideMembers: [],
  state: 'held',
  scheduledAt: '2026-01-12T09:00:00.000Z',
  heldOn: '2026-02-17',
  heldAt: '2026-02-17T16:00:00.000Z',
  minutesDueOn: '2026-03-17',
  minutesRecordedOn: '2026-03-10',
  createdBy: cast.rq.id,
  createdAt: '2026-01-12T09:00:00.000Z',
  revision: 2,
};

/** A meeting planned for Tuesday 16 March 2027 at 14:00, after the due date. */
export const plannedClu: CluMeeting = {
  ...heldClu,
  id: 'CLU-2027',
  startsAt: '2027-03-16T13:00:00.000Z',
  agenda: standardCluAgenda(2027),
  state: 'scheduled',
  scheduledAt: '2026-11-02T09:00:00.000Z',
  heldOn: undefined,
  heldAt: undefined,
  minutesDueOn: '2027-04-16',
  minutesRecordedOn: undefined,
  revision: 0,
};

function obligation(oid: string, dueOn: string, extra: Partial<LabelObligation> = {}): LabelObligation {
  return {
    id: oid,
    label: { fr: `Échéance ${oid}`, en: `Obligation ${oid}` },
    reference: '3.2',
    schedule: { kind: 'recurring', everyMonths: 12 },
    dueOn,
    ownerId: cast.rq.id,
    history: [],
    active: true,
    revision: 0,
    dueSetAt: '2026-01-05T09:00:00.000Z',
    createdAt: '2026-01-05T09:00:00.000Z',
    ...extra,
  };
}

/** One late (1 Nov 2026), one done, one retired, two ahead: the next is 15 January 2027. */
export const labelObligations: LabelObligation[] = [
  obligation('enquete-satisfaction', '2027-04-01'),
  obligation('audit-suivi', '2026-11-01', { schedule: { kind: 'one-off' }, reference: 'Label' }),
  obligation('ligne-editoriale', '2026-12-15', {
    history: [{ occurrenceDueOn: '2026-12-15', doneOn: '2026-11-20', doneBy: cast.rq.id, doneAt: '2026-11-20T10:00:00.000Z' }],
  }),
  obligation('exercice-es49', '2026-12-01', { active: false }),
  obligation('sensibilisation-fraude', '2027-01-15', { reference: '23.3' }),
];

/** The whole data set. */
export const data: StatusData = {
  actions,
  checkItems,
  checkAnswers,
  people: Object.values(cast),
  trainingTypes,
  trainingRecords,
  complaints,
  fraudSignals,
  fraudVolumes,
  cluMeetings: [heldClu],
  labelObligations,
};
