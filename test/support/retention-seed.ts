import type { TransactionAction } from '@azure/data-tables';
import { AuditRepository } from '../../services/audit/audit-repository';
import type { AppServices } from '../../services/app-services';
import { fixedClock } from '../../services/clock';
import { complaintSchema, type Complaint } from '../../services/complaints/complaint';
import { formatComplaintId } from '../../services/complaints/complaint-number';
import type { FraudService } from '../../services/fraud/fraud-catalog';
import { formatFraudSignalId, type FraudSignal } from '../../services/fraud/fraud-signal';
import { addMonthsTo } from '../../services/label-calendar/label-dates';
import { addCalendarDays } from '../../services/reminders/calendar';
import { localDateIn } from '../../services/retention/retention-policy';
import { tableNames } from '../../services/storage/table-names';

/** People of the seed (aadObjectIds). */
export const seedPeople = {
  author: '00000000-0000-0000-0000-00000000a001',
  otherAuthor: '00000000-0000-0000-0000-00000000a002',
  referent: '00000000-0000-0000-0000-00000000a031',
  agent: '00000000-0000-0000-0000-00000000a022',
};

/** One seeded record: its number, and whether the purge must delete it. */
export interface SeededRecord {
  kind: 'fraud-signal' | 'complaint';
  id: string;
  expired: boolean;
  /** The rule that keeps it (complaints: 'complaint-closed', even open ones). */
  rule: 'fraud-closed' | 'fraud-unqualified' | 'complaint-closed';
  /** Who wrote it (fraud signals: whose « mes signalements » lists it). */
  authorId: string;
  /** Rows of other tables (and history rows) that go with it. */
  authorIndexRows: number;
  historyRows: number;
  sharedCardCopies: number;
  /** Audit entries about it holding values (all of them here). */
  auditEntries: number;
}

/** What was seeded, so tests can compute what a purge must do. */
export interface RetentionSeed {
  records: SeededRecord[];
  expiredActivityClaims: number;
  freshActivityClaims: number;
  /** A shared card topic about something else: must stay. */
  unrelatedTopic: string;
}

/** The day `months` months (then `days` days) before `now`'s day in Paris, as an instant at 10:00 UTC. */
function ago(now: Date, months: number, days = 0): string {
  return `${addCalendarDays(addMonthsTo(localDateIn(now, 'Europe/Paris'), -months), days)}T10:00:00.000Z`;
}

const msOf = (iso: string) => Date.parse(iso);

/**
 * Seeds fraud signals, complaints, their index rows, history rows, shared-card copies and audit entries around the
 * default retention periods as of `now` (5 years after closure, 6 months unqualified: exactly on the day, and a day
 * short), plus activity claims. `bulk` adds 205 expired unqualified signals in one partition (more than a page of
 * the purge) and 1,500 expired activity claims (more than a page of 1,000).
 */
