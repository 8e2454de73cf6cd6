import { z } from 'zod';
import type { Locale } from '../../cards/locale';
import { aadObjectIdSchema, type Person } from '../directory/person';
import { parseFraudPeriod, periodLabel, type FraudPeriod } from '../fraud/fraud-volumes';
import type { LocalDate } from '../reminders/calendar';
import { quarterById, type QuarterId } from '../reminders/quarter';
import { normalizeText } from '../text/normalize';
import type { TargetDirection } from './deviation';

/**
 * A period figures are entered for: a year ('2025') or a quarter ('2025-Q1', typed '2025-T1'), as fraud volumes
 * (the same parser and labels: services/fraud/fraud-volumes.ts).
 */
export type ReportPeriod = FraudPeriod;

/** How an indicator reads: days, a percentage, or a number of files. */
export const indicatorUnits = ['days', 'percent', 'count'] as const;

/** One unit. */
export type IndicatorUnit = (typeof indicatorUnits)[number];

/** An indicator the bot does not collect and the quality officer enters per period (annex 1, parts III and IV). */
export interface IndicatorDefinition {
  /** Stable slug, typed in « indicateur delai-cni-passeports 2025-T1 5,9 ». */
  id: string;
  label: Record<Locale, string>;
  /** The annex table it belongs to: III titles (delays, requests), IV calls and internet. */
  group: 'titles' | 'reception';
  unit: IndicatorUnit;
  /** How a year is made of its quarters when no yearly figure is entered: the mean of a delay or rate, the sum of counts. */
  yearly: 'mean' | 'sum';
  /** The national target, when the annex gives a number. */
  target?: { value: number; direction: TargetDirection };
  /** What the annex writes in the target column when it gives no number. */
  note?: Record<Locale, string>;
  /** Other spellings accepted when typed (normalised: lower case, no accents). */
  aliases: readonly string[];
}

/**
 * The indicators of seed 003's annex 1 that no workflow of the bot produces (issue 7): III « Délais moyens de
 * traitement des titres » (CNI / passeports 9 j, 1ère carte de séjour 90 j, renouvellement 30 j, and the number of
 * requests sent to production) and IV « Appels décrochés / Connexions Internet » (answered calls 90 %, within 5 rings
 * "Indicateur Qualité Local", website updated "dans le délai de 3 j ouvrés", social networks 2 %, connections 5 %).
 * The website indicator is the share of updates made within 3 working days, as the annex reports it (100 %), not a
 * number of days. Data, not logic: a prefecture's other indicators are more lines here.
 */
