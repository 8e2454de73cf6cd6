import type { ActionItem } from '../../services/action-plan/action-item';
import type { CheckAnswer, CheckItem } from '../../services/checks/check-item';
import type { Complaint } from '../../services/complaints/complaint';
import type { ComplaintChannel } from '../../services/complaints/complaint-channels';
import { replyDueOn } from '../../services/complaints/complaint-deadline';
import type { Person } from '../../services/directory/person';
import type { FraudService } from '../../services/fraud/fraud-catalog';
import type { FraudSignal } from '../../services/fraud/fraud-signal';
import type { FraudVolume } from '../../services/fraud/fraud-volumes';
import { WorkingCalendar } from '../../services/reminders/calendar';
import type { IndicatorEntry } from '../../services/report/report-indicators';
import type { YearlyReportData } from '../../services/report/yearly-report';
import type { TrainingRecord } from '../../services/training/training-record';
import type { TrainingType } from '../../services/training/training-type';

/**
 * A known data set built from seed 003's annex 1 (bilan qualité 2020 of the préfecture du Cher, presented to the
 * CLU in February 2021), with the 2019 figures the annex compares to. The report computed from it must print the
 * annex's numbers.
 */
export const calendar = new WorkingCalendar({ timeZone: 'Europe/Paris' });
/** The day the report is computed: mid-January 2021, before the CLU of 16 February. */
export const today = '2021-01-15';

export const personId = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
const rq = personId(20);

/** Four front-desk agents and twenty-six agents of the foreigners' office (BMI). */
export const people: Pick<Person, 'id' | 'name' | 'email' | 'roles' | 'service' | 'toAssign'>[] = Array.from({ length: 30 }, (_, index) => ({
  id: personId(index + 1),
  name: `Agent ${String(index + 1).padStart(2, '0')}`,
  email: `agent${index + 1}@cher.gouv.fr`,
  roles: ['agent'],
  service: index < 4 ? 'ACCUEIL' : 'BMI',
  toAssign: false,
}));

/** The three commitments of annex 1 part VI, numbered as the Cher list numbers them. */
export const trainingTypes: TrainingType[] = [
  { id: 'accueil-physique-telephonique', label: { fr: 'Accueil physique et téléphonique', en: 'Front desk and phone' }, commitment: 'E.4', validityMonths: 48, requiredFor: { services: ['ACCUEIL'] }, active: true },
  { id: 'lutte-contre-la-fraude', label: { fr: 'Lutte contre la fraude', en: 'Fraud' }, commitment: 'E.23 / E.33', validityMonths: 48, requiredFor: { services: ['BMI', 'CERT'] }, active: true },
  { id: 'valeurs-service-public', label: { fr: 'Valeurs du service public', en: 'Public service values' }, commitment: 'E.28', validityMonths: 48, requiredFor: { services: ['BMI'] }, active: true },
];

/** « engagement n° 4 : 4 agents … » in the classroom; « engagement n° 28 : … 26 agents » by e-learning; none for fraud. */
const trainingRecords: TrainingRecord[] = [
  ...people.slice(0, 4).map((person) => ({ personId: person.id, typeId: 'accueil-physique-telephonique', completedOn: '2020-09-15', title: 'Accueil physique et téléphonique', mode: 'presentiel' as const, declaredBy: rq, declaredAt: '2020-09-16T08:00:00.000Z' })),
  ...people.slice(4).map((person, index) => ({ personId: person.id, typeId: 'valeurs-service-public', completedOn: `2020-05-${String(4 + (index % 20)).padStart(2, '0')}`, title: 'Valeurs du service public', mode: 'e-learning' as const, declaredBy: rq, declaredAt: '2020-06-02T08:00:00.000Z' })),
];

