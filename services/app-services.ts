import { ActionItemsRepository } from './action-plan/action-items-repository';
import { AuditRepository } from './audit/audit-repository';
import { CheckAnswersRepository } from './checks/check-answers-repository';
import { CheckItemsAdmin } from './checks/check-items-admin';
import { CheckItemsRepository } from './checks/check-items-repository';
import { ComplaintsRepository } from './complaints/complaints-repository';
import { CluMeetingsRepository } from './clu/clu-meetings-repository';
import type { Clock } from './clock';
import { ConversationReferenceRepository } from './conversations/conversation-reference-repository';
import { ProcessedActivityRepository } from './conversations/processed-activity-repository';
import { DirectoryService } from './directory/directory-service';
import { FraudSignalsRepository } from './fraud/fraud-signals-repository';
import { FraudVolumesRepository } from './fraud/fraud-volumes-repository';
import { LabelCalendarAdmin } from './label-calendar/label-calendar-admin';
import { LabelCalendarRepository } from './label-calendar/label-calendar-repository';
import { PeopleRepository } from './directory/people-repository';
import { ReportIndicatorsRepository } from './report/report-indicators-repository';
import { ServicesRepository } from './directory/services-repository';
import type { ReferentielId } from './referentiel/commitment';
import { CommitmentsRepository } from './referentiel/commitments-repository';
import { calendarFor, type WorkingCalendar } from './reminders/calendar';
import { LeaseRepository } from './reminders/lease-repository';
import { OutboxRepository } from './reminders/outbox-repository';
import { SweepStateRepository } from './reminders/sweep-state-repository';
import { readReferentielFile } from './referentiel/referentiel-files';
import { SharedCardCopiesRepository } from './shared-cards/shared-card-copies-repository';
import { ChangeStamps } from './storage/change-stamps';
import { tableNames } from './storage/table-names';
import { StatusFigures, statusTables } from './status/status-figures';
import type { Logger } from './logger';
import type { TableStore } from './storage/table-store';
import { TrainingRecordsRepository } from './training/training-records-repository';
import { TrainingTypesRepository } from './training/training-types-repository';
import { defaultTrainingTypes } from './training/default-training-types';
import { TrainingTypesAdmin } from './training/training-types-admin';

/** Everything handlers use: repositories and use cases over one storage account. */
export interface AppServices {
  store: TableStore;
  clock: Clock;
  /** The référentiel this deployment uses. */
  referentiel: ReferentielId;
  /** IANA zone in which dates are shown and deadlines computed. */
  timeZone: string;
  /** Working days and sending window in that zone (French holidays): one instance, building one loads the holiday rules. */
  calendar: WorkingCalendar;
  people: PeopleRepository;
  services: ServicesRepository;
  commitments: CommitmentsRepository;
  audit: AuditRepository;
  conversations: ConversationReferenceRepository;
  processedActivities: ProcessedActivityRepository;
  directory: DirectoryService;
  /** Reminders planned, queued and sent. */
  outbox: OutboxRepository;
  leases: LeaseRepository;
  sweepState: SweepStateRepository;
  /** Quarterly checks of published information. */
  checkItems: CheckItemsRepository;
  checkAnswers: CheckAnswersRepository;
  /** The quality officer's management of check items (create, edit, retire, import). */
  checkItemsAdmin: CheckItemsAdmin;
  /** Training on a 4-year cycle: the catalogue of types and who completed what (DOMAIN §2). */
  trainingTypes: TrainingTypesRepository;
  trainingRecords: TrainingRecordsRepository;
  /** The quality officer's management of the training types (create, edit, retire, restore). */
  trainingTypesAdmin: TrainingTypesAdmin;
  /** Copies of cards several people hold (approval requests), to send and keep current. */
  sharedCards: SharedCardCopiesRepository;
  /** The action plan: items and their history. */
  actions: ActionItemsRepository;
  /** Fraud signals (23.x, E.33), seen by their author, the fraud referents and the quality officer only. */
  fraudSignals: FraudSignalsRepository;
  /** Files processed per fraud domain and period: the denominator of the fraud rates. */
  fraudVolumes: FraudVolumesRepository;
  /** Complaints, suggestions and information requests, with their history (3.1, E.16–E.18). */
  complaints: ComplaintsRepository;
  /** Meetings of the Comité local des usagers and the members' answers to their invitation (DOMAIN §4). */
  clu: CluMeetingsRepository;
  /** The label calendar's dated obligations (DOMAIN §5): renewal, audits, survey, 20.3, 23.3, ES49. */
  labelCalendar: LabelCalendarRepository;
  /** Creating, editing, retiring obligations and marking their occurrences done (issue 7). */
  labelCalendarAdmin: LabelCalendarAdmin;
  /** Figures the quality officer enters for the yearly report: title delays, calls, website (issue 7). */
  reportIndicators: ReportIndicatorsRepository;
  /** Stamps moved by every write to the tables the overview counts, on whichever instance. */
  changeStamps: ChangeStamps;
  /** The `statut` overview, each area kept until one of its tables changes. */
  status: StatusFigures;
}

