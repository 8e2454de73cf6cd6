import { actionFormCard, actionFormSample } from './action-form';
import { actionHistoryCard, actionHistorySample } from './action-history';
import { actionItemCard, actionItemSample } from './action-item';
import { actionPlanExportCard, actionPlanExportSample } from './action-plan-export';
import { actionPlanImportCard, actionPlanImportSample } from './action-plan-import';
import { actionPlanCard, actionPlanSample } from './action-plan';
import { checkCard, checkSample } from './check';
import { checkItemFormCard, checkItemFormSample } from './check-item-form';
import { checkItemsCard, checkItemsSample } from './check-items';
import { checkItemsImportCard, checkItemsImportSample } from './check-items-import';
import { checksStatusCard, checksStatusSample } from './checks-status';
import { cluCard, cluSample } from './clu';
import { cluFormCard, cluFormSample } from './clu-form';
import { cluInvitationCard, cluInvitationSample } from './clu-invitation';
import { commitmentCard, commitmentSample } from './commitment';
import { commitmentsCard, commitmentsSample } from './commitments';
import { complaintCard, complaintSample } from './complaint';
import { complaintFormCard, complaintFormSample } from './complaint-form';
import { complaintsCard, complaintsSample } from './complaints';
import { directoryCard, directorySample } from './directory';
import { directoryImportCard, directoryImportSample } from './directory-import';
import { exportCard, exportSample } from './export';
import { fraudFormCard, fraudFormSample } from './fraud-form';
import { fraudOverviewCard, fraudOverviewSample } from './fraud-overview';
import { fraudSignalCard, fraudSignalSample } from './fraud-signal';
import { fraudSignalsCard, fraudSignalsSample } from './fraud-signals';
import { fraudVolumesCard, fraudVolumesSample } from './fraud-volumes';
import { helpCard, helpSample } from './help';
import { labelCalendarCard, labelCalendarSample } from './label-calendar';
import { labelCalendarAllCard, labelCalendarAllSample } from './label-calendar-all';
import { labelCalendarDoneCard, labelCalendarDoneSample } from './label-calendar-done';
import { labelCalendarFormCard, labelCalendarFormSample } from './label-calendar-form';
import type { Locale } from './locale';
import { noticeCard, noticeSample } from './notice';
import { personFormCard, personFormSample } from './person-form';
import { reminderDigestCard, reminderDigestSample } from './reminder-digest';
import { reportCard, reportSample } from './report';
import { reportIndicatorsCard, reportIndicatorsSample } from './report-indicators';
import { statusCard, statusSample } from './status';
import type { CardJson } from './render';
import { trainingFormCard, trainingFormSample } from './training-form';
import { trainingOverviewCard, trainingOverviewSample } from './training-overview';
import { trainingStatusCard, trainingStatusSample } from './training-status';
import { trainingTypeFormCard, trainingTypeFormSample } from './training-type-form';
import { trainingTypesCard, trainingTypesSample } from './training-types';
import { unknownCommandCard, unknownCommandSample } from './unknown-command';
import { welcomeCard, welcomeSample } from './welcome';
import { whoamiCard, whoamiSample } from './whoami';

