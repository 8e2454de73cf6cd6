import type { Locale } from '../../cards/locale';
import { quarterOf } from '../reminders/quarter';
import { fraudServices, type FraudService } from './fraud-catalog';
import type { FraudSignal } from './fraud-signal';
import { fraudTargets, targetFor, type FraudTarget } from './fraud-targets';
import type { FraudPeriod, FraudVolume } from './fraud-volumes';

/** Why a period has no rate: no volume entered, or a volume of zero (never a division by zero). */
export type NoRateReason = 'no-volume' | 'zero-volume';

/** How the reasons read. */
export const noRateReasonLabels: Record<NoRateReason, Record<Locale, string>> = {
  'no-volume': { fr: 'aucun volume saisi : taux non calculable', en: 'no volume entered: no rate' },
  'zero-volume': { fr: 'volume nul : taux non calculable', en: 'volume of zero: no rate' },
};

/** The figures of one domain over one period. */
export interface FraudPeriodFigures {
  period: FraudPeriod;
  /** Signals the rate counts: detected in the period and not ruled out (confirmed, or still being qualified). */
  counted: number;
  confirmed: number;
  /** Submitted or to complete: the rate may still go down when they are qualified. */
  awaiting: number;
  /** Ruled out by the referent: not counted. */
  notConfirmed: number;
  /** Signals reported to the prosecutor under article 40 (whatever their qualification). */
  article40: number;
  /** Files processed, when entered. */
  volume?: number;
  /** counted / volume × 1000, when the volume is known and not zero. */
  perThousand?: number;
  noRate?: NoRateReason;
  /** For a year computed from some of its quarters' volumes only: the quarters entered (1–3 of them). */
  coveredQuarters?: number[];
  /** For such a year: the signals of those quarters, the numerator of the rate. */
  ratedCount?: number;
  /** Target in ‰, when the domain has one. */
  target?: number;
  /** True when the rate reaches the target (a detection target is a floor). */
  meetsTarget?: boolean;
}

/** One domain's figures for a year and its quarters. */
export interface FraudServiceFigures {
  service: FraudService;
  year: FraudPeriodFigures;
  quarters: FraudPeriodFigures[];
  /** False when the domain has no signal, no volume and no target that year (the card leaves it out). */
  hasData: boolean;
}

/** What the indicators are computed from. */
export interface FraudRatesInput {
  /** Signals of the year (others are ignored). */
  signals: readonly Pick<FraudSignal, 'service' | 'detectedOn' | 'state' | 'article40'>[];
  volumes: readonly Pick<FraudVolume, 'service' | 'period' | 'volume'>[];
  targets?: readonly FraudTarget[];
  year: number;
}

/** Signal counts of a period. */
export type FraudCounts = Pick<FraudPeriodFigures, 'counted' | 'confirmed' | 'awaiting' | 'notConfirmed' | 'article40'>;

function countOf(signals: FraudRatesInput['signals']): FraudCounts {
  const counts: FraudCounts = { counted: 0, confirmed: 0, awaiting: 0, notConfirmed: 0, article40: 0 };
  for (const signal of signals) {
    if (signal.article40.reported) counts.article40 += 1;
    if (signal.state === 'not-confirmed') counts.notConfirmed += 1;
    else {
      counts.counted += 1;
      if (signal.state === 'confirmed') counts.confirmed += 1;
      else counts.awaiting += 1;
    }
  }
  return counts;
}

function rated(period: FraudPeriod, counts: FraudCounts, volume: number | undefined, target: number | undefined, numerator = counts.counted): FraudPeriodFigures {
  const figures: FraudPeriodFigures = { period, ...counts, volume, target };
  if (volume === undefined) figures.noRate = 'no-volume';
  else if (volume === 0) figures.noRate = 'zero-volume';
  else {
    figures.perThousand = (numerator / volume) * 1000;
    if (target !== undefined) figures.meetsTarget = figures.perThousand >= target;
  }
  return figures;
}

const quarterNumber = (detectedOn: string) => Number(quarterOf(detectedOn).id.slice(6));

/**
 * The fraud indicators of one year (2020 report, part V): per domain and per quarter and for the year, signals
 * counted, the rate per thousand files processed against the target, and the article-40 reports. A year's rate
 * uses its yearly volume; without one, the quarters entered, counting only their signals (BMI's 2020 figure was
 * "arrêté au 30 novembre"). No volume, or zero, gives no rate and says why.
 */
export function fraudRates(input: FraudRatesInput): FraudServiceFigures[] {
  const { year } = input;
  const targets = input.targets ?? fraudTargets;
  const ofYear = input.signals.filter((signal) => signal.detectedOn.startsWith(`${year}-`));
  return fraudServices.map((service) => {
    const signals = ofYear.filter((signal) => signal.service === service);
    const volumeOf = (period: string) => input.volumes.find((entry) => entry.service === service && entry.period === period)?.volume;
    const target = targetFor(service, year, targets);
    const quarters = [1, 2, 3, 4].map((q) => {
      const period = `${year}-Q${q}` as FraudPeriod;
      return rated(period, countOf(signals.filter((signal) => quarterNumber(signal.detectedOn) === q)), volumeOf(period), target);
    });
    const yearly = volumeOf(String(year));
    const entered = quarters.filter((quarter) => quarter.volume !== undefined).map((quarter) => Number(quarter.period.slice(6)));
    let yearFigures: FraudPeriodFigures;
    if (yearly !== undefined || entered.length === 0) yearFigures = rated(String(year) as FraudPeriod, countOf(signals), yearly, target);
    else {
      // The counts are the whole year's; the rate is the entered quarters' signals over their volumes.
      const covered = countOf(signals.filter((signal) => entered.includes(quarterNumber(signal.detectedOn)))).counted;
      const sum = quarters.reduce((total, quarter) => total + (quarter.volume ?? 0), 0);
      yearFigures = rated(String(year) as FraudPeriod, countOf(signals), sum, target, covered);
      if (entered.length < 4) Object.assign(yearFigures, { coveredQuarters: entered, ratedCount: covered });
    }
    const hasData = signals.length > 0 || yearly !== undefined || entered.length > 0 || target !== undefined;
    return { service, year: yearFigures, quarters, hasData };
  });
}

/** Totals of a year across domains (the report's "Nombre de signalements transmis au procureur (art.40)"). */
export function fraudTotals(figures: readonly FraudServiceFigures[]): FraudCounts {
  const totals: FraudCounts = { counted: 0, confirmed: 0, awaiting: 0, notConfirmed: 0, article40: 0 };
  for (const { year } of figures) {
    totals.counted += year.counted;
    totals.confirmed += year.confirmed;
    totals.awaiting += year.awaiting;
    totals.notConfirmed += year.notConfirmed;
    totals.article40 += year.article40;
  }
  return totals;
}
