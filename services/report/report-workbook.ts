import { actionStateLabels } from '../action-plan/action-item';
import { channelRules, complaintKindLabels } from '../complaints/complaint-channels';
import { fraudServiceInfo } from '../fraud/fraud-catalog';
import type { ExportCell, ExportSheet } from '../exports/export-table';
import { deviationClasses, deviationLabels, deviationShortLabels, type Deviation } from './deviation';
import type { YearlyReport } from './yearly-report';

/** Rounded to `digits` decimals, as a number the workbook can still sum. */
export function rounded(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

const optional = (value: number | undefined, digits = 2): ExportCell => (value === undefined ? '' : rounded(value, digits));
const gapCell = (deviation: Deviation | undefined): ExportCell => (deviation === undefined ? '' : rounded(deviation.gap * 100, 0));
const legendCell = (deviation: Deviation | undefined): string => (deviation === undefined ? '' : deviationShortLabels[deviation.class].fr);
const unitLabels = { days: 'jours', percent: '%', count: 'demandes' } as const;

/** The yearly report as the sheets of its workbook, in French, one sheet per table of the annex (issue 7). */
export function reportSheets(report: YearlyReport): ExportSheet[] {
  const { year, complaints, fraud, training, actionPlan, checks, indicators } = report;
  const previous = year - 1;
  return [
    {
      name: 'Réclamations',
      header: [`Questions et réclamations ${year}`, 'Nombre', 'Part (%)'],
      rows: [...complaints.byChannel.map((line) => [channelRules[line.channel].label.fr.toUpperCase(), line.count, line.share]), ['TOTAL', complaints.total, complaints.total > 0 ? 100 : '']],
    },
    {
      name: 'Délais de réponse',
      header: ['Indicateur', 'Valeur'],
      rows: [
        ['Demandes dans le périmètre Qual-e-pref', complaints.total],
        [`Demandes dans le périmètre en ${previous}`, complaints.previousTotal ?? ''],
        ['Demandes hors périmètre', complaints.outOfScope],
        ...complaints.byKind.map((line) => [complaintKindLabels[line.kind].fr, line.count]),
        ['Répondues sur le fond', complaints.answered],
        ['Répondues dans les délais (E.17)', complaints.answeredOnTime],
        ['Part répondue dans les délais (%)', complaints.onTimeShare ?? ''],
        ['Délai moyen de réponse (jours ouvrés)', optional(complaints.replyDays.mean, 1)],
        ['Délai médian de réponse (jours ouvrés)', optional(complaints.replyDays.median, 1)],
        ['En attente de réponse', complaints.open],
        ['dont en retard', complaints.late],
      ],
    },
    {
      name: 'Titres et accueil',
      header: ['Indicateur', 'Unité', `Résultat ${year}`, 'Base', `Résultat ${previous}`, 'Cible', 'Écart (%)', 'Légende'],
      rows: indicators.map((line) => [
        line.definition.label.fr,
        unitLabels[line.definition.unit],
        optional(line.value),
        line.basis === 'year' ? 'année' : line.basis === 'quarters' ? `trimestres ${line.quarters.map((q) => `T${q}`).join(', ')}` : 'non saisi',
        optional(line.previous),
        line.definition.target?.value ?? line.definition.note?.fr ?? '',
        gapCell(line.deviation),
        legendCell(line.deviation),
      ]),
    },
    {
      name: 'Fraude',
      header: ['Domaine', 'Signalements retenus', 'Dossiers traités', `Taux ${year} (‰)`, `Taux ${previous} (‰)`, 'Cible nationale (‰)', 'Écart (%)', 'Légende', 'Transmis au procureur (art. 40)'],
      rows: [
        ...fraud.lines.map((line) => [
          fraudServiceInfo[line.service].fr,
          line.counted,
          line.volume ?? '',
          optional(line.perThousand),
          optional(line.previousPerThousand),
          line.target ?? '',
          gapCell(line.deviation),
          legendCell(line.deviation),
          line.article40,
        ]),
        ['Nombre de signalements transmis au procureur (art. 40)', '', '', '', '', '', '', '', fraud.article40],
      ],
    },
    {
      name: 'Formation',
      header: ['Engagement', 'Formation', `Agents formés en ${year}`, 'dont e-learning', 'Valides', 'À renouveler', 'Expirées', 'Jamais suivies'],
      rows: training.lines.map((line) => [line.commitment, line.label.fr, line.trainedInYear, line.eLearning, line.counts.valid, line.counts.expiring, line.counts.expired, line.counts.missing]),
    },
    {
      name: 'Plan d’actions',
      header: ['Indicateur', 'Valeur'],
      rows: [
        [`Actions du plan ${year}`, actionPlan.total],
        ...actionPlan.byState.map((line) => [`dont ${actionStateLabels[line.state].fr.toLowerCase()}`, line.count]),
        [`Actions clôturées en ${year} (tous plans)`, actionPlan.closedInYear],
        [`Actions annulées en ${year} (tous plans)`, actionPlan.cancelledInYear],
        ['Actions en retard aujourd’hui', actionPlan.overdue],
      ],
    },
    {
      name: 'Contrôles',
      header: ['Trimestre', 'Éléments dus', 'Contrôles faits', 'dont en retard', 'Problèmes signalés', 'Non faits', 'Statut'],
      rows: checks.map((line) => [
        `T${line.quarter.slice(6)} ${year}`,
        line.due,
        line.done,
        line.late,
        line.problems,
        line.missing,
        line.status === 'past' ? 'terminé' : line.status === 'current' ? 'en cours' : 'à venir',
      ]),
    },
    {
      name: 'Légende',
      header: ['Légende', 'Signification'],
      rows: deviationClasses.map((deviation) => [deviationShortLabels[deviation].fr, deviationLabels[deviation].fr]),
    },
  ];
}
