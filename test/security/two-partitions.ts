import type { StoredActionItem } from '../../services/action-plan/action-items-repository';
import type { AppServices } from '../../services/app-services';
import type { CheckAnswer, StoredCheckItem } from '../../services/checks/check-item';
import { demoCluMeetings } from '../../services/clu/demo-clu';
import type { StoredCluMeeting } from '../../services/clu/clu-meetings-repository';
import type { StoredComplaint } from '../../services/complaints/complaints-repository';
import { ConversationReferenceRepository } from '../../services/conversations/conversation-reference-repository';
import { seedDemo } from '../../services/demo/seed-demo';
import type { StoredFraudSignal } from '../../services/fraud/fraud-signals-repository';
import type { FraudVolume } from '../../services/fraud/fraud-volumes';
import type { PlannedReminder } from '../../services/reminders/reminder';
import type { IndicatorEntry } from '../../services/report/report-indicators';
import { readReferentielFile } from '../../services/referentiel/referentiel-files';
import type { StoredTrainingType } from '../../services/training/training-types-repository';
import type { TrainingRecord } from '../../services/training/training-record';
import { freshAppServices, movableClock } from '../support/test-storage';

/** A pair of values: `a` is what probes ask for, `b` another partition whose rows must never come back or change. */
export interface Pair<T> {
  a: T;
  b: T;
}

