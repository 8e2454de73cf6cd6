import type { StoredActionItem } from '../../services/action-plan/action-items-repository';
import { adele, alex, isaiah, megan, messageActivity } from './activities';
import type { BotHarness } from './bot-harness';
import { cardsSentTo, repliesTo, type Persona } from './fault-kit';

/** What went wrong in storage outage runs, per kind: each finding is one record or message. */
export type OutageTally = Record<'lost' | 'duplicates' | 'halfWritten' | 'auditGaps' | 'ownerNotTold' | 'remindersLost' | 'remindersTwice', number>;

/** One run of test/reliability/storage-outage.test.ts: what its turns and its sweep were meant to leave. */
export interface OutageRun {
  run: number;
  /** The turns posted; the first is the chat command « qui suis-je » of Alex. */
  turns: { activity: { id: string } }[];
  /** The action Adele marks done, and the one Megan approves. */
  toMarkDone: StoredActionItem;
  toApprove: StoredActionItem;
  /** File reference of Adele's fraud signal, summary of Megan's complaint for Adele. */
  fileReference: string;
  summary: string;
  /** Everyone the run's sweep reminds (two reminders each, « Rappel d’essai <run>.<n> »). */
  people: Persona[];
}

/** How many digests brought one person one reminder of a run. */
export function remindersReceived(harness: BotHarness, run: number, person: Persona, n: number): number {
  return cardsSentTo(harness, person).filter((text) => new RegExp(`Rappel d’essai ${run}\\.${n}(?!\\d)`).test(text)).length;
}

/**
 * Reads back everything a run should have left once the storage is back, the retries done and the next sweep run,
 * and notes each record or message missing, doubled or written without its companion row.
 */
export async function inspectOutageRun(harness: BotHarness, subject: OutageRun, note: (kind: keyof OutageTally, what: string, count?: number) => void): Promise<void> {
  const { app } = harness.bot;
  const { run } = subject;
  // The chat command: answered in the end (by the first attempt, the redelivery or the person typing again).
  if (!repliesTo(harness, subject.turns[0]?.activity.id ?? '').some((text) => text.includes('Alex Wilber'))) {
    const again = messageActivity(harness.connector.url, 'qui suis-je', alex);
    await harness.post(again);
    if (!repliesTo(harness, again.id).some((text) => text.includes('Alex Wilber'))) note('lost', 'command never answered');
  }
  const audited = async (id: string, action: string) => (await app.audit.listMonth('2026-11', { entityId: id, limit: 1000 })).some((entry) => entry.action === action);

  // « Déclarer réalisée »: item and history in one transaction; the approvers' copies listed before it.
  const done = await app.actions.get(subject.toMarkDone.id);
  const doneRows = (await app.actions.history(subject.toMarkDone.id)).filter((entry) => entry.action === 'action.mark-done').length;
  if (done?.state !== 'awaiting-approval') note('lost', `closure of ${subject.toMarkDone.id} (${done?.state})`);
  note('duplicates', `mark-done history rows of ${subject.toMarkDone.id}`, doneRows - 1);
  if (done?.state === 'awaiting-approval' && doneRows === 0) note('halfWritten', `${subject.toMarkDone.id} done without history`);
  const requests = cardsSentTo(harness, megan).filter((text) => text.includes(`Clôture à valider — action ${subject.toMarkDone.id}`)).length;
  if (requests === 0) note('lost', `approval card of ${subject.toMarkDone.id}`);
  note('duplicates', `approval cards of ${subject.toMarkDone.id}`, requests - 1);
  if (!(await audited(subject.toMarkDone.id, 'action.mark-done'))) note('auditGaps', subject.toMarkDone.id);

  // « Approuver »: one decision with its history row (one transaction); the owner's card is listed after the write.
  const approved = await app.actions.get(subject.toApprove.id);
  const approveRows = (await app.actions.history(subject.toApprove.id)).filter((entry) => entry.action === 'action.approve').length;
  if (approved?.state !== 'closed') note('lost', `approval of ${subject.toApprove.id} (${approved?.state})`);
  note('duplicates', `approve history rows of ${subject.toApprove.id}`, approveRows - 1);
  if (approved?.state === 'closed' && approveRows === 0) note('halfWritten', `${subject.toApprove.id} closed without history`);
  if (!cardsSentTo(harness, adele).some((text) => text.includes(`Décision sur l’action ${subject.toApprove.id}`))) note('ownerNotTold', subject.toApprove.id);
  if (!(await audited(subject.toApprove.id, 'action.approve'))) note('auditGaps', subject.toApprove.id);

  // Fraud signal: the signal, its author's index row, its audit line and the referent's card, each once.
  const signals = (await app.fraudSignals.listPartition('BMI', 2026)).filter((signal) => signal.fileReference === subject.fileReference);
  if (signals.length === 0) note('lost', `fraud signal ${subject.fileReference}`);
  note('duplicates', `fraud signals ${subject.fileReference}`, signals.length - 1);
  const mine = new Set((await app.fraudSignals.listByAuthor(adele.aadObjectId)).map((signal) => signal.id));
  for (const signal of signals) {
    if (!mine.has(signal.id)) note('halfWritten', `${signal.id} missing from « mes signalements »`);
    if (!(await audited(signal.id, 'fraud.submit'))) note('auditGaps', signal.id);
    const toReferent = cardsSentTo(harness, isaiah).filter((text) => text.includes(`Signalement à qualifier — ${signal.id}`)).length;
    if (toReferent === 0) note('lost', `qualification card of ${signal.id}`);
    note('duplicates', `qualification cards of ${signal.id}`, toReferent - 1);
  }

  // Complaint: the complaint with its history row (one transaction), its audit line and the agent's card, each once.
  const complaints = (await app.complaints.listYear(2026)).filter((complaint) => complaint.summary === subject.summary);
  if (complaints.length === 0) note('lost', `complaint « ${subject.summary} »`);
  note('duplicates', `complaints « ${subject.summary} »`, complaints.length - 1);
  for (const complaint of complaints) {
    if ((await app.complaints.history(complaint.id)).length === 0) note('halfWritten', `${complaint.id} without history`);
    if (!(await audited(complaint.id, 'complaint.create'))) note('auditGaps', complaint.id);
    const toAgent = cardsSentTo(harness, adele).filter((text) => text.includes(complaint.id) && text.includes('Cette réclamation vous est confiée')).length;
    if (toAgent === 0) note('lost', `assigned card of ${complaint.id}`);
    note('duplicates', `assigned cards of ${complaint.id}`, toAgent - 1);
  }

  // The sweep: every reminder of the run reached its person.
  for (const person of subject.people) {
    for (const n of [1, 2]) {
      const received = remindersReceived(harness, run, person, n);
      if (received === 0) note('remindersLost', `reminder ${run}.${n} of ${person.name}`);
      note('remindersTwice', `reminder ${run}.${n} of ${person.name}`, received - 1);
    }
  }
}
