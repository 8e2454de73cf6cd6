import { ConversationReferenceRepository } from '../../services/conversations/conversation-reference-repository';
import { readReferentielFile } from '../../services/referentiel/referentiel-files';
import { hashKey, isSafeKey } from '../../services/storage/keys';
import { tableNames } from '../../services/storage/table-names';
import type { Guard } from './storage-probe-support';
import type { Seeded } from './two-partitions';

/** One repository method with one of its key or filter values replaced by the value under test. */
export interface Probe {
  /** 'ComplaintsRepository.listYear'. */
  method: string;
  /** Which argument (or field of one) takes the value. */
  slot: string;
  /** What a valid call passes there, naming the partition asked for. */
  valid: unknown;
  /** Reads return rows to compare with the valid call's; writes are judged by the keys they send. */
  reads: boolean;
  /** Reads: a valid value naming the other partition, whose rows must never come back. */
  other?: unknown;
  /** Rows of the other partition, which no call may change. */
  guard: Guard;
  /** An option whose absence (undefined) means "no such condition": undefined is then a valid value, not a hostile one. */
  optional?: boolean;
  call(value: unknown): Promise<unknown>;
}

/**
 * Methods that take parameters but no value that becomes a key or a filter, or private helpers reached only through
 * probed methods that check their keys first. A new method must be probed or listed here with its reason.
 */
export const exemptMethods: Record<string, string> = {
  'SweepStateRepository.advance': 'its keys are constants; the instant is a stored value',
  'AuditRepository.append': 'keys come from the clock and a random uuid; the entries are stored values',
  'SharedCardCopiesRepository.needingWork': 'its filter is constant; the limit only slices what was read',
  'OutboxRepository.finish': 'private: reached through markSent and markGivenUp, which check the keys',
  'SharedCardCopiesRepository.merge': 'private: reached through markSent, markUnreachable and markDropped',
  'LeaseRepository.replace': 'private: reached through acquire and renew, which check the name',
  'FraudSignalsRepository.index': 'private: reached through create and addMissing after the signal is validated',
  'ProcessedActivityRepository.keys': 'private: reached through claim and release (hashed keys)',
  'AuditRepository.toRow': 'private: reached through append',
};

const withoutEtag = <T extends { etag?: string }>(stored: T): Omit<T, 'etag'> => {
  const { etag: _etag, ...rest } = stored;
  return rest;
};

function found<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('a seeded row disappeared');
  return value;
}