/** Wires repositories and use cases to a storage account. */
export function createAppServices(
  store: TableStore,
  clock: Clock,
  options: { referentiel: ReferentielId; timeZone: string; initialAdmins?: readonly string[]; logger?: Logger },
): AppServices {
  const calendar = calendarFor(options.timeZone);
  const changeStamps = new ChangeStamps(store.table(tableNames.changeStamps), options.logger);
  for (const table of statusTables) changeStamps.track(table, store.table(table));
  const people = new PeopleRepository(store.table(tableNames.people));
  const services = new ServicesRepository(store.table(tableNames.services));
  const audit = new AuditRepository(store.table(tableNames.audit), clock);
  const commitments = new CommitmentsRepository(store.table(tableNames.commitments));
  const checkItems = new CheckItemsRepository(store.table(tableNames.checkItems));
  const trainingTypes = new TrainingTypesRepository(store.table(tableNames.trainingTypes));
  const labelCalendar = new LabelCalendarRepository(store.table(tableNames.labelCalendar));
  const repositories = {
    store,
    clock,
    referentiel: options.referentiel,
    timeZone: options.timeZone,
    calendar,
    people,
    services,
    commitments,
    audit,
    conversations: new ConversationReferenceRepository(store.table(tableNames.conversations)),
    processedActivities: new ProcessedActivityRepository(store.table(tableNames.processedActivities)),
    directory: new DirectoryService(people, services, audit, clock, options.initialAdmins ?? []),
    outbox: new OutboxRepository(store.table(tableNames.reminderOutbox), store.table(tableNames.reminderQueue)),
    leases: new LeaseRepository(store.table(tableNames.leases)),
    sweepState: new SweepStateRepository(store.table(tableNames.leases)),
    checkItems,
    checkItemsAdmin: new CheckItemsAdmin({ checkItems, people, services, commitments, audit, clock, referentiel: options.referentiel }),
    checkAnswers: new CheckAnswersRepository(store.table(tableNames.checkAnswers)),
    trainingTypes,
    trainingTypesAdmin: new TrainingTypesAdmin({ trainingTypes, services, audit }),
    trainingRecords: new TrainingRecordsRepository(store.table(tableNames.trainingRecords)),
    sharedCards: new SharedCardCopiesRepository(store.table(tableNames.sharedCardCopies)),
    actions: new ActionItemsRepository(store.table(tableNames.actionItems)),
    fraudSignals: new FraudSignalsRepository(store.table(tableNames.fraudSignals), store.table(tableNames.fraudSignalAuthors), store.table(tableNames.numberFloors)),
    fraudVolumes: new FraudVolumesRepository(store.table(tableNames.fraudVolumes)),
    complaints: new ComplaintsRepository(store.table(tableNames.complaints)),
    clu: new CluMeetingsRepository(store.table(tableNames.cluMeetings)),
    labelCalendar,
    reportIndicators: new ReportIndicatorsRepository(store.table(tableNames.reportIndicators)),
    labelCalendarAdmin: new LabelCalendarAdmin({ labelCalendar, people, audit, clock, calendar }),
    changeStamps,
  };
  return { ...repositories, status: new StatusFigures(repositories, changeStamps) };
}

/**
 * Creates the tables, loads the référentiel's commitments not stored yet and, into an empty catalogue only, the
 * label's six training types (safe to run at every start).
 */
export async function prepareStorage(app: AppServices): Promise<{ commitmentsAdded: number; trainingTypesAdded: number }> {
  await app.store.ensureTables();
  const commitmentsAdded = await app.commitments.loadMissing(readReferentielFile(app.referentiel));
  // Only when empty: a type the quality officer edited or retired is never overwritten nor brought back (issue 4).
  const trainingTypesAdded = (await app.trainingTypes.list()).length === 0 ? await app.trainingTypes.addMissing(defaultTrainingTypes) : 0;
  return { commitmentsAdded, trainingTypesAdded };
}
