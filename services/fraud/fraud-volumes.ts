import type { Locale } from '../../cards/locale';
import type { Person } from '../directory/person';
import type { LocalDate } from '../reminders/calendar';
import { parseQuarterId, quarterById, type QuarterId } from '../reminders/quarter';
import { fraudServiceInfo, fraudServices, parseFraudService, type FraudService } from './fraud-catalog';

/** A period volumes are entered for: a year ('2025') or a quarter ('2025-Q1', typed '2025-T1'). */
export type FraudPeriod = `${number}` | QuarterId;

/** Files processed by one fraud domain in one period: the denominator of the rate (2020 report, part V). */
export interface FraudVolume {
  service: FraudService;
  period: FraudPeriod;
  /** Files processed (whole number, 0 allowed: a period with no activity has no rate). */
  volume: number;
  /** Who entered it, when (ISO instant). */
  enteredBy: string;
  enteredAt: string;
}

/** Largest volume accepted: well above any prefecture's yearly files, so a typo of three zeros is caught. */
export const maxVolume = 10_000_000;

/** Oldest year volumes may be entered for. */
const firstYear = 2000;

/** Reads a period as typed: '2025', '2025-T1', '2025-Q1', or 'T1 2025' / 'T1-2025'; undefined when none. */
export function parseFraudPeriod(text: string): FraudPeriod | undefined {
  const typed = text.trim();
  if (/^\d{4}$/.test(typed)) return typed as FraudPeriod;
  const direct = parseQuarterId(typed);
  if (direct) return direct;
  const reversed = /^([QT][1-4])[\s-]+(\d{4})$/i.exec(typed);
  return reversed ? parseQuarterId(`${reversed[2] ?? ''}-${reversed[1] ?? ''}`) : undefined;
}

/** The year a period belongs to. */
export function yearOfPeriod(period: FraudPeriod): number {
  return Number(period.slice(0, 4));
}

/** First day of a period. */
function periodStart(period: FraudPeriod): LocalDate {
  return period.length === 4 ? `${period}-01-01` : quarterById(period as QuarterId).start;
}

/** A period as each language reads it: « T1 2025 », "Q1 2025", "2025". */
export function periodLabel(period: FraudPeriod, locale: Locale): string {
  if (period.length === 4) return period;
  return `${locale === 'fr' ? 'T' : 'Q'}${period.slice(6)} ${period.slice(0, 4)}`;
}

/**
 * Who may enter volumes: the quality officer for every domain, a manager for the domain of their own service
 * (the BMI manager for BMI, the CERT manager for CERT; the others have no office and are the quality officer's).
 */
export function mayEnterVolumes(person: Pick<Person, 'roles' | 'service'>, service: FraudService): boolean {
  if (person.roles.includes('rq')) return true;
  const office = fraudServiceInfo[service].directoryService;
  return person.roles.includes('manager') && office !== undefined && person.service === office;
}

/** The domains a person may enter volumes for, in list order. */
export function volumeServicesFor(person: Pick<Person, 'roles' | 'service'>): FraudService[] {
  return fraudServices.filter((service) => mayEnterVolumes(person, service));
}

/** The periods offered on the volumes card: this year and last, each year then its quarters begun by today. */
export function volumePeriodChoices(today: LocalDate): FraudPeriod[] {
  const year = Number(today.slice(0, 4));
  const choices: FraudPeriod[] = [];
  for (const y of [year, year - 1]) {
    choices.push(String(y) as FraudPeriod);
    for (const q of [1, 2, 3, 4]) {
      const period = `${y}-Q${q}` as FraudPeriod;
      if (periodStart(period) <= today) choices.push(period);
    }
  }
  return choices;
}

/** A field a volume entry error points at. */
export type VolumeField = 'service' | 'period' | 'volume' | 'form';

/** Outcome of reading a volume entry. */
export type VolumeEntryResult = { ok: true; service: FraudService; period: FraudPeriod; volume: number } | { ok: false; errors: { field: VolumeField; message: string }[] };