/** Every repository method that takes a value used in a filter or a key, once per such value. */
export function repositoryProbes(s: Seeded): Probe[] {
  const { app } = s;
  const now = () => s.clock.now();
  const at = () => now().toISOString();
  const entry = (entityType: string, entityId: string) => ({ actorId: 'system', action: `${entityType}.probe`, entityType, entityId });
  const probes: Probe[] = [];
  const read = (method: string, slot: string, valid: unknown, other: unknown, guard: Guard, call: (v: unknown) => Promise<unknown>) =>
    probes.push({ method, slot, valid, other, guard, call, reads: true, optional: /^(range|options)\./.test(slot) });
  const write = (method: string, slot: string, valid: unknown, guard: Guard, call: (v: unknown) => Promise<unknown>) =>
    probes.push({ method, slot, valid, guard, call, reads: false });
  const text = (v: unknown) => v as string;
  const year = (v: unknown) => v as number;

  // Action plan: one partition per action.
  const actionA = s.actions.a;
  const gAction: Guard = { table: tableNames.actionItems, partitionKey: s.actions.b.id };
  const gOrigin: Guard = { table: tableNames.actionItems, partitionKey: `origin|${s.origins.b}` };
  const currentAction = async () => found(await app.actions.get(actionA.id));
  read('ActionItemsRepository.get', 'id', actionA.id, s.actions.b.id, gAction, (v) => app.actions.get(text(v)));
  read('ActionItemsRepository.history', 'id', actionA.id, s.actions.b.id, gAction, (v) => app.actions.history(text(v)));
  write('ActionItemsRepository.create', 'draft.year', 2026, gAction, (v) => app.actions.create({ ...withoutEtag(actionA), year: year(v) }, entry('action', actionA.id), now()));
  write('ActionItemsRepository.update', 'current.id and next.id', actionA.id, gAction, async (v) => {
    const current = await currentAction();
    return app.actions.update({ ...current, id: text(v) }, { ...withoutEtag(current), id: text(v) }, entry('action', actionA.id), now());
  });
  write('ActionItemsRepository.claimOrigin', 'origin', s.origins.a, gOrigin, (v) => app.actions.claimOrigin(text(v), now()));
  write('ActionItemsRepository.settleOrigin', 'origin', s.origins.a, gOrigin, (v) => app.actions.settleOrigin(text(v), actionA.id));
  write('ActionItemsRepository.settleOrigin', 'actionId', actionA.id, gOrigin, (v) => app.actions.settleOrigin(s.origins.a, text(v)));
  write('ActionItemsRepository.releaseOrigin', 'origin', s.origins.a, gOrigin, (v) => app.actions.releaseOrigin(text(v)));
  write('ActionItemsRepository.addMissing', 'items[].id', actionA.id, gAction, (v) => app.actions.addMissing([{ ...withoutEtag(actionA), id: text(v) }], 'system', now()));
  write('ActionItemsRepository.importAll', 'writes[].item.id', actionA.id, gAction, async (v) => {
    const current = await currentAction();
    return app.actions.importAll([{ item: { ...withoutEtag(current), id: text(v) }, etag: current.etag, before: withoutEtag(current) }], { actorId: 'system', action: 'action.probe', entityType: 'action' }, now());
  });

  // Complaints: one partition per year of receipt.
  const complaintA = s.complaints.a;
  const gComplaint: Guard = { table: tableNames.complaints, partitionKey: s.complaints.b.id.slice(2, 6) };
  read('ComplaintsRepository.get', 'id', complaintA.id, s.complaints.b.id, gComplaint, (v) => app.complaints.get(text(v)));
  read('ComplaintsRepository.listYear', 'year', 2026, 2025, gComplaint, (v) => app.complaints.listYear(year(v)));
  read('ComplaintsRepository.history', 'id', complaintA.id, s.complaints.b.id, gComplaint, (v) => app.complaints.history(text(v)));
  write('ComplaintsRepository.create', 'draft.receivedOn', complaintA.receivedOn, gComplaint, (v) => app.complaints.create({ ...withoutEtag(complaintA), receivedOn: text(v) }, entry('complaint', complaintA.id), now()));
  write('ComplaintsRepository.update', 'current.id and next.id', complaintA.id, gComplaint, async (v) => {
    const current = found(await app.complaints.get(complaintA.id));
    return app.complaints.update({ ...current, id: text(v) }, { ...withoutEtag(current), id: text(v) }, entry('complaint', complaintA.id), now());
  });
  write('ComplaintsRepository.addMissing', 'complaints[].id', complaintA.id, gComplaint, (v) => app.complaints.addMissing([{ ...withoutEtag(complaintA), id: text(v) }], 'system', now()));

  // Fraud signals: one partition per domain and year; the author index one per author.
  const signalA = s.fraud.a;
  const yearA = Number(signalA.detectedOn.slice(0, 4));
  const otherYear = Number(s.fraud.otherYear.detectedOn.slice(0, 4));
  const gSignal: Guard = { table: tableNames.fraudSignals, partitionKey: `${s.fraud.b.service}|${yearA}` };
  const gSignalYear: Guard = { table: tableNames.fraudSignals, partitionKey: `${signalA.service}|${otherYear}` };
  const gAuthorIndex: Guard = { table: tableNames.fraudSignalAuthors, partitionKey: s.fraudAuthors.b };
  const { id: _signalId, etag: _signalEtag, ...draft } = signalA;
  read('FraudSignalsRepository.get', 'id', signalA.id, s.fraud.b.id, gSignal, (v) => app.fraudSignals.get(text(v)));
  write('FraudSignalsRepository.create', 'draft.service', signalA.service, gSignal, (v) => app.fraudSignals.create({ ...draft, service: v as typeof draft.service }));
  write('FraudSignalsRepository.create', 'draft.detectedOn', signalA.detectedOn, gSignalYear, (v) => app.fraudSignals.create({ ...draft, detectedOn: text(v) }));
  write('FraudSignalsRepository.addMissing', 'signals[].id', signalA.id, gSignal, (v) => app.fraudSignals.addMissing([{ ...withoutEtag(signalA), id: text(v) }]));
  write('FraudSignalsRepository.update', 'current.id and next.id', signalA.id, gSignal, async (v) => {
    const current = found(await app.fraudSignals.get(signalA.id));
    return app.fraudSignals.update({ ...current, id: text(v) }, { ...withoutEtag(current), id: text(v) });
  });
  const sameTime = new Date(Date.parse(signalA.createdAt) + 60_000);
  read('FraudSignalsRepository.findSameSubmission', 'draft.service', signalA.service, s.fraud.b.service, gSignal, (v) => app.fraudSignals.findSameSubmission({ ...draft, service: v as typeof draft.service }, sameTime));
  read('FraudSignalsRepository.findSameSubmission', 'draft.detectedOn', signalA.detectedOn, s.fraud.otherYear.detectedOn, gSignalYear, (v) => app.fraudSignals.findSameSubmission({ ...draft, detectedOn: text(v) }, sameTime));
  read('FraudSignalsRepository.findSameSubmission', 'draft.authorId', signalA.authorId, s.fraudAuthors.b, gSignal, (v) => app.fraudSignals.findSameSubmission({ ...draft, authorId: text(v) }, sameTime));
  write('FraudSignalsRepository.ensureIndexed', 'signal.id', signalA.id, gAuthorIndex, (v) => app.fraudSignals.ensureIndexed({ ...withoutEtag(signalA), id: text(v) }));
  write('FraudSignalsRepository.ensureIndexed', 'signal.authorId', signalA.authorId, gAuthorIndex, (v) => app.fraudSignals.ensureIndexed({ ...withoutEtag(signalA), authorId: text(v) }));
  read('FraudSignalsRepository.listPartition', 'service', signalA.service, s.fraud.b.service, gSignal, (v) => app.fraudSignals.listPartition(v as typeof draft.service, yearA));
  read('FraudSignalsRepository.listPartition', 'year', yearA, otherYear, gSignalYear, (v) => app.fraudSignals.listPartition(signalA.service, year(v)));
  read('FraudSignalsRepository.listPartition', 'range.from', `${yearA}-01-01`, undefined, gSignal, (v) => app.fraudSignals.listPartition(signalA.service, yearA, { from: text(v) }));
  read('FraudSignalsRepository.listPartition', 'range.to', `${yearA}-12-31`, undefined, gSignal, (v) => app.fraudSignals.listPartition(signalA.service, yearA, { to: text(v) }));
  read('FraudSignalsRepository.listPartition', 'range.state', signalA.state, undefined, gSignal, (v) => app.fraudSignals.listPartition(signalA.service, yearA, { state: v as typeof signalA.state }));
  read('FraudSignalsRepository.listYear', 'year', yearA, otherYear, gSignalYear, (v) => app.fraudSignals.listYear(year(v)));
  read('FraudSignalsRepository.listYear', 'options.state', signalA.state, undefined, gSignalYear, (v) => app.fraudSignals.listYear(yearA, { state: v as typeof signalA.state }));
  read('FraudSignalsRepository.listByAuthor', 'authorId', s.fraudAuthors.a, s.fraudAuthors.b, gAuthorIndex, (v) => app.fraudSignals.listByAuthor(text(v)));

  // Fraud volumes: one partition per domain, a year is a RowKey range.
  const volumeA = s.volumes.a;
  const gVolume: Guard = { table: tableNames.fraudVolumes, partitionKey: s.volumes.b.service };
  type Service = typeof volumeA.service;
  type Period = typeof volumeA.period;
  read('FraudVolumesRepository.get', 'service', volumeA.service, s.volumes.b.service, gVolume, (v) => app.fraudVolumes.get(v as Service, volumeA.period));
  read('FraudVolumesRepository.get', 'period', volumeA.period, s.volumes.b.period, gVolume, (v) => app.fraudVolumes.get(volumeA.service, v as Period));
  write('FraudVolumesRepository.set', 'entry.service', volumeA.service, gVolume, (v) => app.fraudVolumes.set({ ...volumeA, service: v as Service }));
  write('FraudVolumesRepository.set', 'entry.period', volumeA.period, gVolume, (v) => app.fraudVolumes.set({ ...volumeA, period: v as Period }));
  write('FraudVolumesRepository.addMissing', 'entries[].service', volumeA.service, gVolume, (v) => app.fraudVolumes.addMissing([{ ...volumeA, service: v as Service }]));
  write('FraudVolumesRepository.addMissing', 'entries[].period', volumeA.period, gVolume, (v) => app.fraudVolumes.addMissing([{ ...volumeA, period: v as Period }]));
  read('FraudVolumesRepository.listYear', 'year', Number(volumeA.period.slice(0, 4)), Number(s.volumes.b.period.slice(0, 4)), gVolume, (v) => app.fraudVolumes.listYear(year(v)));

  // CLU: meetings in one partition, each meeting's answers in their own.
  const meetingA = s.clu.a;
  const member = s.clu.memberA;
  const gMeeting: Guard = { table: tableNames.cluMeetings, partitionKey: 'meeting', rowKey: s.clu.b.id };
  const gAnswers: Guard = { table: tableNames.cluMeetings, partitionKey: `answers|${s.clu.b.id}` };
  const answerA = async () => found(await app.clu.answerOf(meetingA.id, member));
  read('CluMeetingsRepository.get', 'id', meetingA.id, s.clu.b.id, gMeeting, (v) => app.clu.get(text(v)));
  write('CluMeetingsRepository.create', 'meeting.id', 'CLU-2030', gMeeting, (v) => app.clu.create({ ...withoutEtag(meetingA), id: text(v) }));
  write('CluMeetingsRepository.update', 'current.id and next.id', meetingA.id, gMeeting, async (v) => {
    const current = found(await app.clu.get(meetingA.id));
    return app.clu.update({ ...current, id: text(v) }, { ...withoutEtag(current), id: text(v) });
  });
  read('CluMeetingsRepository.answers', 'meetingId', meetingA.id, s.clu.b.id, gAnswers, (v) => app.clu.answers(text(v)));
  read('CluMeetingsRepository.answerOf', 'meetingId', meetingA.id, s.clu.b.id, gAnswers, (v) => app.clu.answerOf(text(v), member));
  read('CluMeetingsRepository.answerOf', 'personId', member, s.people.b, gAnswers, (v) => app.clu.answerOf(meetingA.id, text(v)));
  write('CluMeetingsRepository.saveAnswer', 'answer.meetingId', meetingA.id, gAnswers, async (v) => {
    const previous = await answerA();
    return app.clu.saveAnswer({ ...withoutEtag(previous), meetingId: text(v) }, previous);
  });
  write('CluMeetingsRepository.saveAnswer', 'answer.personId', member, gAnswers, async (v) => {
    const previous = await answerA();
    return app.clu.saveAnswer({ ...withoutEtag(previous), personId: text(v) }, previous);
  });
  write('CluMeetingsRepository.addMissing', 'meetings[].id', meetingA.id, gMeeting, (v) => app.clu.addMissing([{ ...withoutEtag(meetingA), id: text(v) }]));

  // Single-partition catalogues: the other row is the guard.
  const gObligation: Guard = { table: tableNames.labelCalendar, partitionKey: 'obligation', rowKey: s.obligations.b };
  read('LabelCalendarRepository.get', 'id', s.obligations.a, s.obligations.b, gObligation, (v) => app.labelCalendar.get(text(v)));
  write('LabelCalendarRepository.writeAll', 'writes[].obligation.id', s.obligations.a, gObligation, async (v) => {
    const current = found(await app.labelCalendar.get(s.obligations.a));
    return app.labelCalendar.writeAll([{ obligation: { ...withoutEtag(current), id: text(v) }, etag: current.etag }]);
  });
  write('LabelCalendarRepository.addMissing', 'obligations[].id', s.obligations.a, gObligation, async (v) => {
    const current = found(await app.labelCalendar.get(s.obligations.a));
    return app.labelCalendar.addMissing([{ ...withoutEtag(current), id: text(v) }]);
  });

  const typeA = s.trainingTypes.a;
  const gType: Guard = { table: tableNames.trainingTypes, partitionKey: 'type', rowKey: s.trainingTypes.b.id };
  read('TrainingTypesRepository.get', 'id', typeA.id, s.trainingTypes.b.id, gType, (v) => app.trainingTypes.get(text(v)));
  write('TrainingTypesRepository.save', 'type.id', typeA.id, gType, async (v) => {
    const current = found(await app.trainingTypes.get(typeA.id));
    return app.trainingTypes.save({ ...withoutEtag(current), id: text(v) }, current.etag);
  });
  write('TrainingTypesRepository.addMissing', 'types[].id', typeA.id, gType, (v) => app.trainingTypes.addMissing([{ ...withoutEtag(typeA), id: text(v) }]));

  const itemA = s.checkItems.a;
  const gItem: Guard = { table: tableNames.checkItems, partitionKey: 'item', rowKey: s.checkItems.b.id };
  const currentItem = async () => found(await app.checkItems.get(itemA.id));
  read('CheckItemsRepository.get', 'id', itemA.id, s.checkItems.b.id, gItem, (v) => app.checkItems.get(text(v)));
  write('CheckItemsRepository.save', 'item.id', itemA.id, gItem, async (v) => {
    const current = await currentItem();
    return app.checkItems.save({ ...withoutEtag(current), id: text(v) }, current.etag);
  });
  write('CheckItemsRepository.update', 'item.id', itemA.id, gItem, async (v) => app.checkItems.update({ ...(await currentItem()), id: text(v) }));
  write('CheckItemsRepository.importAll', 'writes[].item.id', itemA.id, gItem, async (v) => {
    const current = await currentItem();
    return app.checkItems.importAll([{ item: { ...withoutEtag(current), id: text(v) }, etag: current.etag }]);
  });
  write('CheckItemsRepository.addMissing', 'items[].id', itemA.id, gItem, (v) => app.checkItems.addMissing([{ ...withoutEtag(itemA), id: text(v) }]));

  // Training records: one partition per person.
  const recordA = s.trainingRecords.a;
  const gRecord: Guard = { table: tableNames.trainingRecords, partitionKey: s.trainingRecords.b.personId };
  write('TrainingRecordsRepository.add', 'record.personId', recordA.personId, gRecord, (v) => app.trainingRecords.add({ ...recordA, personId: text(v) }));
  write('TrainingRecordsRepository.add', 'record.typeId', recordA.typeId, gRecord, (v) => app.trainingRecords.add({ ...recordA, typeId: text(v) }));
  write('TrainingRecordsRepository.add', 'record.completedOn', recordA.completedOn, gRecord, (v) => app.trainingRecords.add({ ...recordA, completedOn: text(v) }));
  read('TrainingRecordsRepository.get', 'personId', recordA.personId, s.trainingRecords.b.personId, gRecord, (v) => app.trainingRecords.get(text(v), recordA.typeId, recordA.completedOn));
  read('TrainingRecordsRepository.get', 'typeId', recordA.typeId, undefined, gRecord, (v) => app.trainingRecords.get(recordA.personId, text(v), recordA.completedOn));
  read('TrainingRecordsRepository.get', 'completedOn', recordA.completedOn, undefined, gRecord, (v) => app.trainingRecords.get(recordA.personId, recordA.typeId, text(v)));
  read('TrainingRecordsRepository.listFor', 'personId', recordA.personId, s.trainingRecords.b.personId, gRecord, (v) => app.trainingRecords.listFor(text(v)));

  // Check answers: one partition per quarter.
  const answer = s.checkAnswers.a;
  const gAnswer: Guard = { table: tableNames.checkAnswers, partitionKey: s.checkAnswers.b.quarter };
  write('CheckAnswersRepository.record', 'answer.quarter', answer.quarter, gAnswer, (v) => app.checkAnswers.record({ ...answer, quarter: text(v) }));
  write('CheckAnswersRepository.record', 'answer.itemId', answer.itemId, gAnswer, (v) => app.checkAnswers.record({ ...answer, itemId: text(v) }));
  read('CheckAnswersRepository.get', 'quarter', answer.quarter, s.checkAnswers.b.quarter, gAnswer, (v) => app.checkAnswers.get(text(v), answer.itemId));
  read('CheckAnswersRepository.get', 'itemId', answer.itemId, s.checkAnswers.b.itemId, gAnswer, (v) => app.checkAnswers.get(answer.quarter, text(v)));
  read('CheckAnswersRepository.listQuarter', 'quarter', answer.quarter, s.checkAnswers.b.quarter, gAnswer, (v) => app.checkAnswers.listQuarter(text(v)));

  // Référentiels: one partition per prefecture.
  const gLoire: Guard = { table: tableNames.commitments, partitionKey: s.referentiels.b };
  read('CommitmentsRepository.get', 'referentiel', s.referentiels.a, s.referentiels.b, gLoire, (v) => app.commitments.get(text(v), 'E.4'));
  read('CommitmentsRepository.get', 'id', 'E.4', 'E.5', gLoire, (v) => app.commitments.get(s.referentiels.a, text(v)));
  read('CommitmentsRepository.list', 'referentiel', s.referentiels.a, s.referentiels.b, gLoire, (v) => app.commitments.list(text(v)));
  write('CommitmentsRepository.loadMissing', 'file.prefecture', s.referentiels.a, gLoire, (v) => app.commitments.loadMissing({ ...readReferentielFile('cher'), prefecture: v as 'cher' }));

  // Directory.
  const gService: Guard = { table: tableNames.services, partitionKey: 'service', rowKey: s.services.b };
  read('ServicesRepository.get', 'code', s.services.a, s.services.b, gService, (v) => app.services.get(text(v)));
  write('ServicesRepository.upsertMany', 'services[].code', s.services.a, gService, (v) => app.services.upsertMany([{ code: text(v), name: 'Bureau des migrations et de l’intégration', parent: 'DC' }]));
  const gPerson: Guard = { table: tableNames.people, partitionKey: 'person', rowKey: s.people.b };
  const personA = async () => found(await app.people.get(s.people.a));
  read('PeopleRepository.get', 'id', s.people.a, s.people.b, gPerson, (v) => app.people.get(text(v)));
  read('PeopleRepository.known', 'id', s.people.a, s.people.b, gPerson, (v) => app.people.known(text(v)));
  write('PeopleRepository.create', 'person.id', s.people.a, gPerson, async (v) => app.people.create({ ...withoutEtag(await personA()), id: text(v) }));
  write('PeopleRepository.update', 'person.id', s.people.a, gPerson, async (v) => app.people.update({ ...(await personA()), id: text(v) }));
  write('PeopleRepository.upsertMany', 'people[].id', s.people.a, gPerson, async (v) => app.people.upsertMany([{ ...withoutEtag(await personA()), id: text(v) }]));

  // Report indicators: one partition per year.
  const figure = s.indicators.a;
  const gFigure: Guard = { table: tableNames.reportIndicators, partitionKey: s.indicators.b.period.slice(0, 4) };
  type ReportPeriod = typeof figure.period;
  read('ReportIndicatorsRepository.get', 'indicatorId', figure.indicatorId, 'taux-connexions', gFigure, (v) => app.reportIndicators.get(text(v), figure.period));
  read('ReportIndicatorsRepository.get', 'period', figure.period, s.indicators.b.period, gFigure, (v) => app.reportIndicators.get(figure.indicatorId, v as ReportPeriod));
  write('ReportIndicatorsRepository.set', 'entry.indicatorId', figure.indicatorId, gFigure, (v) => app.reportIndicators.set({ ...figure, indicatorId: text(v) }));
  write('ReportIndicatorsRepository.set', 'entry.period', figure.period, gFigure, (v) => app.reportIndicators.set({ ...figure, period: v as ReportPeriod }));
  const removeThenRestore = async (indicatorId: unknown, period: unknown) => {
    const removed = await app.reportIndicators.remove(indicatorId as string, period as ReportPeriod);
    if (removed) await app.reportIndicators.addMissing([removed]);
    return removed;
  };
  write('ReportIndicatorsRepository.remove', 'indicatorId', figure.indicatorId, gFigure, (v) => removeThenRestore(v, figure.period));
  write('ReportIndicatorsRepository.remove', 'period', figure.period, gFigure, (v) => removeThenRestore(figure.indicatorId, v));
  read('ReportIndicatorsRepository.listYear', 'year', 2026, 2025, gFigure, (v) => app.reportIndicators.listYear(year(v)));
  write('ReportIndicatorsRepository.addMissing', 'entries[].indicatorId', figure.indicatorId, gFigure, (v) => app.reportIndicators.addMissing([{ ...figure, indicatorId: text(v) }]));
  write('ReportIndicatorsRepository.addMissing', 'entries[].period', figure.period, gFigure, (v) => app.reportIndicators.addMissing([{ ...figure, period: v as ReportPeriod }]));

  // Reminder outbox: one partition per recipient; the queue in one partition.
  const reminder = s.reminders.a;
  const gOutbox: Guard = { table: tableNames.reminderOutbox, partitionKey: s.reminders.b.recipientId };
  const stored = async () => found(await app.outbox.get(reminder.recipientId, reminder.key));
  write('OutboxRepository.enqueue', 'reminders[].recipientId', reminder.recipientId, gOutbox, (v) => app.outbox.enqueue([{ ...reminder, recipientId: text(v) }], now()));
  write('OutboxRepository.enqueue', 'reminders[].key', reminder.key, gOutbox, (v) => app.outbox.enqueue([{ ...reminder, key: text(v) }], now()));
  read('OutboxRepository.get', 'recipientId', reminder.recipientId, s.reminders.b.recipientId, gOutbox, (v) => app.outbox.get(text(v), reminder.key));
  read('OutboxRepository.get', 'key', reminder.key, s.reminders.b.key, gOutbox, (v) => app.outbox.get(reminder.recipientId, text(v)));
  read('OutboxRepository.due', 'now', new Date('2026-11-23T09:00:00Z'), undefined, gOutbox, (v) => app.outbox.due(v as Date));
  read('OutboxRepository.listFor', 'recipientId', reminder.recipientId, s.reminders.b.recipientId, gOutbox, (v) => app.outbox.listFor(text(v)));
  for (const field of ['recipientId', 'key'] as const) {
    write('OutboxRepository.markSent', `entry.${field}`, reminder[field], gOutbox, async (v) => app.outbox.markSent({ ...(await stored()), [field]: v }, now()));
    write('OutboxRepository.markGivenUp', `entry.${field}`, reminder[field], gOutbox, async (v) => app.outbox.markGivenUp({ ...(await stored()), [field]: v }, 'failed', 'probe', now()));
    write('OutboxRepository.reschedule', `entry.${field}`, reminder[field], gOutbox, async (v) => app.outbox.reschedule({ ...(await stored()), [field]: v }, now(), 'probe'));
  }
  write('OutboxRepository.dequeue', 'recipientId', reminder.recipientId, gOutbox, (v) => app.outbox.dequeue(text(v), reminder.key));
  write('OutboxRepository.dequeue', 'key', reminder.key, gOutbox, (v) => app.outbox.dequeue(reminder.recipientId, text(v)));
  write('OutboxRepository.requeueUnreachable', 'recipientId', reminder.recipientId, gOutbox, (v) => app.outbox.requeueUnreachable(text(v), now()));

  // Leases and activity claims.
  const gLease: Guard = { table: tableNames.leases, partitionKey: 'lease', rowKey: s.leases.b };
  const held = async () => found(await app.leases.acquire(s.leases.a, 'probe-holder', now(), 60_000));
  write('LeaseRepository.acquire', 'name', s.leases.a, gLease, (v) => app.leases.acquire(text(v), 'probe-holder', now(), 60_000));
  write('LeaseRepository.renew', 'lease.name', s.leases.a, gLease, async (v) => app.leases.renew({ ...(await held()), name: text(v) }, now(), 60_000));
  write('LeaseRepository.release', 'lease.name', s.leases.a, gLease, async (v) => app.leases.release({ ...(await held()), name: text(v) }));
  const activityB = hashKey(...s.activities.b);
  const gActivity: Guard = { table: tableNames.processedActivities, partitionKey: activityB.slice(0, 2), rowKey: activityB };
  const [conversationA, activityA] = s.activities.a;
  write('ProcessedActivityRepository.claim', 'conversationId', conversationA, gActivity, (v) => app.processedActivities.claim(text(v), activityA, now()));
  write('ProcessedActivityRepository.claim', 'activityId', activityA, gActivity, (v) => app.processedActivities.claim(conversationA, text(v), now()));
  write('ProcessedActivityRepository.release', 'conversationId', conversationA, gActivity, (v) => app.processedActivities.release(text(v), activityA));
  write('ProcessedActivityRepository.release', 'activityId', activityA, gActivity, (v) => app.processedActivities.release(conversationA, text(v)));

  // Conversation references: one partition per scope.
  const { scope, key } = s.conversations.a;
  const gConversation: Guard = { table: tableNames.conversations, partitionKey: s.conversations.b.scope };
  const safeKey = async (make: () => string) => {
    const made = make();
    if (!isSafeKey(made)) throw new Error(`unsafe conversation key ${JSON.stringify(made)}`);
    return made;
  };
  write('ConversationReferenceRepository.keyFor', 'personId', s.people.a, gConversation, (v) => safeKey(() => ConversationReferenceRepository.keyFor('personal', text(v), 'conversation-probe')));
  write('ConversationReferenceRepository.keyFor', 'conversationId', 'conversation-probe', gConversation, (v) => safeKey(() => ConversationReferenceRepository.keyFor('channel', undefined, text(v))));
  write('ConversationReferenceRepository.remember', 'scope', scope, gConversation, (v) => app.conversations.remember(text(v), key, '{"probe":true}', at(), true));
  write('ConversationReferenceRepository.remember', 'key', key, gConversation, (v) => app.conversations.remember(scope, text(v), '{"probe":true}', at(), true));
  write('ConversationReferenceRepository.deactivate', 'scope', scope, gConversation, (v) => app.conversations.deactivate(text(v), key, at()));
  write('ConversationReferenceRepository.deactivate', 'key', key, gConversation, (v) => app.conversations.deactivate(scope, text(v), at()));
  read('ConversationReferenceRepository.get', 'scope', scope, s.conversations.b.scope, gConversation, (v) => app.conversations.get(text(v), key));
  read('ConversationReferenceRepository.get', 'key', key, s.conversations.b.key, gConversation, (v) => app.conversations.get(scope, text(v)));
  read('ConversationReferenceRepository.listActive', 'scope', scope, s.conversations.b.scope, gConversation, async (v) => {
    await app.conversations.remember(scope, key, '{"probe":true}', at(), true); // deactivate probes may have run
    return app.conversations.listActive(text(v));
  });

  // Audit trail: one partition per month.
  const gMonth: Guard = { table: tableNames.audit, partitionKey: s.months.b };
  read('AuditRepository.listMonth', 'month', s.months.a, s.months.b, gMonth, (v) => app.audit.listMonth(text(v)));
  read('AuditRepository.listMonth', 'options.entityId', s.auditEntities.a, s.auditEntities.b, gMonth, (v) => app.audit.listMonth(s.months.a, { entityId: text(v) }));
  read('AuditRepository.listMonth', 'options.limit', 100, undefined, gMonth, (v) => app.audit.listMonth(s.months.a, { limit: year(v) }));

  // Shared card copies: one partition per topic.
  const topic = s.topics.a;
  const gTopic: Guard = { table: tableNames.sharedCardCopies, partitionKey: s.topics.b };
  const copyA = async () => found((await app.sharedCards.list(topic))[0]);
  write('SharedCardCopiesRepository.addRecipients', 'topic', topic, gTopic, (v) => app.sharedCards.addRecipients(text(v), [s.people.a], at()));
  write('SharedCardCopiesRepository.addRecipients', 'recipientIds[]', s.people.a, gTopic, (v) => app.sharedCards.addRecipients(topic, [text(v)], at()));
  read('SharedCardCopiesRepository.list', 'topic', topic, s.topics.b, gTopic, (v) => app.sharedCards.list(text(v)));
  write('SharedCardCopiesRepository.markStale', 'topic', topic, gTopic, (v) => app.sharedCards.markStale(text(v), at()));
  for (const field of ['topic', 'recipientId'] as const) {
    write('SharedCardCopiesRepository.markSent', `copy.${field}`, field === 'topic' ? topic : s.people.a, gTopic, async (v) => app.sharedCards.markSent({ ...(await copyA()), [field]: v }, 'activity-probe', at()));
  }
  write('SharedCardCopiesRepository.markUnreachable', 'copy.topic', topic, gTopic, async (v) => app.sharedCards.markUnreachable({ ...(await copyA()), topic: text(v) }, at()));
  write('SharedCardCopiesRepository.markDropped', 'copy.topic', topic, gTopic, async (v) => app.sharedCards.markDropped({ ...(await copyA()), topic: text(v) }, at()));
  // Reads first: a write probe may store rows under a hostile but safe key, which a later read would then find.
  return [...probes.filter((probe) => probe.reads), ...probes.filter((probe) => !probe.reads)];
}