export async function seedRetentionData(app: AppServices, now: Date, options: { bulk?: boolean } = {}): Promise<RetentionSeed> {
  const records: SeededRecord[] = [];
  const orders = new Map<string, number>();
  const nextOrder = (key: string) => {
    const order = (orders.get(key) ?? 0) + 1;
    orders.set(key, order);
    return order;
  };
  const auditAt = (at: string) => new AuditRepository(app.store.table(tableNames.audit), fixedClock(at));

  const fraud = async (service: FraudService, state: FraudSignal['state'], createdAt: string, qualifiedAt: string | undefined, expired: boolean, author = seedPeople.author) => {
    const detectedOn = addCalendarDays(createdAt.slice(0, 10), -1);
    const year = Number(detectedOn.slice(0, 4));
    const outcome = state === 'submitted' ? undefined : state;
    const signal: FraudSignal = {
      id: formatFraudSignalId(service, year, nextOrder(`${service}|${year}`)),
      service,
      titleType: 'titre-sejour',
      nature: 'faux-document',
      detectedOn,
      fileReference: 'DOSSIER-123',
      description: 'Faux justificatif détecté au guichet',
      article40: { reported: false },
      authorId: author,
      createdAt,
      state,
      submittedAt: createdAt,
      qualification: qualifiedAt && outcome ? { by: seedPeople.referent, at: qualifiedAt, outcome, question: outcome === 'to-complete' ? 'Quel titre ?' : undefined } : undefined,
      exchanges: outcome === 'to-complete' && qualifiedAt ? [{ question: 'Quel titre ?', askedBy: seedPeople.referent, askedAt: qualifiedAt }] : [],
      revision: qualifiedAt ? 1 : 0,
    };
    await app.fraudSignals.addMissing([signal]);
    let copies = await app.sharedCards.addRecipients(`fraud-qualify|${signal.id}|${msOf(createdAt)}`, [seedPeople.referent], createdAt);
    await auditAt(createdAt).append({ actorId: author, action: 'fraud.submit', entityType: 'fraud-signal', entityId: signal.id, after: signal });
    let audits = 1;
    if (qualifiedAt) {
      if (outcome !== 'to-complete') copies += await app.sharedCards.addRecipients(`fraud-outcome|${signal.id}|${msOf(qualifiedAt)}`, [author], qualifiedAt);
      await auditAt(qualifiedAt).append({ actorId: seedPeople.referent, action: 'fraud.qualify', entityType: 'fraud-signal', entityId: signal.id, before: { state: 'submitted' }, after: { state } });
      audits += 1;
    }
    await auditAt(ago(now, 0, -3)).append({ actorId: seedPeople.referent, action: 'fraud.read', entityType: 'fraud-signal', entityId: signal.id, after: { via: 'command' } });
    audits += 1;
    records.push({ kind: 'fraud-signal', id: signal.id, expired, rule: state === 'confirmed' ? 'fraud-closed' : 'fraud-unqualified', authorId: author, authorIndexRows: 1, historyRows: 0, sharedCardCopies: copies, auditEntries: audits });
  };

  // Confirmed frauds: 5 years after the confirmation.
  await fraud('BMI', 'confirmed', ago(now, 62), ago(now, 61), true);
  await fraud('BMI', 'confirmed', ago(now, 60, -20), ago(now, 60), true);
  await fraud('CERT', 'confirmed', ago(now, 60, -20), ago(now, 60, 1), false);
  await fraud('CERT', 'confirmed', ago(now, 31), ago(now, 30), false, seedPeople.otherAuthor);
  await fraud('BMI', 'confirmed', ago(now, 72), ago(now, 24), false); // detected long ago, confirmed late
  // Never confirmed: 6 months after creation, whatever the state.
  await fraud('PERMIS', 'submitted', ago(now, 7), undefined, true);
  await fraud('SIV', 'to-complete', ago(now, 6), ago(now, 5), true);
  await fraud('SIV', 'to-complete', ago(now, 6, 1), ago(now, 5), false);
  await fraud('PERMIS', 'not-confirmed', ago(now, 8), ago(now, 7), true, seedPeople.otherAuthor);
  await fraud('PERMIS', 'not-confirmed', ago(now, 2), ago(now, 1), false);
  await fraud('BMI', 'submitted', ago(now, 1), undefined, false);

  const complaint = async (received: string, state: Complaint['state'], endedOn: string | undefined, expired: boolean) => {
    const receivedOn = received.slice(0, 10);
    const year = Number(receivedOn.slice(0, 4));
    const dueOn = addCalendarDays(receivedOn, 7);
    const substance = state !== 'open' && endedOn ? [{ kind: 'substance' as const, on: endedOn, by: seedPeople.agent, at: `${endedOn}T09:00:00.000Z` }] : [];
    const value = complaintSchema.parse({
      id: formatComplaintId(year, nextOrder(`R|${year}`)),
      channel: 'email',
      kind: 'complaint',
      receivedOn,
      summary: 'Horaires d’ouverture jugés trop restreints',
      inScope: true,
      service: 'BMI',
      assigneeId: seedPeople.agent,
      assignedAt: received,
      initialDueOn: dueOn,
      dueOn,
      dueSetAt: received,
      replies: substance,
      state,
      closedOn: state === 'closed' ? endedOn : undefined,
      createdBy: seedPeople.agent,
      createdAt: received,
      revision: 0,
    });
    await app.complaints.addMissing([value], seedPeople.agent, new Date(received));
    await auditAt(received).append({ actorId: seedPeople.agent, action: 'complaint.create', entityType: 'complaint', entityId: value.id, after: value });
    // A second history row, as any change writes one beside the complaint.
    const stored = await app.complaints.get(value.id);
    if (!stored) throw new Error(`seeded complaint ${value.id} not found`);
    const changedAt = endedOn ? `${endedOn}T15:00:00.000Z` : received;
    const next = { ...value, revision: 1 };
    await app.complaints.update(stored, next, { actorId: seedPeople.agent, action: 'complaint.note', entityType: 'complaint', entityId: value.id, before: value, after: next }, new Date(changedAt));
    await auditAt(changedAt).append({ actorId: seedPeople.agent, action: 'complaint.note', entityType: 'complaint', entityId: value.id, before: value, after: next });
    const copies = await app.sharedCards.addRecipients(`complaint-assigned|${value.id}|${msOf(received)}`, [seedPeople.agent], received);
    records.push({ kind: 'complaint', id: value.id, expired, rule: 'complaint-closed', authorId: seedPeople.agent, authorIndexRows: 0, historyRows: 2, sharedCardCopies: copies, auditEntries: 2 });
  };
  const endedAgo = (months: number, days = 0) => ago(now, months, days).slice(0, 10);
  await complaint(ago(now, 62), 'closed', endedAgo(61), true);
  await complaint(ago(now, 60, -10), 'answered', endedAgo(60), true);
  await complaint(ago(now, 60, -10), 'closed', endedAgo(60, 1), false);
  await complaint(ago(now, 13), 'closed', endedAgo(12), false);
  await complaint(ago(now, 84), 'open', undefined, false);

  const unrelatedTopic = `action-approval|2021-07|${msOf(ago(now, 70))}`;
  await app.sharedCards.addRecipients(unrelatedTopic, [seedPeople.referent], ago(now, 70));
  await auditAt(ago(now, 62)).append({ actorId: seedPeople.referent, action: 'person.update', entityType: 'person', entityId: seedPeople.author, after: { service: 'BMI' } });

  if (options.bulk) {
    const createdAt = ago(now, 7);
    const year = Number(addCalendarDays(createdAt.slice(0, 10), -1).slice(0, 4));
    const signals: FraudSignal[] = Array.from({ length: 205 }, (_, index) => ({
      id: formatFraudSignalId('AUTRE', year, index + 1),
      service: 'AUTRE',
      titleType: 'autre',
      nature: 'autre',
      detectedOn: addCalendarDays(createdAt.slice(0, 10), -1),
      fileReference: '',
      description: 'Signalement resté sans qualification',
      article40: { reported: false },
      authorId: seedPeople.otherAuthor,
      createdAt,
      state: 'submitted',
      submittedAt: createdAt,
      exchanges: [],
      revision: 0,
    }));
    for (let start = 0; start < signals.length; start += 25) await Promise.all(signals.slice(start, start + 25).map((signal) => app.fraudSignals.addMissing([signal])));
    for (const signal of signals) records.push({ kind: 'fraud-signal', id: signal.id, expired: true, rule: 'fraud-unqualified', authorId: signal.authorId, authorIndexRows: 1, historyRows: 0, sharedCardCopies: 0, auditEntries: 0 });
  }

  // Activity claims: written straight in their table, as ProcessedActivityRepository stores them (expiresAt).
  const expiredActivityClaims = options.bulk ? 1500 : 5;
  const freshActivityClaims = options.bulk ? 30 : 3;
  const claims = app.store.table(tableNames.processedActivities);
  const claimRows = (count: number, prefix: string, expiresAt: string): TransactionAction[] =>
    Array.from({ length: count }, (_, index) => ['create', { partitionKey: `${prefix}${index % 4}`, rowKey: `${prefix}-${String(index).padStart(5, '0')}`, expiresAt }]);
  const actions = [...claimRows(expiredActivityClaims, 'e', ago(now, 0, -2)), ...claimRows(freshActivityClaims, 'f', new Date(now.getTime() + 3_600_000).toISOString())];
  const byPartition = new Map<string, TransactionAction[]>();
  for (const action of actions) byPartition.set(action[1].partitionKey, [...(byPartition.get(action[1].partitionKey) ?? []), action]);
  for (const list of byPartition.values()) for (let start = 0; start < list.length; start += 100) await claims.submitTransaction(list.slice(start, start + 100));

  return { records, expiredActivityClaims, freshActivityClaims, unrelatedTopic };
}