/** Every card with its sample data: the gallery that tests render, parse and measure. */
export const cardGallery: Record<string, (locale: Locale) => CardJson> = {
  welcome: (locale) => welcomeCard(welcomeSample, locale),
  help: (locale) => helpCard(helpSample, locale),
  whoami: (locale) => whoamiCard(whoamiSample, locale),
  'unknown-command': (locale) => unknownCommandCard(unknownCommandSample, locale),
  notice: (locale) => noticeCard(noticeSample, locale),
  commitments: (locale) => commitmentsCard(commitmentsSample, locale),
  commitment: (locale) => commitmentCard(commitmentSample, locale),
  directory: (locale) => directoryCard(directorySample, locale),
  'person-form': (locale) => personFormCard(personFormSample, locale),
  'directory-import': (locale) => directoryImportCard(directoryImportSample, locale),
  'reminder-digest': (locale) => reminderDigestCard(reminderDigestSample, locale),
  check: (locale) => checkCard(checkSample, locale),
  'check-problem': (locale) =>
    checkCard({ ...checkSample, answered: true, canAnswer: false, answerText: 'Problème signalé : affiche absente — Alex Wilber, le 04/01/2027 à 10:12', canCreateAction: true }, locale),
  'check-problem-action': (locale) =>
    checkCard({ ...checkSample, answered: true, canAnswer: false, answerText: 'Problème signalé : affiche absente', actionId: '2027-03', actionText: 'Action 2027-03 ouverte (proposée).' }, locale),
  'action-history': (locale) => actionHistoryCard(actionHistorySample, locale),
  'action-item': (locale) => actionItemCard(actionItemSample, locale),
  'action-plan': (locale) => actionPlanCard(actionPlanSample, locale),
  'action-form': (locale) => actionFormCard(actionFormSample, locale),
  'action-item-planned': (locale) =>
    actionItemCard({ ...actionItemSample, heading: 'Action 2026-04', verbs: ['update-progress', 'edit', 'mark-done', 'cancel'], refreshUserIds: [] }, locale),
  'action-item-proposal': (locale) =>
    actionItemCard({ ...actionItemSample, heading: 'Action 2026-03', verbs: ['accept', 'refuse-proposal', 'edit'], refreshUserIds: [] }, locale),
  'checks-status': (locale) => checksStatusCard(checksStatusSample, locale),
  'action-plan-export': (locale) => actionPlanExportCard(actionPlanExportSample, locale),
  'action-plan-import': (locale) => actionPlanImportCard(actionPlanImportSample, locale),
  'training-form': (locale) => trainingFormCard(trainingFormSample, locale),
  'training-status': (locale) => trainingStatusCard(trainingStatusSample, locale),
  'training-overview': (locale) => trainingOverviewCard(trainingOverviewSample, locale),
  'training-types': (locale) => trainingTypesCard(trainingTypesSample, locale),
  'training-type-form': (locale) => trainingTypeFormCard(trainingTypeFormSample, locale),
  'fraud-form': (locale) => fraudFormCard(fraudFormSample, locale),
  'fraud-signal': (locale) => fraudSignalCard(fraudSignalSample, locale),
  'fraud-signal-to-complete': (locale) =>
    fraudSignalCard(
      {
        ...fraudSignalSample,
        heading: 'Qualification de votre signalement BMI-2027-0004',
        stateLabel: 'À compléter par l’auteur',
        stateColor: 'Attention',
        questionRound: '1798966800000',
        exchanges: [{ question: '**Question** de Isaiah Langer, le 05/01/2027 11:00 : Le bulletin d’avril est-il aussi au dossier ?', answer: 'En attente de la réponse de l’auteur.' }],
        qualificationText: 'Complément demandé par Isaiah Langer le 05/01/2027 11:00.',
        canQualify: false,
        canAnswer: true,
      },
      locale,
    ),
  'fraud-signals': (locale) => fraudSignalsCard(fraudSignalsSample, locale),
  'fraud-overview': (locale) => fraudOverviewCard(fraudOverviewSample, locale),
  'fraud-volumes': (locale) => fraudVolumesCard(fraudVolumesSample, locale),
  'check-items': (locale) => checkItemsCard(checkItemsSample, locale),
  'check-item-form': (locale) => checkItemFormCard(checkItemFormSample, locale),
  'check-items-import': (locale) => checkItemsImportCard(checkItemsImportSample, locale),
  complaint: (locale) => complaintCard(complaintSample, locale),
  'complaint-answered': (locale) =>
    complaintCard({ ...complaintSample, stateLabel: 'Répondue', stateColor: 'Good', dueText: 'Répondue sur le fond le 26/11/2026 — dans les délais (échéance 30/11/2026)', dueColor: 'Good', notice: '', steps: ['close'], closeReasonLabel: 'Commentaire (facultatif)', closeReasonRequired: false }, locale),
  'complaint-read-only': (locale) => complaintCard({ ...complaintSample, notice: '', steps: [], people: [] }, locale),
  'complaint-form': (locale) => complaintFormCard(complaintFormSample, locale),
  complaints: (locale) => complaintsCard(complaintsSample, locale),
  'complaints-own': (locale) => complaintsCard({ ...complaintsSample, title: 'Réclamations 2026 — les vôtres', showStats: false, channelLines: [], lines: [], more: '' }, locale),
  clu: (locale) => cluCard(cluSample, locale),
  'clu-none-planned': (locale) =>
    cluCard(
      {
        ...cluSample,
        hasNext: false,
        showAttendance: false,
        canAnswer: false,
        canEdit: false,
        canSchedule: true,
        canCancel: true,
        cancelId: 'CLU-2027',
        canMarkHeld: true,
        heldId: 'CLU-2027',
        heldRevision: 2,
        heldDefault: '2027-02-16',
        heldMin: '2027-02-16',
        canRecordMinutes: false,
        dueText: 'Prochaine réunion à tenir avant le 16/02/2028 (12 mois après celle du 16/02/2027).',
        awaitingText: 'La réunion du 16/02/2027 (CLU-2027) est passée : marquez-la comme tenue, ou annulez-la.',
        today: '2027-02-17',
      },
      locale,
    ),
  'clu-form': (locale) => cluFormCard(cluFormSample, locale),
  'clu-form-long-directory': (locale) => cluFormCard({ ...cluFormSample, people: [], members: 'alex.wilber@cher.gouv.fr, megan.bowen@cher.gouv.fr' }, locale),
  'clu-invitation': (locale) => cluInvitationCard(cluInvitationSample, locale),
  'clu-invitation-cancelled': (locale) =>
    cluInvitationCard({ ...cluInvitationSample, stateLine: 'Réunion annulée : report au printemps', stateColor: 'Attention', answerText: '', canAnswer: false }, locale),
  'label-calendar': (locale) => labelCalendarCard(labelCalendarSample, locale),
  'label-calendar-empty': (locale) =>
    labelCalendarCard({ ...labelCalendarSample, notice: '', late: [], due: [], lateHeading: 'En retard (0)', dueHeading: 'Dans les 6 prochains mois (0)', canManage: false }, locale),
  'label-calendar-all': (locale) => labelCalendarAllCard(labelCalendarAllSample, locale),
  'label-calendar-form': (locale) => labelCalendarFormCard(labelCalendarFormSample, locale),
  'label-calendar-form-derived': (locale) =>
    labelCalendarFormCard(
      {
        ...labelCalendarFormSample,
        id: 'audit-suivi',
        derived: true,
        derivedText: 'Échéance calculée : 18/08/2021 — 18 mois après la dernière réalisation de « Renouvellement du label Qual-e-pref » (+ 2 mois de report).',
        showExtension: true,
        extensionMonths: '2',
        formError: '',
        ownerError: '',
        owner: '00000000-0000-0000-0000-0000000000020',
      },
      locale,
    ),
  'label-calendar-done': (locale) => labelCalendarDoneCard(labelCalendarDoneSample, locale),
  report: (locale) => reportCard(reportSample, locale),
  'report-no-data': (locale) =>
    reportCard({ ...reportSample, heading: 'Bilan qualité 2019', noData: 'Aucune donnée enregistrée pour 2019.', sections: [], legend: '', reportUrl: '', expiry: '', canEnterIndicators: false }, locale),
  'report-indicators': (locale) => reportIndicatorsCard(reportIndicatorsSample, locale),
  export: (locale) => exportCard(exportSample, locale),
  'export-workbook-only': (locale) => exportCard({ ...exportSample, title: 'Bilan qualité — 2025', summary: 'Classeur de 8 feuille(s).', csvUrl: '' }, locale),
  status: (locale) => statusCard(statusSample, locale),
  'status-agent': (locale) =>
    statusCard({ ...statusSample, subtitle: 'Vos dossiers — au 23/11/2026', notice: 'Mots non compris : urgent.', lines: statusSample.lines.filter((line) => !line.title.startsWith('Fraude')) }, locale),
};
