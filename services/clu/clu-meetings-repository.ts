import type { TableClient } from '@azure/data-tables';
import { assertSafeKey, lookupKey, storageKey } from '../storage/keys';
import { partitionFilter } from '../storage/odata-filter';
import { ConcurrentUpdateError, isConflict, isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { listAllEntities } from '../storage/table-pages';
import { cluAnswerSchema, cluMeetingIdSchema, cluMeetingSchema, type CluAnswer, type CluMeeting } from './clu-meeting';

/** A meeting as read from storage, with the ETag its next change must match. */
export type StoredCluMeeting = CluMeeting & { etag: string };

/** An answer as read from storage, with its ETag. */
export type StoredCluAnswer = CluAnswer & { etag: string };

/** Every meeting lives in this partition: the list is one partition read (a prefecture holds one or two a year). */
const meetingPartition = 'meeting';
/** The answers to one meeting: one partition per meeting, so "who answered" is one partition read. */
const answersPartition = (meetingId: string) => `answers|${storageKey(meetingId, 'CLU meeting id', cluMeetingIdSchema)}`;

interface MeetingRow {
  /** The whole meeting as JSON, checked against the schema on the way out. */
  data: string;
  /** Copies of what a glance at the table needs. */
  state: string;
  startsAt: string;
}

interface AnswerRow {
  answer: string;
  answeredAt: string;
  forStartsAt: string;
}

function toMeetingRow(meeting: CluMeeting) {
  const valid = cluMeetingSchema.parse(meeting);
  return { partitionKey: meetingPartition, rowKey: assertSafeKey(valid.id, 'CLU meeting id'), data: JSON.stringify(valid), state: valid.state, startsAt: valid.startsAt };
}

function fromMeetingRow(row: MeetingRow & { etag?: string }): StoredCluMeeting {
  return { ...cluMeetingSchema.parse(JSON.parse(row.data)), etag: row.etag ?? '' };
}

function fromAnswerRow(meetingId: string, row: AnswerRow & { rowKey?: string; etag?: string }): StoredCluAnswer {
  const answer = cluAnswerSchema.parse({ meetingId, personId: row.rowKey, answer: row.answer, answeredAt: row.answeredAt, forStartsAt: row.forStartsAt });
  return { ...answer, etag: row.etag ?? '' };
}

/**
 * Meetings of the Comité local des usagers and the members' answers (issue 7), in table `CluMeetings`: meetings under
 * PartitionKey 'meeting', RowKey = number ('CLU-2026'); answers under PartitionKey 'answers|CLU-2026', RowKey = the
 * member's aadObjectId. Every change is guarded by the row's ETag.
 */
export class CluMeetingsRepository {
  constructor(private readonly table: TableClient) {}

  /** One meeting, or undefined (also for a value that cannot be a meeting number). */
  async get(id: string): Promise<StoredCluMeeting | undefined> {
    const key = lookupKey(id, cluMeetingIdSchema);
    if (key === undefined) return undefined;
    try {
      return fromMeetingRow(await this.table.getEntity<MeetingRow>(meetingPartition, key));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every meeting, oldest first. */
  async list(): Promise<StoredCluMeeting[]> {
    const rows = await listAllEntities<MeetingRow>(this.table, partitionFilter(meetingPartition, 'CLU meetings'));
    return rows.map(fromMeetingRow).sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  }

  /** Stores a new meeting; ConcurrentUpdateError when its number was taken meanwhile (nothing is written then). */
  async create(meeting: CluMeeting): Promise<StoredCluMeeting> {
    try {
      const response = await this.table.createEntity(toMeetingRow(meeting));
      return { ...meeting, etag: response.etag ?? '' };
    } catch (error) {
      if (isConflict(error)) throw new ConcurrentUpdateError(`CLU meeting ${meeting.id}`);
      throw error;
    }
  }

  /** Stores the next version if the meeting has not changed since it was read; ConcurrentUpdateError otherwise. */
  async update(current: StoredCluMeeting, next: CluMeeting): Promise<StoredCluMeeting> {
    const row = toMeetingRow(next); // checks the number before it is compared or used as a key
    if (next.id !== current.id) throw new Error('a CLU meeting keeps its number');
    try {
      const response = await this.table.updateEntity(row, 'Replace', { etag: current.etag });
      return { ...next, etag: response.etag ?? '' };
    } catch (error) {
      if (isPreconditionFailed(error) || isNotFound(error)) throw new ConcurrentUpdateError(`CLU meeting ${current.id}`);
      throw error;
    }
  }

  /** The answers given to one meeting's invitation; none for a value that cannot be a meeting number. */
  async answers(meetingId: string): Promise<StoredCluAnswer[]> {
    if (lookupKey(meetingId, cluMeetingIdSchema) === undefined) return [];
    const rows = await listAllEntities<AnswerRow>(this.table, partitionFilter(answersPartition(meetingId), 'CLU answers'));
    return rows.map((row) => fromAnswerRow(meetingId, row));
  }

  /** One member's answer, if given; undefined for a value that cannot be a meeting number. */
  async answerOf(meetingId: string, personId: string): Promise<StoredCluAnswer | undefined> {
    if (lookupKey(meetingId, cluMeetingIdSchema) === undefined) return undefined;
    try {
      return fromAnswerRow(meetingId, await this.table.getEntity<AnswerRow>(answersPartition(meetingId), assertSafeKey(personId, 'person id')));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * Records a member's answer over the one read (`previous`, absent for a first answer): two clicks at once from two
   * devices cannot both win; the loser gets ConcurrentUpdateError and is shown the answer that stands.
   */
  async saveAnswer(answer: CluAnswer, previous: StoredCluAnswer | undefined): Promise<StoredCluAnswer> {
    const valid = cluAnswerSchema.parse(answer);
    const row = {
      partitionKey: answersPartition(valid.meetingId),
      rowKey: assertSafeKey(valid.personId, 'person id'),
      answer: valid.answer,
      answeredAt: valid.answeredAt,
      forStartsAt: valid.forStartsAt,
    };
    try {
      const response = previous ? await this.table.updateEntity(row, 'Replace', { etag: previous.etag }) : await this.table.createEntity(row);
      return { ...valid, etag: response.etag ?? '' };
    } catch (error) {
      if (isConflict(error) || isPreconditionFailed(error) || isNotFound(error)) throw new ConcurrentUpdateError(`CLU answer ${valid.meetingId}`);
      throw error;
    }
  }

  /** Adds meetings whose number is not taken yet (demo data), with their answers. Returns how many meetings were added. */
  async addMissing(meetings: readonly CluMeeting[], answers: readonly CluAnswer[] = []): Promise<number> {
    const known = new Set((await this.list()).map((meeting) => meeting.id));
    let added = 0;
    for (const meeting of meetings.filter((candidate) => !known.has(candidate.id))) {
      try {
        await this.create(meeting);
        added += 1;
      } catch (error) {
        // Another instance seeding at the same moment: theirs stands.
        if (!(error instanceof ConcurrentUpdateError)) throw error;
        continue;
      }
      for (const answer of answers.filter((candidate) => candidate.meetingId === meeting.id)) {
        if (!(await this.answerOf(meeting.id, answer.personId))) await this.saveAnswer(answer, undefined);
      }
    }
    return added;
  }
}