/** One request received on a Monday of January–February 2020 (no public holiday), answered after `days` working days. */
function request(year: number, n: number, channel: ComplaintChannel, days: number | undefined, inScope = true): Complaint {
  const mondays = year === 2020 ? ['2020-01-06', '2020-01-13', '2020-01-20', '2020-01-27', '2020-02-03', '2020-02-10'] : ['2019-01-07', '2019-01-14', '2019-01-21', '2019-01-28'];
  const receivedOn = mondays[n % mondays.length] ?? '';
  const due = replyDueOn(receivedOn, channel, calendar);
  const at = `${receivedOn}T09:00:00.000Z`;
  return {
    id: `R-${year}-${String(n + 1).padStart(4, '0')}`,
    channel,
    kind: n % 3 === 0 ? 'information-request' : n % 3 === 1 ? 'complaint' : 'suggestion',
    receivedOn,
    summary: 'Horaires d’ouverture trop restreints',
    inScope,
    outOfScopeReason: inScope ? undefined : 'file-in-progress',
    service: 'DC',
    assigneeId: personId(5),
    assignedAt: at,
    initialDueOn: due,
    dueOn: due,
    dueSetAt: at,
    replies: days === undefined ? [] : [{ kind: 'substance', on: calendar.addWorkingDays(receivedOn, days), by: personId(5), at }],
    state: days === undefined ? 'open' : 'answered',
    createdBy: rq,
    createdAt: at,
    revision: 0,
  };
}

/**
 * « COURRIEL 24 57 % — COURRIER 15 36 % — FICHES HALL 3 7 % — TOTAL 42 »: e-mails answered in 3 working days,
 * letters in 7, one hall form in 8 and two in 12 (past the 10 allowed); plus 5 requests on files in progress, out
 * of the Qual-e-pref scope. 2019: 78 requests in scope.
 */
const complaints2020: Complaint[] = [
  ...Array.from({ length: 24 }, (_, i) => request(2020, i, 'email', 3)),
  ...Array.from({ length: 15 }, (_, i) => request(2020, 24 + i, 'letter', 7)),
  ...[8, 12, 12].map((days, i) => request(2020, 39 + i, 'hall-form', days)),
  ...Array.from({ length: 5 }, (_, i) => request(2020, 42 + i, 'letter', 9, false)),
];
const complaints2019: Complaint[] = Array.from({ length: 78 }, (_, i) => request(2019, i, i % 2 === 0 ? 'email' : 'letter', 4));

/** Signals of one domain and year, all confirmed, the first `article40` of them reported to the prosecutor. */
function signals(service: FraudService, year: number, count: number, article40 = count): Pick<FraudSignal, 'service' | 'detectedOn' | 'state' | 'article40'>[] {
  return Array.from({ length: count }, (_, i) => ({
    service,
    detectedOn: `${year}-${String(1 + (i % 11)).padStart(2, '0')}-10`,
    state: 'confirmed' as const,
    article40: i < article40 ? { reported: true, on: `${year}-11-20` } : { reported: false },
  }));
}

/**
 * Part V: BMI 12 files / 3 870 processed = 3,10 ‰ (target 5 ‰), CERT 11 / 20 370 = 0,54 ‰ (target 0,5 ‰), 52 reports
 * under article 40 (driving licences and registration make up the rest). 2019: BMI 36 / 5 014 = 7,18 ‰, CERT
 * 9 / 32 143 = 0,28 ‰, 58 article-40 reports.
 */
const fraudSignals = [
  ...signals('BMI', 2020, 12),
  ...signals('CERT', 2020, 11),
  ...signals('PERMIS', 2020, 15),
  ...signals('SIV', 2020, 14),
  ...signals('BMI', 2019, 36),
  ...signals('CERT', 2019, 9),
  ...signals('AUTRE', 2019, 13),
];
const volume = (service: FraudService, period: string, files: number): Pick<FraudVolume, 'service' | 'period' | 'volume'> => ({ service, period: period as FraudVolume['period'], volume: files });
const fraudVolumes = [volume('BMI', '2020', 3870), volume('CERT', '2020', 20370), volume('BMI', '2019', 5014), volume('CERT', '2019', 32143)];

const entry = (indicatorId: string, period: string, value: number): IndicatorEntry => ({ indicatorId, period: period as IndicatorEntry['period'], value, enteredBy: rq, enteredAt: '2021-01-10T09:00:00.000Z' });

