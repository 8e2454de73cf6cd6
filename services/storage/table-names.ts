/** Every table Qualibot uses; created at start-up. See docs/DATA-MODEL.md for their keys. */
export const tableNames = {
  people: 'People',
  services: 'Services',
  conversations: 'ConversationReferences',
  processedActivities: 'ProcessedActivities',
  audit: 'AuditTrail',
  commitments: 'Commitments',
  reminderOutbox: 'ReminderOutbox',
  reminderQueue: 'ReminderQueue',
  leases: 'Leases',
  checkItems: 'CheckItems',
  checkAnswers: 'CheckAnswers',
  trainingTypes: 'TrainingTypes',
  trainingRecords: 'TrainingRecords',
  sharedCardCopies: 'SharedCardCopies',
  actionItems: 'ActionItems',
  fraudSignals: 'FraudSignals',
  fraudSignalAuthors: 'FraudSignalAuthors',
  numberFloors: 'NumberFloors',
  fraudVolumes: 'FraudVolumes',
  complaints: 'Complaints',
  cluMeetings: 'CluMeetings',
  labelCalendar: 'LabelCalendar',
  reportIndicators: 'ReportIndicators',
  changeStamps: 'ChangeStamps',
} as const;

/** One of Qualibot's table names. */
export type TableName = (typeof tableNames)[keyof typeof tableNames];