/** What the probes read and write: every repository seeded with (at least) two partitions. */
export interface Seeded {
  app: AppServices;
  clock: ReturnType<typeof movableClock>;
  people: Pair<string>;
  services: Pair<string>;
  actions: Pair<StoredActionItem>;
  origins: Pair<string>;
  /** a: a complaint of 2026, b: one of 2025. */
  complaints: Pair<StoredComplaint>;
  /** a, the same year in another domain (`b`), and the same domain another year (`otherYear`). */
  fraud: Pair<StoredFraudSignal> & { otherYear: StoredFraudSignal };
  /** Two authors of fraud signals (the author index is partitioned by author). */
  fraudAuthors: Pair<string>;
  /** a and b differ in domain and year. */
  volumes: Pair<FraudVolume>;
  clu: Pair<StoredCluMeeting> & { memberA: string };
  obligations: Pair<string>;
  checkItems: Pair<StoredCheckItem>;
  checkAnswers: Pair<CheckAnswer>;
  trainingTypes: Pair<StoredTrainingType>;
  trainingRecords: Pair<TrainingRecord>;
  indicators: Pair<IndicatorEntry>;
  reminders: Pair<PlannedReminder>;
  topics: Pair<string>;
  /** a: a personal conversation, b: a channel. */
  conversations: Pair<{ scope: string; key: string }>;
  months: Pair<string>;
  auditEntities: Pair<string>;
  leases: Pair<string>;
  activities: Pair<[string, string]>;
  referentiels: Pair<string>;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the two-partition seed has no ${what}`);
  return value;
}

/**
 * Seeds the demo twice, a year apart (2025-11-20, then 2026-11-23), so complaints, fraud signals, volumes, CLU
 * meetings and audit months exist in two partitions, then adds what the demo has in one only.
 */
export async function seedTwoPartitions(): Promise<Seeded> {
  const clock = movableClock('2025-11-20T09:00:00Z');
  const app = await freshAppServices(clock);
  await seedDemo(app);
  await app.audit.append({ actorId: 'system', action: 'probe.seed', entityType: 'probe', entityId: 'entity-b' });
  clock.advance(Date.parse('2026-11-23T09:00:00Z') - clock.now().getTime());
  await seedDemo(app);
  const later = demoCluMeetings(clock.now(), app.calendar);
  await app.clu.addMissing(later.meetings, later.answers);
  await app.audit.append({ actorId: 'system', action: 'probe.seed', entityType: 'probe', entityId: 'entity-a' });
  await app.commitments.loadMissing(readReferentielFile('loire'));

  const people = { a: '00000000-0000-0000-0000-0000000000020', b: '00000000-0000-0000-0000-0000000000021' };
  const at = clock.now().toISOString();
  const actions = await app.actions.list();
  const complaints2026 = await app.complaints.listYear(2026);
  const complaints2025 = await app.complaints.listYear(2025);
  const signals = [...(await app.fraudSignals.listYear(2026)), ...(await app.fraudSignals.listYear(2025))];
  const fraudA = need(signals.find((s) => s.detectedOn.startsWith('2026')), 'fraud signal of 2026');
  const volumes = [...(await app.fraudVolumes.listYear(2026)), ...(await app.fraudVolumes.listYear(2025))];
  const volumeA = need(volumes[0], 'fraud volume');
  const meetings = await app.clu.list();
  const items = await app.checkItems.list();
  const types = await app.trainingTypes.list();
  const records = await app.trainingRecords.listAll();
  const recordA = need(records[0], 'training record');

  const checkAnswers = {
    a: { itemId: need(items[0], 'check item').id, quarter: '2026-Q4', answer: 'verified', answeredBy: people.a, answeredAt: at, late: false },
    b: { itemId: need(items[1], 'check item').id, quarter: '2026-Q3', answer: 'verified', answeredBy: people.b, answeredAt: at, late: false },
  } satisfies Pair<CheckAnswer>;
  for (const answer of [checkAnswers.a, checkAnswers.b]) await app.checkAnswers.record(answer);

  const indicators: Pair<IndicatorEntry> = {
    a: { indicatorId: 'delai-cni-passeports', period: '2026-Q1', value: 5.9, enteredBy: people.a, enteredAt: at },
    b: { indicatorId: 'delai-cni-passeports', period: '2025-Q1', value: 7.2, enteredBy: people.a, enteredAt: at },
  };
  await app.reportIndicators.addMissing([indicators.a, indicators.b]);

  const reminder = (recipientId: string, key: string): PlannedReminder => ({ recipientId, key, notBefore: '2026-11-20T08:00:00.000Z', text: { fr: { title: 'Rappel', detail: '' }, en: { title: 'Reminder', detail: '' } } });
  const reminders = { a: reminder(people.a, 'probe:a:2026-Q4:start'), b: reminder(people.b, 'probe:b:2026-Q4:start') };
  await app.outbox.enqueue([reminders.a, reminders.b], clock.now());

  const topics = { a: `probe-topic|a|${clock.now().getTime()}`, b: `probe-topic|b|${clock.now().getTime()}` };
  await app.sharedCards.addRecipients(topics.a, [people.a], at);
  await app.sharedCards.addRecipients(topics.b, [people.b], at);

  const conversations = {
    a: { scope: 'personal', key: ConversationReferenceRepository.keyFor('personal', people.a, 'conversation-a') },
    b: { scope: 'channel', key: ConversationReferenceRepository.keyFor('channel', undefined, 'conversation-b') },
  };
  for (const { scope, key } of [conversations.a, conversations.b]) await app.conversations.remember(scope, key, '{"probe":true}', at, true);

  const leases = { a: 'probe-lease-a', b: 'probe-lease-b' };
  for (const name of [leases.a, leases.b]) await app.leases.acquire(name, 'probe-holder', clock.now(), 60_000);
  const activities: Pair<[string, string]> = { a: ['conversation-a', 'activity-a'], b: ['conversation-b', 'activity-b'] };
  for (const [conversation, activity] of [activities.a, activities.b]) await app.processedActivities.claim(conversation, activity, clock.now());

  const checkItemA = need(items[0], 'check item');
  const origins = { a: `check|${checkItemA.id}|2026-Q4`, b: `check|${need(items[1], 'check item').id}|2026-Q4` };
  await app.actions.claimOrigin(origins.b, clock.now());

  return {
    app,
    clock,
    people,
    services: { a: 'BMI', b: 'CERT' },
    actions: { a: need(actions.find((item) => item.year === 2026), 'action of 2026'), b: need(actions.find((item) => item.year !== 2026), 'action of another year') },
    origins,
    complaints: { a: need(complaints2026[0], 'complaint of 2026'), b: need(complaints2025[0], 'complaint of 2025') },
    fraud: {
      a: fraudA,
      b: need(signals.find((s) => s.detectedOn.startsWith('2026') && s.service !== fraudA.service), 'fraud signal of another domain'),
      otherYear: need(signals.find((s) => s.service === fraudA.service && !s.detectedOn.startsWith('2026')), 'fraud signal of another year'),
    },
    fraudAuthors: { a: fraudA.authorId, b: need(signals.find((s) => s.authorId !== fraudA.authorId), 'fraud signal of another author').authorId },
    volumes: { a: volumeA, b: need(volumes.find((v) => v.service !== volumeA.service && v.period.slice(0, 4) !== volumeA.period.slice(0, 4)), 'other fraud volume') },
    clu: { a: need(meetings[1], 'CLU meeting of 2025'), b: need(meetings[0], 'CLU meeting of 2024'), memberA: need(later.answers[0], 'CLU answer').personId },
    obligations: { a: 'label', b: 'audit-suivi' },
    checkItems: { a: checkItemA, b: need(items[1], 'check item') },
    checkAnswers,
    trainingTypes: { a: need(types[0], 'training type'), b: need(types[1], 'training type') },
    trainingRecords: { a: recordA, b: need(records.find((r) => r.personId !== recordA.personId), 'training record of another person') },
    indicators,
    reminders,
    topics,
    conversations,
    months: { a: '2026-11', b: '2025-11' },
    auditEntities: { a: 'entity-a', b: 'entity-b' },
    leases,
    activities,
    referentiels: { a: 'cher', b: 'loire' },
  };
}
