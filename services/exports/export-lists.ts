import { dayCell } from '../action-plan/action-plan-cells';
import { checkLocationLabels, type CheckAnswer, type CheckAnswerKind, type CheckItem } from '../checks/check-item';
import { complaintStateLabels, substanceReply, type Complaint } from '../complaints/complaint';
import { channelRules, complaintKindLabels, outOfScopeLabels } from '../complaints/complaint-channels';
import { answeredOnTime } from '../complaints/complaint-deadline';
import type { Person } from '../directory/person';
import { fraudNatureLabels, fraudServiceInfo, titleTypeLabels } from '../fraud/fraud-catalog';
import { fraudStateLabels, type FraudSignal } from '../fraud/fraud-signal';
import type { LocalDate, WorkingCalendar } from '../reminders/calendar';
import { quarterById, type QuarterId } from '../reminders/quarter';
import { workingDaysTaken } from '../report/reply-times';
import { followedPeople } from '../training/training-overview';
import { latestRecordsOf, trainingStatus, type TrainingState } from '../training/training-status';
import type { TrainingRecord } from '../training/training-record';
import type { TrainingType } from '../training/training-type';
import { protectedRows, type ExportSheet } from './export-table';
import { localDateTime, peopleById, personCell, yesNo } from './list-cells';

type Directory = readonly Pick<Person, 'id' | 'email'>[];

const answerLabels: Record<CheckAnswerKind, string> = { verified: 'Vérifié, à jour', updated: 'Mis à jour', problem: 'Problème' };

/**
 * Quarterly checks with their answers (DOMAIN §1: "every answer is kept as audit evidence"): one row per item owed
 * a confirmation in each quarter asked that has begun by `today`, answered or not (« Non fait » once the quarter
 * ended, « À faire » while it runs).
 */
export function checksSheet(items: readonly CheckItem[], answers: readonly CheckAnswer[], quarters: readonly QuarterId[], people: Directory, context: { today: LocalDate; timeZone: string }): ExportSheet {
  const byId = peopleById(people);
  const rows = quarters
    .map(quarterById)
    .filter((quarter) => quarter.start <= context.today)
    .flatMap((quarter) => {
      const answered = answers.filter((answer) => answer.quarter === quarter.id);
      return items
        .filter((item) => item.createdAt.slice(0, 10) <= quarter.end && (item.active || answered.some((answer) => answer.itemId === item.id)))
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((item) => {
          const answer = answered.find((candidate) => candidate.itemId === item.id);
          const state = answer ? answerLabels[answer.answer] : context.today > quarter.end ? 'Non fait' : 'À faire';
          return [
            `${quarter.id.slice(0, 4)}-T${quarter.id.slice(6)}`,
            item.id,
            item.label,
            item.commitment,
            checkLocationLabels[item.location].fr,
            item.url ?? '',
            item.service,
            personCell(item.ownerId, byId),
            state,
            dayCell(answer?.updatedOn),
            answer?.problem ?? '',
            personCell(answer?.answeredBy, byId),
            localDateTime(answer?.answeredAt, context.timeZone),
            answer ? yesNo(answer.late) : '',
          ];
        });
    });
  return {
    name: 'Contrôles',
    header: ['Trimestre', 'Élément', 'Libellé', 'Engagement', 'Support', 'Page', 'Service', 'Responsable', 'Réponse', 'Date de mise à jour', 'Problème', 'Répondu par', 'Répondu le', 'Hors délai'],
    rows: protectedRows(rows),
  };
}

const trainingStateCells: Record<TrainingState, string> = { valid: 'Valide', expiring: 'À renouveler', expired: 'Expirée', missing: 'Jamais suivie' };

/**
 * Training status per person and required type on `today` (DOMAIN §2): the people followed up (not those waiting
 * in « annuaire »), by service and name, with the latest completion as evidence.
 */