export const reportIndicators: readonly IndicatorDefinition[] = [
  {
    id: 'delai-cni-passeports',
    label: { fr: 'Délai de traitement CNI / passeports', en: 'Processing time, ID cards / passports' },
    group: 'titles',
    unit: 'days',
    yearly: 'mean',
    target: { value: 9, direction: 'at-most' },
    aliases: ['cni', 'passeports', 'delai-cni', 'delai-titres'],
  },
  {
    id: 'delai-premiere-carte-sejour',
    label: { fr: 'Délai de traitement 1ère carte de séjour', en: 'Processing time, first residence permit' },
    group: 'titles',
    unit: 'days',
    yearly: 'mean',
    target: { value: 90, direction: 'at-most' },
    aliases: ['premiere-carte', 'premiere-carte-sejour', '1ere-carte-sejour', 'delai-premiere-carte'],
  },
  {
    id: 'delai-renouvellement-sejour',
    label: { fr: 'Délai de traitement renouvellement carte de séjour', en: 'Processing time, residence permit renewal' },
    group: 'titles',
    unit: 'days',
    yearly: 'mean',
    target: { value: 30, direction: 'at-most' },
    aliases: ['renouvellement', 'renouvellement-sejour', 'delai-renouvellement'],
  },
  {
    id: 'demandes-cni-passeports',
    label: { fr: 'Demandes CNI / passeports envoyées au centre de fabrication + rejetées', en: 'ID card / passport requests sent to production + rejected' },
    group: 'titles',
    unit: 'count',
    yearly: 'sum',
    aliases: [],
  },
  {
    id: 'demandes-premiere-carte-sejour',
    label: { fr: 'Demandes 1ère carte de séjour', en: 'First residence permit requests' },
    group: 'titles',
    unit: 'count',
    yearly: 'sum',
    aliases: [],
  },
  {
    id: 'demandes-renouvellement-sejour',
    label: { fr: 'Demandes de renouvellement de carte de séjour', en: 'Residence permit renewal requests' },
    group: 'titles',
    unit: 'count',
    yearly: 'sum',
    aliases: [],
  },
  {
    id: 'taux-appels-decroches',
    label: { fr: 'Taux d’appels décrochés', en: 'Answered calls rate' },
    group: 'reception',
    unit: 'percent',
    yearly: 'mean',
    target: { value: 90, direction: 'at-least' },
    aliases: ['appels', 'appels-decroches', 'decroches'],
  },
  {
    id: 'taux-decroches-5-sonneries',
    label: { fr: 'Taux de décrochés en moins de 5 sonneries', en: 'Calls answered within 5 rings' },
    group: 'reception',
    unit: 'percent',
    yearly: 'mean',
    note: { fr: 'Indicateur qualité local', en: 'Local quality indicator' },
    aliases: ['5-sonneries', 'sonneries'],
  },
  {
    id: 'mise-a-jour-site',
    label: { fr: 'Mise à jour du site internet dans le délai de 3 jours ouvrés', en: 'Website updated within 3 working days' },
    group: 'reception',
    unit: 'percent',
    yearly: 'mean',
    note: { fr: 'Indicateur qualité : dans le délai de 3 j ouvrés', en: 'Quality indicator: within 3 working days' },
    aliases: ['site', 'site-internet', 'maj-site', 'delai-site'],
  },
  {
    id: 'taux-engagement-reseaux-sociaux',
    label: { fr: 'Taux d’engagement sur les réseaux sociaux', en: 'Social network engagement rate' },
    group: 'reception',
    unit: 'percent',
    yearly: 'mean',
    target: { value: 2, direction: 'at-least' },
    aliases: ['reseaux-sociaux', 'engagement'],
  },
  {
    id: 'taux-connexions',
    label: { fr: 'Taux de connexions', en: 'Connection rate' },
    group: 'reception',
    unit: 'percent',
    yearly: 'mean',
    target: { value: 5, direction: 'at-least' },
    aliases: ['connexions'],
  },
];

/** Ids of the indicators, for the storage row check. */
export const indicatorIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(60);

/** One figure entered: an indicator's value for a period, and who entered it. */
export const indicatorEntrySchema = z.object({
  indicatorId: indicatorIdSchema,
  period: z.string().regex(/^\d{4}(-Q[1-4])?$/),
  value: z.number().finite().min(0),
  /** aadObjectId of the quality officer who entered it. */
  enteredBy: aadObjectIdSchema,
  /** When (ISO instant). */
  enteredAt: z.iso.datetime(),
});

/** One figure entered. */
export type IndicatorEntry = Omit<z.infer<typeof indicatorEntrySchema>, 'period'> & { period: ReportPeriod };

/** Who enters the figures: the quality officer, who produces the yearly report (DOMAIN "People and roles"). */
export function mayEnterIndicators(person: Pick<Person, 'roles'>): boolean {
  return person.roles.includes('rq');
}

/** The indicator a typed word names (id or alias, case and accents ignored), or undefined. */
export function findIndicator(typed: string, definitions: readonly IndicatorDefinition[] = reportIndicators): IndicatorDefinition | undefined {
  const key = normalizeText(typed).replace(/ /g, '-');
  if (key === '') return undefined;
  return definitions.find((definition) => definition.id === key || definition.aliases.includes(key));
}

/** Largest values accepted per unit: ten years of delay, a percentage, ten million requests. */
const maxValue: Record<IndicatorUnit, number> = { days: 3650, percent: 100, count: 10_000_000 };