/** Parts III and IV, 2020 then 2019, as the quality officer enters them. */
const indicators: IndicatorEntry[] = [
  entry('delai-cni-passeports', '2020', 5.9),
  entry('delai-premiere-carte-sejour', '2020', 81),
  entry('delai-renouvellement-sejour', '2020', 64),
  entry('demandes-cni-passeports', '2020', 212356),
  entry('demandes-premiere-carte-sejour', '2020', 357),
  entry('demandes-renouvellement-sejour', '2020', 1037),
  entry('taux-appels-decroches', '2020', 91.96),
  entry('taux-decroches-5-sonneries', '2020', 95),
  entry('mise-a-jour-site', '2020', 100),
  entry('taux-engagement-reseaux-sociaux', '2020', 5.53),
  entry('taux-connexions', '2020', 12.41),
  entry('delai-cni-passeports', '2019', 14.9),
  entry('delai-premiere-carte-sejour', '2019', 64.9),
  entry('delai-renouvellement-sejour', '2019', 52.1),
  entry('demandes-cni-passeports', '2019', 311498),
  entry('demandes-premiere-carte-sejour', '2019', 525),
  entry('demandes-renouvellement-sejour', '2019', 1438),
  entry('taux-appels-decroches', '2019', 91.46),
  entry('taux-decroches-5-sonneries', '2019', 88.55),
  entry('mise-a-jour-site', '2019', 90),
  entry('taux-engagement-reseaux-sociaux', '2019', 5.15),
  entry('taux-connexions', '2019', 8.25),
];

/** The 2020 improvements of annex 1 part I: three done, the website's tree still in progress. */
function action(n: number, finding: string, state: 'closed' | 'in-progress', closedOn?: string): ActionItem {
  return {
    id: `2020-${String(n).padStart(2, '0')}`,
    year: 2020,
    finding,
    references: ['E3'],
    sources: ['enquete-satisfaction'],
    state,
    deadline: '2021-06-30',
    action: finding,
    services: ['BLS'],
    ownerId: personId(5),
    verification: state === 'closed' ? 'Constaté sur place' : undefined,
    effective: state === 'closed' ? true : undefined,
    closedOn,
    createdAt: '2020-09-30T08:00:00.000Z',
    createdBy: rq,
    revision: 1,
  };
}
const actions: ActionItem[] = [
  action(1, 'Ajouter un siège à chaque guichet', 'closed', '2020-10-15'),
  action(2, 'Déplacer l’urne des réclamations du côté de la sortie', 'closed', '2020-10-23'),
  action(3, 'Actualiser l’affichage du hall (nouvelle charte graphique)', 'closed', '2020-11-05'),
  action(4, 'Simplifier l’arborescence du site internet', 'in-progress'),
];

/** Two items checked every quarter of 2020: both in Q1, one late in Q2, a problem in Q3, one forgotten in Q4. */
const checkItems: CheckItem[] = [
  { id: 'HALL-HORAIRES', label: 'Horaires d’ouverture affichés dans le hall', commitment: 'E.1', location: 'hall', ownerId: personId(1), service: 'ACCUEIL', active: true, createdAt: '2019-12-01T08:00:00.000Z' },
  { id: 'SITE-DELAIS', label: 'Délais des titres publiés sur le site', commitment: 'E.14', location: 'website', url: 'https://www.cher.gouv.fr/', ownerId: personId(2), service: 'ACCUEIL', active: true, createdAt: '2019-12-01T08:00:00.000Z' },
];
const answer = (itemId: string, quarter: string, kind: CheckAnswer['answer'], late = false): CheckAnswer => ({
  itemId,
  quarter,
  answer: kind,
  problem: kind === 'problem' ? 'Affiche absente' : undefined,
  answeredBy: itemId === 'HALL-HORAIRES' ? personId(1) : personId(2),
  answeredAt: '2020-03-10T09:00:00.000Z',
  late,
});
const checkAnswers: CheckAnswer[] = [
  answer('HALL-HORAIRES', '2020-Q1', 'verified'),
  answer('SITE-DELAIS', '2020-Q1', 'updated'),
  answer('HALL-HORAIRES', '2020-Q2', 'verified'),
  answer('SITE-DELAIS', '2020-Q2', 'verified', true),
  answer('HALL-HORAIRES', '2020-Q3', 'problem'),
  answer('SITE-DELAIS', '2020-Q3', 'verified'),
  answer('HALL-HORAIRES', '2020-Q4', 'verified'),
];

/** The whole data set. */
export const seed003Data: YearlyReportData = {
  complaints: [...complaints2020, ...complaints2019],
  trainingTypes,
  trainingRecords,
  people,
  fraudSignals,
  fraudVolumes,
  actions,
  checkItems,
  checkAnswers,
  indicators,
};
