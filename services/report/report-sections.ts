import type { Locale } from '../../cards/locale';
import { actionStates, isOverdue, type ActionItem, type ActionState } from '../action-plan/action-item';
import type { CheckAnswer, CheckItem } from '../checks/check-item';
import type { Person } from '../directory/person';
import type { FraudService } from '../fraud/fraud-catalog';
import { fraudRates, fraudTotals, type FraudRatesInput, type NoRateReason } from '../fraud/fraud-rates';
import type { LocalDate } from '../reminders/calendar';
import { quarterById, type QuarterId } from '../reminders/quarter';
import { followedPeople } from '../training/training-overview';
import type { TrainingRecord } from '../training/training-record';
import { recordsByPerson, trainingStatus } from '../training/training-status';
import type { TrainingCounts } from '../training/training-summary';
import type { TrainingType } from '../training/training-type';
import { deviationFrom, type Deviation } from './deviation';
import { yearlyIndicatorValue, type IndicatorDefinition, type IndicatorEntry, type YearlyIndicatorValue } from './report-indicators';

/** One training type's line (annex 1, part VI: « engagement n° 4 : 4 agents ont effectué la formation … »). */
export interface TrainingLine {
  typeId: string;
  label: Record<Locale, string>;
  /** Commitment it serves, as the catalogue numbers it ('E.28'). */
  commitment: string;
  /** Different people with a completion dated in the year. */
  trainedInYear: number;
  /** Of those, people who followed it in e-learning (the report counts them apart: "26 agents … e-learning"). */
  eLearning: number;
  /** Status of the people it is required of, at the end of the year (or today for the current year). */
  counts: TrainingCounts;
}

/** The training section. */
export interface TrainingSection {
  /** Day the statuses are read on: 31 December, or today for the year under way. */
  asOf: LocalDate;
  lines: TrainingLine[];
  /** Different people trained in the year, all types together. */
  trainedPeople: number;
}

const emptyCounts = (): TrainingCounts => ({ valid: 0, expiring: 0, expired: 0, missing: 0 });

/**
 * Per training type: people trained in the year (completion dated in it) and, at `asOf`, the statuses of those the
 * type is required of (people waiting in « annuaire » left out). Active types all appear, with 0 when nobody was
 * trained (the report says so: « aucune formation n'a été dispensée »); a retired type only when someone was.
 */
export function trainingSection(types: readonly TrainingType[], records: readonly TrainingRecord[], people: readonly Pick<Person, 'id' | 'roles' | 'service' | 'toAssign'>[], year: number, asOf: LocalDate): TrainingSection {
  const ofYear = records.filter((record) => record.completedOn.startsWith(`${year}-`) && record.completedOn <= asOf);
  const known = records.filter((record) => record.completedOn <= asOf);
  const counts = new Map(types.map((type) => [type.id, emptyCounts()]));
  const byPerson = recordsByPerson(known);
  for (const person of followedPeople(people)) {
    for (const line of trainingStatus(person, types, byPerson.get(person.id) ?? [], asOf)) {
      const own = counts.get(line.typeId);
      if (own) own[line.state] += 1;
    }
  }
  const lines = types
    .filter((type) => type.active || ofYear.some((record) => record.typeId === type.id))
    .map((type) => {
      const own = ofYear.filter((record) => record.typeId === type.id);
      return {
        typeId: type.id,
        label: type.label,
        commitment: type.commitment,
        trainedInYear: new Set(own.map((record) => record.personId)).size,
        eLearning: new Set(own.filter((record) => record.mode === 'e-learning').map((record) => record.personId)).size,
        counts: counts.get(type.id) ?? emptyCounts(),
      };
    });
  return { asOf, lines, trainedPeople: new Set(ofYear.map((record) => record.personId)).size };
}

/** One fraud domain's line (annex 1, part V). */
export interface FraudLine {
  service: FraudService;
  /** Signals counted by the rate: confirmed or still being qualified. */
  counted: number;
  /** Of those, still being qualified: the rate may still go down. */
  awaiting: number;
  volume?: number;
  /** Signals per thousand files processed. */
  perThousand?: number;
  noRate?: NoRateReason;
  /** For a rate made of some quarters' volumes only: those quarters. */
  coveredQuarters?: number[];
  /** National target in ‰ (a detection floor). */
  target?: number;
  deviation?: Deviation;
  /** The previous year's rate, when it could be computed (the annex's « Résultat 2019 »). */
  previousPerThousand?: number;
  article40: number;
}

/** The fraud section. */
export interface FraudSection {
  lines: FraudLine[];
  counted: number;
  /** « Nombre de signalements transmis au procureur (art.40) », all domains. */
  article40: number;
  /** The same the year before, when any signal was logged that year. */
  previousArticle40?: number;
}

/**
 * Per fraud domain with data: the year's rate against the target with the legend's class, the previous year's rate,
 * article-40 reports (fraud-rates.ts computes the rates; this adds the legend and the comparison).
 */
