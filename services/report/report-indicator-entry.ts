import type { Locale } from '../../cards/locale';
import type { AuditRepository } from '../audit/audit-repository';
import type { Person } from '../directory/person';
import type { LocalDate } from '../reminders/calendar';
import type { ReportIndicatorsRepository } from './report-indicators-repository';
import {
  findIndicator,
  mayEnterIndicators,
  parseIndicatorValue,
  parseReportPeriod,
  reportIndicators,
  reportPeriodLabel,
  reportPeriodStart,
  type IndicatorDefinition,
  type IndicatorEntry,
  type ReportPeriod,
} from './report-indicators';

/** What the words after « indicateur » ask: the card (of a year), a figure to enter, a figure to remove, or help. */
export type IndicatorCommand =
  | { kind: 'card'; year?: string }
  | { kind: 'entry'; indicator: string; period: string; value: string }
  | { kind: 'remove'; indicator: string; period: string }
  | { kind: 'usage' };

const removeWords = new Set(['effacer', 'supprimer', 'retirer', 'delete', 'remove']);

/**
 * Reads « indicateur <indicateur> <période> <valeur> » ('delai-cni-passeports 2025-T1 5,9', 'appels T1 2025 91,96 %'),
 * « indicateur <indicateur> <période> effacer », or nothing / a year for the card.
 */
export function parseIndicatorCommand(argument: string): IndicatorCommand {
  const words = argument.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { kind: 'card' };
  if (words.length === 1 && /^\d{4}$/.test(words[0] ?? '')) return { kind: 'card', year: words[0] };
  if (words.length < 3) return { kind: 'usage' };
  const [indicator = '', first = '', second = ''] = words;
  const twoWordPeriod = /^[QT][1-4]$/i.test(first) && /^\d{4}$/.test(second);
  const period = twoWordPeriod ? `${first} ${second}` : first;
  const rest = words.slice(twoWordPeriod ? 3 : 2).join(' ');
  if (rest === '') return { kind: 'usage' };
  if (removeWords.has(rest.toLowerCase())) return { kind: 'remove', indicator, period };
  return { kind: 'entry', indicator, period, value: rest };
}

const messages = {
  fr: {
    usage: 'Écrivez par exemple « indicateur delai-cni-passeports 2025-T1 5,9 » (indicateur, trimestre ou année, valeur) ; « indicateurs » pour la liste.',
    unknown: 'Indicateur « {typed} » inconnu : {ids}.',
    period: 'Période « {typed} » illisible : une année (2025) ou un trimestre (2025-T1).',
    future: 'La période {period} n’a pas commencé : saisissez la valeur une fois la période commencée.',
    old: 'Période trop ancienne : à partir de 2000.',
  },
  en: {
    usage: 'Write for instance “indicator delai-cni-passeports 2025-Q1 5.9” (indicator, quarter or year, value); “indicators” for the list.',
    unknown: 'Unknown indicator “{typed}”: {ids}.',
    period: 'Unreadable period “{typed}”: a year (2025) or a quarter (2025-Q1).',
    future: 'Period {period} has not started: enter the value once it has.',
    old: 'Period too old: from 2000 on.',
  },
};

const fillIn = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** The usage sentence of « indicateur ». */
export function indicatorUsage(locale: Locale): string {
  return messages[locale].usage;
}

/** A checked entry (or removal): the indicator, a period begun, the value read. */
export type IndicatorInput = { ok: true; definition: IndicatorDefinition; period: ReportPeriod; value?: number } | { ok: false; message: string };

/** Checks what was typed: a known indicator, a period begun by `today`, a value in the indicator's unit. */
export function validateIndicatorInput(input: { indicator: string; period: string; value?: string }, today: LocalDate, locale: Locale = 'fr'): IndicatorInput {
  const m = messages[locale];
  const definition = findIndicator(input.indicator);
  if (!definition) return { ok: false, message: fillIn(m.unknown, { typed: input.indicator.slice(0, 40), ids: reportIndicators.map((d) => d.id).join(', ') }) };
  const period = parseReportPeriod(input.period);
  if (!period) return { ok: false, message: fillIn(m.period, { typed: input.period.slice(0, 20) }) };
  if (Number(period.slice(0, 4)) < 2000) return { ok: false, message: m.old };
  if (reportPeriodStart(period) > today) return { ok: false, message: fillIn(m.future, { period: reportPeriodLabel(period, locale) }) };
  if (input.value === undefined) return { ok: true, definition, period };
  const value = parseIndicatorValue(input.value, definition.unit, locale);
  return value.ok ? { ok: true, definition, period, value: value.value } : { ok: false, message: value.message };
}

/** Outcome of an entry: refused (not the quality officer), saved with the figure replaced if any, or removed. */
export type IndicatorOutcome = { kind: 'refused' } | { kind: 'saved'; entry: IndicatorEntry; before?: IndicatorEntry } | { kind: 'removed'; before?: IndicatorEntry };

/**
 * Enters (value given) or removes (no value) the figure of a period, and audits it as 'reportIndicator.set' or
 * 'reportIndicator.remove' with the figures before and after.
 */
export async function enterIndicator(
  app: { reportIndicators: ReportIndicatorsRepository; audit: AuditRepository },
  actor: Pick<Person, 'id' | 'roles'>,
  input: { definition: IndicatorDefinition; period: ReportPeriod; value?: number },
  now: Date,
): Promise<IndicatorOutcome> {
  if (!mayEnterIndicators(actor)) return { kind: 'refused' };
  const entityId = `${input.definition.id}|${input.period}`;
  if (input.value === undefined) {
    const before = await app.reportIndicators.remove(input.definition.id, input.period);
    if (before) await app.audit.append({ actorId: actor.id, action: 'reportIndicator.remove', entityType: 'reportIndicator', entityId, before: { value: before.value } });
    return { kind: 'removed', before };
  }
  const entry: IndicatorEntry = { indicatorId: input.definition.id, period: input.period, value: input.value, enteredBy: actor.id, enteredAt: now.toISOString() };
  const change = await app.reportIndicators.set(entry);
  await app.audit.append({ actorId: actor.id, action: 'reportIndicator.set', entityType: 'reportIndicator', entityId, before: change.before && { value: change.before.value }, after: { value: entry.value } });
  return { kind: 'saved', entry, before: change.before };
}