const valueMessages = {
  fr: {
    missing: 'Indiquez la valeur.',
    unreadable: 'Valeur « {typed} » illisible : un nombre, par exemple 5,9 ou 91,96.',
    negative: 'La valeur ne peut pas être négative.',
    integer: 'Un nombre de demandes est un nombre entier (ex. 212356 ou 212 356).',
    tooLarge: 'Valeur invraisemblable (plus de {max}) : vérifiez la saisie.',
  },
  en: {
    missing: 'Give the value.',
    unreadable: 'Unreadable value “{typed}”: a number, for instance 5.9 or 91.96.',
    negative: 'The value cannot be negative.',
    integer: 'A number of requests is a whole number (e.g. 212356).',
    tooLarge: 'Implausible value (over {max}): check it.',
  },
};

const fillIn = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/**
 * Reads a value as the quality officer types it: French decimal comma or point ('91,96', '5.9'), spaces between
 * thousands ('212 356'), an optional unit sign after it ('%', 'j', 'jours'). Counts must be whole.
 */
export function parseIndicatorValue(text: string, unit: IndicatorUnit, locale: Locale = 'fr'): { ok: true; value: number } | { ok: false; message: string } {
  const m = valueMessages[locale];
  const compact = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(%|j|jours?|days?|d)$/i, '')
    .replace(',', '.');
  if (compact === '') return { ok: false, message: m.missing };
  if (/^-\d/.test(compact)) return { ok: false, message: m.negative };
  if (!/^\d+(\.\d+)?$/.test(compact)) return { ok: false, message: fillIn(m.unreadable, { typed: text.trim().slice(0, 20) }) };
  const value = Number(compact);
  if (unit === 'count' && !Number.isInteger(value)) return { ok: false, message: m.integer };
  if (value > maxValue[unit]) return { ok: false, message: fillIn(m.tooLarge, { max: maxValue[unit].toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB') }) };
  return { ok: true, value };
}

/** Reads a period as typed ('2025', '2025-T1', 'T1 2025'); undefined when it is none. */
export function parseReportPeriod(text: string): ReportPeriod | undefined {
  return parseFraudPeriod(text);
}

/** A period as each language reads it: « T1 2025 », "Q1 2025", "2025". */
export function reportPeriodLabel(period: ReportPeriod, locale: Locale): string {
  return periodLabel(period, locale);
}

/** First day of a period: a figure may only be entered for a period already begun. */
export function reportPeriodStart(period: ReportPeriod): LocalDate {
  return period.length === 4 ? `${period}-01-01` : quarterById(period as QuarterId).start;
}

/** An indicator's figure for a year, and what it rests on. */
export interface YearlyIndicatorValue {
  value?: number;
  /** 'year': the yearly figure entered; 'quarters': made of the quarters entered (listed in `quarters`). */
  basis?: 'year' | 'quarters';
  /** Quarters entered for the year (1–4), whatever the basis. */
  quarters: number[];
}

/**
 * The year's figure of one indicator: the yearly figure when entered (the annex's own figures are yearly), else the
 * mean (delays, rates) or the sum (requests) of the quarters entered, which the report names ("T1–T3").
 */
export function yearlyIndicatorValue(definition: Pick<IndicatorDefinition, 'id' | 'yearly'>, entries: readonly Pick<IndicatorEntry, 'indicatorId' | 'period' | 'value'>[], year: number): YearlyIndicatorValue {
  const own = entries.filter((entry) => entry.indicatorId === definition.id && entry.period.startsWith(String(year)));
  const quarterly = own.filter((entry) => entry.period.length === 7).sort((a, b) => a.period.localeCompare(b.period));
  const quarters = quarterly.map((entry) => Number(entry.period.slice(6)));
  const yearly = own.find((entry) => entry.period === String(year));
  if (yearly) return { value: yearly.value, basis: 'year', quarters };
  if (quarterly.length === 0) return { quarters };
  const sum = quarterly.reduce((total, entry) => total + entry.value, 0);
  return { value: definition.yearly === 'sum' ? sum : sum / quarterly.length, basis: 'quarters', quarters };
}
