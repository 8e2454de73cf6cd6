import type { ActionItem, ActionState } from '../../services/action-plan/action-item';
import type { AppServices } from '../../services/app-services';
import { demoCluMeetings } from '../../services/clu/demo-clu';
import type { CluMeeting } from '../../services/clu/clu-meeting';
import type { Complaint } from '../../services/complaints/complaint';
import { roundOf, type FraudSignalDraft } from '../../services/fraud/fraud-signal';
import { questionRoundOf } from '../../services/fraud/fraud-rules';
import { addCalendarDays } from '../../services/reminders/calendar';
import { quarterOf } from '../../services/reminders/quarter';

const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(13, '0')}`;

/** The demo people the fixtures name (services/demo/demo-directory.ts). */
export const demoIds = { alex: id(20), megan: id(21), adele: id(22), isaiah: id(23), patti: id(24), lynne: id(25), louis: id(104), sacha: id(199) };

/**
 * Fresh objects for the access matrix, each belonging to BMI and carried by Adele Vance (agent of BMI), so that Megan
 * Bowen manages the owning service and Lynne Robbins another one. Each served cell gets its own: one allowed person's
 * change never decides what the next one is answered.
 */
export class AccessFixtures {
  private count = 0;
  private meetings = 0;

  constructor(private readonly app: AppServices) {}

  private get now(): Date {
    return this.app.clock.now();
  }

  private get today(): string {
    return this.app.calendar.localDateOf(this.now);
  }

  /** The current quarter's id ("2026-Q4"). */
  quarter(): string {
    return quarterOf(this.today).id;
  }

  /** An action of BMI owned by Adele, in the given state. */
  async action(state: Extract<ActionState, 'proposed' | 'planned' | 'in-progress' | 'awaiting-approval'>): Promise<{ id: string; revision: number }> {
    const at = this.now.toISOString();
    const draft: ActionItem = {
      id: `${this.today.slice(0, 4)}-01`,
      year: Number(this.today.slice(0, 4)),
      finding: 'Délais moyens des titres de séjour non mis à jour au guichet étrangers',
      references: ['E.32'],
      sources: ['autodiagnostic'],
      state,
      deadline: addCalendarDays(this.today, 30),
      deadlineSetAt: at,
      action: 'Mettre à jour l’affiche des délais moyens au guichet et sur le site.',
      services: ['BMI'],
      ownerId: demoIds.adele,
      ...(state === 'in-progress' ? { progress: 'Affiche commandée.' } : {}),
      ...(state === 'awaiting-approval'
        ? { verification: 'Affiche posée et vérifiée au guichet.', effective: true, submittedAt: at, submittedBy: demoIds.adele }
        : {}),
      createdAt: at,
      createdBy: state === 'proposed' ? demoIds.adele : demoIds.alex,
      revision: 0,
    };
    const stored = await this.app.actions.create(draft, { actorId: draft.createdBy, action: 'action.create', entityType: 'action', entityId: '' }, this.now);
    return { id: stored.id, revision: stored.revision };
  }

  /** A check item of BMI owned by Adele; with `problem`, her « Problème » answer for the current quarter. */
  async checkItem(options: { problem?: boolean; active?: boolean } = {}): Promise<{ itemId: string; etag: string; quarter: string }> {
    this.count += 1;
    const itemId = `ACCES-${this.count}`;
    const stored = await this.app.checkItems.save({
      id: itemId,
      label: `Affichage des délais au guichet étrangers (${this.count})`,
      commitment: 'E.32',
      location: 'hall',
      ownerId: demoIds.adele,
      service: 'BMI',
      active: options.active ?? true,
      createdAt: this.now.toISOString(),
    });
    const quarter = this.quarter();
    if (options.problem) {
      await this.app.checkAnswers.record({ itemId, quarter, answer: 'problem', problem: 'Affiche absente du guichet.', answeredBy: demoIds.adele, answeredAt: this.now.toISOString(), late: false });
    }
    return { itemId, etag: stored.etag, quarter };
  }

  /** An e-mail complaint received today, of BMI, logged by and assigned to Adele. */
  async complaint(): Promise<{ id: string; revision: number }> {
    const at = this.now.toISOString();
    const dueOn = this.app.calendar.addWorkingDays(this.today, 5);
    const draft: Complaint = {
      id: `R-${this.today.slice(0, 4)}-0001`,
      channel: 'email',
      kind: 'complaint',
      receivedOn: this.today,
      summary: 'Pas de réponse à une demande de rendez-vous au guichet étrangers',
      commitment: 'E.17',
      inScope: true,
      service: 'BMI',
      assigneeId: demoIds.adele,
      assignedAt: at,
      initialDueOn: dueOn,
      dueOn,
      dueSetAt: at,
      replies: [],
      state: 'open',
      createdBy: demoIds.adele,
      createdAt: at,
      revision: 0,
    };
    const stored = await this.app.complaints.create(draft, { actorId: demoIds.adele, action: 'complaint.create', entityType: 'complaint', entityId: '' }, this.now);
    return { id: stored.id, revision: stored.revision };
  }

  /** A fraud signal of BMI written by Adele: waiting for a referent, or « à compléter » with the referent's question. */
  async fraudSignal(state: 'submitted' | 'to-complete' = 'submitted'): Promise<{ id: string; round: number }> {
    const at = this.now.toISOString();
    const base: FraudSignalDraft = {
      service: 'BMI',
      titleType: 'titre-sejour',
      nature: 'faux-bulletin-salaire',
      detectedOn: addCalendarDays(this.today, -3),
      fileReference: '2026-BMI-00412',
      description: 'Bulletins de salaire d’une entreprise radiée',
      article40: { reported: false },
      authorId: demoIds.adele,
      createdAt: at,
      submittedAt: at,
      exchanges: [],
      revision: 0,
      state: 'submitted',
    };
    if (state === 'submitted') {
      const signal = await this.app.fraudSignals.create(base);
      return { id: signal.id, round: roundOf(signal) };
    }
    const question = 'Le bulletin d’avril est-il au dossier ?';
    const signal = await this.app.fraudSignals.create({
      ...base,
      state: 'to-complete',
      qualification: { by: demoIds.isaiah, at, outcome: 'to-complete', question },
      exchanges: [{ question, askedBy: demoIds.isaiah, askedAt: at }],
      revision: 1,
    });
    return { id: signal.id, round: questionRoundOf(signal) };
  }

  /**
   * A CLU meeting with the demo's internal members (the chair, the quality officer, the fraud referent, the service
   * heads of BMI, CERT… and SIDSIC; not Adele): coming in three weeks, started an hour ago, or held last week.
   */
  async cluMeeting(kind: 'upcoming' | 'started' | 'held'): Promise<{ id: string; revision: number }> {
    this.meetings += 1;
    const [demo] = demoCluMeetings(this.now, this.app.calendar).meetings;
    if (!demo) throw new Error('the demo has a CLU meeting');
    const { heldOn: _heldOn, heldAt: _heldAt, minutesRecordedOn: _minutes, ...template } = demo;
    const day = kind === 'upcoming' ? addCalendarDays(this.today, 21) : kind === 'started' ? this.today : addCalendarDays(this.today, -7);
    const startsAt = kind === 'started' ? new Date(this.now.getTime() - 3_600_000).toISOString() : this.app.calendar.localInstant(day, '14:00').toISOString();
    const meeting: CluMeeting = {
      ...template,
      id: `CLU-${this.today.slice(0, 4)}-${this.meetings}`,
      startsAt,
      state: kind === 'held' ? 'held' : 'scheduled',
      ...(kind === 'held' ? { heldOn: day, heldAt: this.app.calendar.localInstant(day, '17:00').toISOString() } : {}),
      minutesDueOn: addCalendarDays(day, 30),
      scheduledAt: addCalendarDays(day, -30) + 'T08:00:00.000Z',
      createdAt: addCalendarDays(day, -30) + 'T08:00:00.000Z',
      revision: 0,
    };
    await this.app.clu.create(meeting);
    return { id: meeting.id, revision: meeting.revision };
  }

  /** An obligation of the label calendar owned by Adele, due in 20 days (retired when `active` is false). */
  async obligation(active = true): Promise<{ id: string; etag: string; dueOn: string }> {
    this.count += 1;
    const at = this.now.toISOString();
    const dueOn = addCalendarDays(this.today, 20);
    const [stored] = await this.app.labelCalendar.writeAll([
      {
        obligation: {
          id: `affichage-delais-${this.count}`,
          label: { fr: 'Mise à jour de l’affichage des délais BMI', en: 'Update of the BMI delays poster' },
          reference: 'E.32',
          schedule: { kind: 'recurring', everyMonths: 3 },
          dueOn,
          ownerId: demoIds.adele,
          history: [],
          active,
          revision: 0,
          dueSetAt: at,
          createdAt: at,
        },
      },
    ]);
    if (!stored) throw new Error('obligation not written');
    return { id: stored.id, etag: stored.etag, dueOn };
  }

  /** A training type of the catalogue, for BMI's agents (retired when `active` is false). */
  async trainingType(active = true): Promise<{ typeId: string; etag: string }> {
    this.count += 1;
    const stored = await this.app.trainingTypes.save({
      id: `accueil-etrangers-${this.count}`,
      label: { fr: `Accueil des étrangers (${this.count})`, en: `Welcoming foreigners (${this.count})` },
      commitment: 'E.28',
      validityMonths: 48,
      requiredFor: { services: ['BMI'] },
      active,
    });
    return { typeId: stored.id, etag: stored.etag };
  }

  /** The ETag a person form is built from. */
  async personEtag(personId: string): Promise<string> {
    return (await this.app.people.get(personId))?.etag ?? '';
  }

  /** Today's date in the prefecture, days added. */
  day(offset = 0): string {
    return addCalendarDays(this.today, offset);
  }
}