export function trainingSheet(people: readonly Pick<Person, 'id' | 'name' | 'email' | 'roles' | 'service' | 'toAssign'>[], types: readonly TrainingType[], records: readonly TrainingRecord[], today: LocalDate): ExportSheet {
  const labels = new Map(types.map((type) => [type.id, type]));
  const rows = followedPeople(people)
    .sort((a, b) => (a.service ?? '').localeCompare(b.service ?? '') || a.name.localeCompare(b.name, 'fr'))
    .flatMap((person) => {
      const latest = latestRecordsOf(person.id, records);
      return trainingStatus(person, types, records.filter((record) => record.personId === person.id), today).map((line) => {
        const type = labels.get(line.typeId);
        const record = latest.get(line.typeId);
        return [
          person.name,
          person.email ?? '',
          person.service ?? '',
          type?.label.fr ?? line.typeId,
          type?.commitment ?? '',
          dayCell(line.lastCompletedOn),
          record?.mode === 'e-learning' ? 'e-learning' : record ? 'présentiel' : '',
          record?.title ?? '',
          dayCell(line.expiresOn),
          trainingStateCells[line.state],
        ];
      });
    });
  return {
    name: 'Formations',
    header: ['Nom', 'E-mail', 'Service', 'Formation', 'Engagement', 'Dernière formation', 'Mode', 'Intitulé', 'Expire le', 'État'],
    rows: protectedRows(rows),
  };
}

/**
 * The year's complaints, suggestions and information requests (3.1, E.16–E.18) with their deadlines and replies:
 * what the report's figures are counted from. The summary carries no personal data (the form refuses it).
 */
export function complaintsSheet(complaints: readonly Complaint[], people: Directory, calendar: WorkingCalendar): ExportSheet {
  const byId = peopleById(people);
  const rows = [...complaints]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((complaint) => {
      const substance = substanceReply(complaint);
      const holding = complaint.replies.find((reply) => reply.kind === 'holding');
      return [
        complaint.id,
        dayCell(complaint.receivedOn),
        channelRules[complaint.channel].label.fr,
        complaintKindLabels[complaint.kind].fr,
        yesNo(complaint.inScope),
        complaint.outOfScopeReason ? outOfScopeLabels[complaint.outOfScopeReason].fr : '',
        complaint.commitment ?? '',
        complaint.service,
        personCell(complaint.assigneeId, byId),
        dayCell(complaint.initialDueOn),
        dayCell(complaint.dueOn),
        dayCell(complaint.acknowledgedOn),
        dayCell(holding?.on),
        dayCell(substance?.on),
        substance ? String(workingDaysTaken(complaint.receivedOn, substance.on, calendar)) : '',
        yesNo(answeredOnTime(complaint)),
        complaintStateLabels[complaint.state].fr,
        dayCell(complaint.closedOn),
        complaint.closeReason ?? '',
        complaint.summary,
      ];
    });
  return {
    name: 'Réclamations',
    header: [
      'Numéro',
      'Reçue le',
      'Canal',
      'Nature',
      'Périmètre Qual-e-pref',
      'Motif hors périmètre',
      'Engagement',
      'Service',
      'Agent chargé',
      'Échéance initiale',
      'Échéance en vigueur',
      'Accusé de réception',
      'Réponse d’attente',
      'Réponse sur le fond',
      'Délai (jours ouvrés)',
      'Dans les délais',
      'État',
      'Classée le',
      'Motif de classement',
      'Résumé',
    ],
    rows: protectedRows(rows),
  };
}

/**
 * The year's fraud signals (23.x, E.33) for the fraud referent and the quality officer. The author is left out: an
 * auditor checks the signals and their qualification, not who wrote them (data minimisation); descriptions and
 * references were checked for personal data when entered.
 */
export function fraudSheet(signals: readonly FraudSignal[], timeZone: string): ExportSheet {
  const rows = [...signals]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((signal) => [
      signal.id,
      fraudServiceInfo[signal.service].fr,
      titleTypeLabels[signal.titleType].fr,
      fraudNatureLabels[signal.nature].fr,
      dayCell(signal.detectedOn),
      signal.fileReference,
      fraudStateLabels[signal.state].fr,
      localDateTime(signal.qualification?.at, timeZone),
      yesNo(signal.article40.reported),
      dayCell(signal.article40.on),
      signal.description,
    ]);
  return {
    name: 'Fraude',
    header: ['Numéro', 'Domaine', 'Titre', 'Nature', 'Détectée le', 'Référence interne', 'État', 'Qualifiée le', 'Transmis au procureur (art. 40)', 'Transmis le', 'Description'],
    rows: protectedRows(rows),
  };
}