export function fraudSection(input: Omit<FraudRatesInput, 'year'>, year: number): FraudSection {
  const current = fraudRates({ ...input, year });
  const previous = fraudRates({ ...input, year: year - 1 });
  const hadPrevious = input.signals.some((signal) => signal.detectedOn.startsWith(`${year - 1}-`));
  const lines = current
    .filter((figures) => figures.year.counted + figures.year.notConfirmed > 0 || figures.year.volume !== undefined || figures.quarters.some((quarter) => quarter.volume !== undefined))
    .map(({ service, year: figures }) => ({
      service,
      counted: figures.counted,
      awaiting: figures.awaiting,
      volume: figures.volume,
      perThousand: figures.perThousand,
      noRate: figures.noRate,
      coveredQuarters: figures.coveredQuarters,
      target: figures.target,
      deviation: figures.perThousand === undefined ? undefined : deviationFrom(figures.perThousand, figures.target, 'at-least'),
      previousPerThousand: previous.find((line) => line.service === service)?.year.perThousand,
      article40: figures.article40,
    }));
  const totals = fraudTotals(current);
  return { lines, counted: totals.counted, article40: totals.article40, previousArticle40: hadPrevious ? fraudTotals(previous).article40 : undefined };
}

/** The action plan section (annex 2, as the CLU reviews it with the report). */
export interface ActionPlanSection {
  /** Actions of the year's plan (numbers 'YYYY-NN') per state, states with none left out. */
  byState: { state: ActionState; count: number }[];
  total: number;
  /** Actions of any plan closed (approved) during the year. */
  closedInYear: number;
  /** Actions of any plan cancelled during the year. */
  cancelledInYear: number;
  /** Actions of the year's plan still expected and past their deadline today. */
  overdue: number;
}

/** Counts the year's plan by state, what was closed or cancelled during the year, and what is late today. */
export function actionPlanSection(actions: readonly ActionItem[], year: number, today: LocalDate): ActionPlanSection {
  const plan = actions.filter((item) => item.year === year);
  const inYear = (item: ActionItem, state: ActionState) => item.state === state && (item.closedOn ?? '').startsWith(`${year}-`);
  return {
    byState: actionStates.map((state) => ({ state, count: plan.filter((item) => item.state === state).length })).filter((line) => line.count > 0),
    total: plan.length,
    closedInYear: actions.filter((item) => inYear(item, 'closed')).length,
    cancelledInYear: actions.filter((item) => inYear(item, 'cancelled')).length,
    overdue: plan.filter((item) => isOverdue(item, today)).length,
  };
}

/** One quarter of the quarterly information checks (DOMAIN §1). */
export interface CheckQuarterLine {
  quarter: QuarterId;
  /** Ended, under way, or not begun on the day the report is computed. */
  status: 'past' | 'current' | 'future';
  /** Items owed a confirmation that quarter: existing by its end, and active (or answered anyway). */
  due: number;
  /** Answers recorded for them. */
  done: number;
  /** Of those, given after the quarter ended. */
  late: number;
  /** Of those, « Problème » answers. */
  problems: number;
  /** Due but not answered: not done for a past quarter, still to do for the current one. */
  missing: number;
}

/** The four quarters of the year: items due, answered, late, problems, missing. */
export function checksSection(items: readonly CheckItem[], answers: readonly CheckAnswer[], year: number, today: LocalDate): CheckQuarterLine[] {
  return [1, 2, 3, 4].map((number) => {
    const quarter = quarterById(`${year}-Q${number}` as QuarterId);
    const answered = answers.filter((answer) => answer.quarter === quarter.id);
    const due = items.filter((item) => item.createdAt.slice(0, 10) <= quarter.end && (item.active || answered.some((answer) => answer.itemId === item.id)));
    const done = answered.filter((answer) => due.some((item) => item.id === answer.itemId));
    const status = today > quarter.end ? 'past' : today >= quarter.start ? 'current' : 'future';
    return {
      quarter: quarter.id,
      status,
      due: status === 'future' ? 0 : due.length,
      done: done.length,
      late: done.filter((answer) => answer.late).length,
      problems: done.filter((answer) => answer.answer === 'problem').length,
      missing: status === 'future' ? 0 : due.length - done.length,
    };
  });
}

/** One manual indicator's line (annex 1, parts III and IV). */
export interface IndicatorLine extends YearlyIndicatorValue {
  definition: IndicatorDefinition;
  /** The previous year's figure, when entered (the annex's 2019 column). */
  previous?: number;
  deviation?: Deviation;
}

/** Every defined indicator with the year's figure (or none yet), the previous year's, and the legend's class. */
export function indicatorLines(definitions: readonly IndicatorDefinition[], entries: readonly IndicatorEntry[], year: number): IndicatorLine[] {
  return definitions.map((definition) => {
    const current = yearlyIndicatorValue(definition, entries, year);
    const deviation = current.value !== undefined && definition.target ? deviationFrom(current.value, definition.target.value, definition.target.direction) : undefined;
    return { definition, ...current, previous: yearlyIndicatorValue(definition, entries, year - 1).value, deviation };
  });
}
