import type { Locale } from '../../cards/locale';

/**
 * The legend of the yearly report (seed 003, annex 1, part III « Légende »): a result is conforme (met or better),
 * or off by less than 25 % of the target, between 25 % and 50 %, or more than 50 %.
 */
export const deviationClasses = ['met', 'under-25', '25-50', 'over-50'] as const;

/** One class of the legend. */
export type DeviationClass = (typeof deviationClasses)[number];

/**
 * Which side of the target is good: a delay is met when at most the target (CNI 5.9 days for 9), a rate when at
 * least the target (answered calls 91.96 % for 90 %; a fraud detection rate is a floor too, fraud-targets.ts).
 */
export type TargetDirection = 'at-most' | 'at-least';

/** A result against its target. */
export interface Deviation {
  class: DeviationClass;
  /** Shortfall as a fraction of the target (0.38 for BMI's 3.10 ‰ against 5 ‰); 0 when met. */
  gap: number;
}

/** The legend's words, as the report prints them. */
export const deviationLabels: Record<DeviationClass, Record<Locale, string>> = {
  met: { fr: 'résultat conforme voire meilleur que la cible', en: 'result on or better than target' },
  'under-25': { fr: 'écart inférieur à 25 % de la cible', en: 'gap under 25 % of the target' },
  '25-50': { fr: 'écart compris entre 25 % et 50 % de la cible', en: 'gap between 25 % and 50 % of the target' },
  'over-50': { fr: 'écart supérieur à 50 % de la cible', en: 'gap over 50 % of the target' },
};

/** Short names of the classes, for a table cell. */
export const deviationShortLabels: Record<DeviationClass, Record<Locale, string>> = {
  met: { fr: 'conforme', en: 'met' },
  'under-25': { fr: 'écart < 25 %', en: 'gap < 25 %' },
  '25-50': { fr: 'écart 25–50 %', en: 'gap 25–50 %' },
  'over-50': { fr: 'écart > 50 %', en: 'gap > 50 %' },
};

/** Float noise (3.1 / 5 …) must not move a result across a boundary: gaps are compared at 1e-9. */
const precision = 1e9;

/**
 * Classes a result against its target. The gap is the shortfall relative to the target: (value − target) / target
 * for a delay, (target − value) / target for a rate. Boundaries follow the legend's words: "inférieur à 25 %" is
 * strictly under 0.25; "compris entre 25 % et 50 %" includes both ends; "supérieur à 50 %" is strictly over 0.5.
 * So renewal of residence permits, 64 days for 30, is 113 % over 50 %; BMI 3.10 ‰ for 5 ‰ is 38 %, 25–50 %.
 * No class without a positive target (a local indicator, a domain without a national target).
 */
export function deviationFrom(value: number, target: number | undefined, direction: TargetDirection): Deviation | undefined {
  if (target === undefined || !(target > 0) || !Number.isFinite(value)) return undefined;
  const raw = direction === 'at-most' ? (value - target) / target : (target - value) / target;
  const gap = Math.round(raw * precision) / precision;
  if (gap <= 0) return { class: 'met', gap: 0 };
  if (gap < 0.25) return { class: 'under-25', gap };
  if (gap <= 0.5) return { class: '25-50', gap };
  return { class: 'over-50', gap };
}

/** Adaptive Card colour of each class: green, then amber, then red. */
export const deviationColors: Record<DeviationClass, 'Good' | 'Warning' | 'Attention'> = {
  met: 'Good',
  'under-25': 'Warning',
  '25-50': 'Attention',
  'over-50': 'Attention',
};
