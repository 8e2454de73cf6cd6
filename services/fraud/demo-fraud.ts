import { addCalendarDays, type LocalDate } from '../reminders/calendar';
import { quarterById, type QuarterId } from '../reminders/quarter';
import type { FraudNature, FraudService, TitleType } from './fraud-catalog';
import { formatFraudSignalId, type FraudSignal, type FraudState } from './fraud-signal';
import type { FraudPeriod, FraudVolume } from './fraud-volumes';

const person = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(13, '0')}`;
const alex = person(20);
const megan = person(21);
const adele = person(22);
const isaiah = person(23);
const bmiAgents = [adele, person(104), person(105), person(106)];
const certAgents = [person(107), person(108), person(109)];

/** Anonymous descriptions, as the form asks (the usual frauds of CLU 2021: false documents, payslips, addresses). */
const descriptions: Record<FraudNature, string> = {
  'faux-document': 'Attestation de travail d’un autre département, tampon non conforme au modèle',
  'faux-bulletin-salaire': 'Bulletins de salaire d’une entreprise radiée, mise en page incohérente',
  'faux-justificatif-domicile': 'Facture d’énergie retouchée : adresse et montant dans une autre police',
  'usurpation-identite': 'Photo du demandeur différente de celle du titre précédent',
  contrefacon: 'Titre présenté sans les éléments de sécurité attendus (hologramme absent)',
  autre: 'Incohérence entre les pièces du dossier, signalée pour vérification',
};

const bmiNatures: FraudNature[] = ['faux-bulletin-salaire', 'faux-justificatif-domicile', 'faux-document', 'usurpation-identite'];
const certNatures: FraudNature[] = ['usurpation-identite', 'faux-justificatif-domicile', 'contrefacon'];

interface Spec {
  service: FraudService;
  order: number;
  detectedOn: LocalDate;
  nature: FraudNature;
  authorId: string;
  state: FraudState;
  article40: boolean;
  question?: string;
}

function signalOf(spec: Spec, today: LocalDate): FraudSignal {
  const year = Number(spec.detectedOn.slice(0, 4));
  const titleType: TitleType = spec.service === 'BMI' ? 'titre-sejour' : spec.nature === 'usurpation-identite' ? 'passeport' : 'cni';
  // Written the next day and qualified two days later, never after the seeding day (early January).
  const dayAfter = (days: number) => {
    const day = addCalendarDays(spec.detectedOn, days);
    return day > today ? today : day;
  };
  const createdAt = `${dayAfter(1)}T07:30:00.000Z`;
  const qualifiedAt = `${dayAfter(3)}T08:00:00.000Z`;
  const signal: FraudSignal = {
    id: formatFraudSignalId(spec.service, year, spec.order),
    service: spec.service,
    titleType,
    nature: spec.nature,
    detectedOn: spec.detectedOn,
    fileReference: `${year}-${spec.service}-${String(400 + spec.order * 7).padStart(5, '0')}`,
    description: descriptions[spec.nature],
    article40: spec.article40 ? { reported: true, on: dayAfter(2) } : { reported: false },
    authorId: spec.authorId,
    createdAt,
    state: spec.state,
    submittedAt: createdAt,
    exchanges: [],
    revision: spec.state === 'submitted' ? 0 : 1,
  };
  if (spec.state === 'confirmed' || spec.state === 'not-confirmed') {
    signal.qualification = { by: isaiah, at: qualifiedAt, outcome: spec.state };
  }
  if (spec.state === 'to-complete' && spec.question) {
    signal.qualification = { by: isaiah, at: qualifiedAt, outcome: 'to-complete', question: spec.question };
    signal.exchanges = [{ question: spec.question, askedBy: isaiah, askedAt: qualifiedAt }];
  }
  return signal;
}

/** Days spread over a year (or its elapsed part): the n-th of `count`, never after `last`. */
function spread(first: LocalDate, last: LocalDate, n: number, count: number): LocalDate {
  const span = Math.max(0, Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000));
  return addCalendarDays(first, Math.floor((span * (n + 0.5)) / count));
}

/**
 * Demo fraud data for the seeding day: last year shaped like the 2020 report (seed 003, part V: BMI 12 signals for
 * 3 870 files = 3.10 ‰ against 5 ‰, CERT 11 for 20 370 = 0.54 ‰ against 0.5 ‰, article-40 reports), and this year a
 * few signals, one awaiting Isaiah's qualification and one of Adele's to complete, with BMI's volumes of the
 * quarters already over and none yet for CERT (« aucun volume saisi »).
 */
export function demoFraud(today: LocalDate, enteredAt: string): { signals: FraudSignal[]; volumes: FraudVolume[] } {
  const year = Number(today.slice(0, 4));
  const last = year - 1;
  const specs: Spec[] = [];
  for (let n = 0; n < 13; n += 1) {
    const state: FraudState = n === 12 ? 'not-confirmed' : 'confirmed';
    specs.push({ service: 'BMI', order: n + 1, detectedOn: spread(`${last}-01-01`, `${last}-12-31`, n, 13), nature: bmiNatures[n % 4] ?? 'autre', authorId: bmiAgents[n % 4] ?? adele, state, article40: n % 3 === 0 });
  }
  for (let n = 0; n < 11; n += 1) {
    specs.push({ service: 'CERT', order: n + 1, detectedOn: spread(`${last}-01-01`, `${last}-12-31`, n, 11), nature: certNatures[n % 3] ?? 'autre', authorId: certAgents[n % 3] ?? person(107), state: 'confirmed', article40: n % 5 === 0 });
  }
  const start = `${year}-01-01`;
  const recent = (days: number) => {
    const day = addCalendarDays(today, -days);
    return day < start ? start : day;
  };
  specs.push(
    { service: 'BMI', order: 1, detectedOn: spread(start, today, 0, 4), nature: 'faux-bulletin-salaire', authorId: person(104), state: 'confirmed', article40: true },
    { service: 'BMI', order: 2, detectedOn: spread(start, today, 1, 4), nature: 'faux-justificatif-domicile', authorId: person(105), state: 'confirmed', article40: false },
    { service: 'BMI', order: 3, detectedOn: recent(20), nature: 'faux-document', authorId: adele, state: 'to-complete', article40: false, question: 'Le tampon a-t-il été comparé au modèle de la DREETS ? Précisez ce qui ne correspond pas.' },
    { service: 'BMI', order: 4, detectedOn: recent(2), nature: 'faux-bulletin-salaire', authorId: adele, state: 'submitted', article40: false },
    { service: 'CERT', order: 1, detectedOn: spread(start, today, 2, 4), nature: 'usurpation-identite', authorId: person(108), state: 'confirmed', article40: true },
  );
  const signals = specs.map((spec) => signalOf(spec, today)).filter((signal) => signal.detectedOn <= today);

  const volume = (service: FraudService, period: string, files: number, by: string): FraudVolume => ({ service, period: period as FraudPeriod, volume: files, enteredBy: by, enteredAt });
  const volumes: FraudVolume[] = [
    volume('BMI', `${last}-Q1`, 1000, alex),
    volume('BMI', `${last}-Q2`, 800, alex),
    volume('BMI', `${last}-Q3`, 1020, alex),
    volume('BMI', `${last}-Q4`, 1050, alex),
    volume('CERT', String(last), 20_370, alex),
  ];
  const thisYear: [QuarterId, number][] = [
    [`${year}-Q1` as QuarterId, 1100],
    [`${year}-Q2` as QuarterId, 950],
    [`${year}-Q3` as QuarterId, 1000],
  ];
  for (const [quarter, files] of thisYear) if (quarterById(quarter).end < today) volumes.push(volume('BMI', quarter, files, megan));
  return { signals, volumes };
}

/** Adds the demo fraud signals and volumes where their numbers and periods are free (idempotent). */
export async function seedDemoFraud(
  repositories: { fraudSignals: { addMissing(signals: readonly FraudSignal[]): Promise<number> }; fraudVolumes: { addMissing(volumes: readonly FraudVolume[]): Promise<number> } },
  today: LocalDate,
  enteredAt: string,
): Promise<{ signalsAdded: number; volumesAdded: number }> {
  const { signals, volumes } = demoFraud(today, enteredAt);
  return { signalsAdded: await repositories.fraudSignals.addMissing(signals), volumesAdded: await repositories.fraudVolumes.addMissing(volumes) };
}