const messages = {
  fr: {
    usage: 'Écrivez par exemple « volumes BMI 2025-T1 12500 » (service, trimestre ou année, nombre de dossiers traités).',
    service: 'Service « {typed} » inconnu : choisissez parmi {codes}.',
    serviceMissing: 'Choisissez le service.',
    notYours: 'Vous ne pouvez saisir les volumes que de {services}.',
    noneYours: 'Vous ne pouvez saisir de volumes pour aucun service de fraude.',
    period: 'Période « {typed} » illisible : une année (2025) ou un trimestre (2025-T1).',
    periodMissing: 'Choisissez la période.',
    periodFuture: 'La période {period} n’a pas commencé : saisissez les volumes une fois les dossiers traités.',
    periodOld: `Période trop ancienne : à partir de ${firstYear}.`,
    volumeMissing: 'Indiquez le nombre de dossiers traités.',
    negative: 'Le nombre de dossiers ne peut pas être négatif.',
    integer: 'Le nombre de dossiers doit être un nombre entier (ex. 12500 ou 12 500).',
    tooLarge: `Nombre de dossiers invraisemblable (plus de ${maxVolume.toLocaleString('fr-FR')}) : vérifiez la saisie.`,
  },
  en: {
    usage: 'Write for instance “volumes BMI 2025-Q1 12500” (service, quarter or year, number of files processed).',
    service: 'Unknown service “{typed}”: pick one of {codes}.',
    serviceMissing: 'Pick the service.',
    notYours: 'You may only enter the volumes of {services}.',
    noneYours: 'You may not enter volumes for any fraud service.',
    period: 'Unreadable period “{typed}”: a year (2025) or a quarter (2025-Q1).',
    periodMissing: 'Pick the period.',
    periodFuture: 'Period {period} has not started: enter the volumes once the files are processed.',
    periodOld: `Period too old: from ${firstYear} on.`,
    volumeMissing: 'Give the number of files processed.',
    negative: 'The number of files cannot be negative.',
    integer: 'The number of files must be a whole number (e.g. 12500).',
    tooLarge: `Implausible number of files (over ${maxVolume.toLocaleString('en-GB')}): check it.`,
  },
};

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** Reads a number of files as people type it: '12500', '12 500' (any space), '12.500' and '12,5' are refused. */
export function parseVolumeNumber(text: string, locale: Locale = 'fr'): { ok: true; volume: number } | { ok: false; message: string } {
  const m = messages[locale];
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return { ok: false, message: m.volumeMissing };
  if (/^-\d/.test(compact)) return { ok: false, message: m.negative };
  if (!/^\d+$/.test(compact)) return { ok: false, message: m.integer };
  const volume = Number(compact);
  if (volume > maxVolume) return { ok: false, message: m.tooLarge };
  return { ok: true, volume };
}

/**
 * Checks one entry (from the card or from « volumes BMI 2025-T1 12500 »): a known domain the person may enter,
 * a period already begun, a whole number of files. Every problem is reported at once; nothing is written on any.
 */
export function validateVolumeEntry(
  input: { service?: string; period?: string; volume?: string },
  context: { person: Pick<Person, 'roles' | 'service'>; today: LocalDate },
  locale: Locale = 'fr',
): VolumeEntryResult {
  const m = messages[locale];
  const errors: { field: VolumeField; message: string }[] = [];
  const typedService = (input.service ?? '').trim();
  const service = parseFraudService(typedService);
  const allowed = volumeServicesFor(context.person);
  if (typedService === '') errors.push({ field: 'service', message: m.serviceMissing });
  else if (!service) errors.push({ field: 'service', message: fill(m.service, { typed: typedService.slice(0, 20), codes: fraudServices.join(', ') }) });
  else if (!mayEnterVolumes(context.person, service)) {
    errors.push({ field: 'service', message: allowed.length === 0 ? m.noneYours : fill(m.notYours, { services: allowed.join(', ') }) });
  }
  const typedPeriod = (input.period ?? '').trim();
  const period = parseFraudPeriod(typedPeriod);
  if (typedPeriod === '') errors.push({ field: 'period', message: m.periodMissing });
  else if (!period) errors.push({ field: 'period', message: fill(m.period, { typed: typedPeriod.slice(0, 20) }) });
  else if (yearOfPeriod(period) < firstYear) errors.push({ field: 'period', message: m.periodOld });
  else if (periodStart(period) > context.today) errors.push({ field: 'period', message: fill(m.periodFuture, { period: periodLabel(period, locale) }) });
  const volume = parseVolumeNumber(input.volume ?? '', locale);
  if (!volume.ok) errors.push({ field: 'volume', message: volume.message });
  if (errors.length > 0 || !service || !period || !volume.ok) return { ok: false, errors };
  return { ok: true, service, period, volume: volume.volume };
}

/**
 * Reads the words after « volumes »: '<service> <period> <number>' ('BMI 2025-T1 12 500', 'BMI T1 2025 12500').
 * Empty means "show the card".
 */
export function parseVolumesArgument(argument: string): { kind: 'card' } | { kind: 'entry'; service: string; period: string; volume: string } | { kind: 'usage' } {
  const words = argument.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { kind: 'card' };
  if (words.length < 3) return { kind: 'usage' };
  const [service = '', first = '', second = ''] = words;
  const twoWordPeriod = /^[QT][1-4]$/i.test(first) && /^\d{4}$/.test(second);
  const period = twoWordPeriod ? `${first} ${second}` : first;
  const volume = words.slice(twoWordPeriod ? 3 : 2).join(' ');
  return volume === '' ? { kind: 'usage' } : { kind: 'entry', service, period, volume };
}

/** The usage sentence of « volumes ». */
export function volumesUsage(locale: Locale): string {
  return messages[locale].usage;
}

