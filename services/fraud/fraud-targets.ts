import type { FraudService } from './fraud-catalog';

/**
 * Target detection rate of one fraud domain, in files per thousand processed. It is a floor: the 2020 report
 * calls BMI's 3.10 ‰ against 5 ‰ "perfectible" (CLU 2021, part 3) and CERT's 0.54 ‰ against 0.5 ‰ met.
 */
export interface FraudTarget {
  service: FraudService;
  perThousand: number;
  /** First year it applies to; the latest one not after the year asked wins. */
  fromYear: number;
  /** Where it comes from. */
  source: string;
}

/**
 * The national targets (seed 003, annex 1 part V, "Cible nationale 2020": BMI 5 ‰, CERT CNI-Passeports 0,5 ‰).
 * Data, not logic: a new national target is one more line here with its first year; the domains without a
 * national target (driving licences, registration, other) show counts and rates with no target.
 */
export const fraudTargets: readonly FraudTarget[] = [
  { service: 'BMI', perThousand: 5, fromYear: 2020, source: 'Cible nationale 2020 (bilan qualité, annexe 1, V)' },
  { service: 'CERT', perThousand: 0.5, fromYear: 2020, source: 'Cible nationale 2020 (bilan qualité, annexe 1, V)' },
];

/** The target of a domain for a year (the latest line not after it), or undefined. */
export function targetFor(service: FraudService, year: number, targets: readonly FraudTarget[] = fraudTargets): number | undefined {
  return targets
    .filter((target) => target.service === service && target.fromYear <= year)
    .sort((a, b) => b.fromYear - a.fromYear)[0]?.perThousand;
}
