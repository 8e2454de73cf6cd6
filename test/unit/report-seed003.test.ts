import { reportSections } from '../../bot/handlers/report-lines';
import { reportSheets } from '../../services/report/report-workbook';
import { yearlyReport, type YearlyReport } from '../../services/report/yearly-report';
import { calendar, seed003Data, today } from './report-seed003.fixture';

function report2020(): YearlyReport {
  const result = yearlyReport(seed003Data, 2020, { today, calendar });
  if (result.kind !== 'report') throw new Error('expected a report');
  return result;
}

describe('the yearly report reproduces seed 003’s bilan qualité 2020 (annex 1) from a known data set', () => {
  const report = report2020();

  it('counts 42 requests in scope (78 in 2019): e-mail 24 = 57 %, letter 15 = 36 %, hall forms 3 = 7 %', () => {
    expect(report.complaints.total).toBe(42);
    expect(report.complaints.previousTotal).toBe(78);
    expect(report.complaints.outOfScope).toBe(5);
    expect(report.complaints.byChannel).toEqual([
      { channel: 'email', count: 24, share: 57 },
      { channel: 'letter', count: 15, share: 36 },
      { channel: 'hall-form', count: 3, share: 7 },
    ]);
  });

  it('measures reply times in working days: 40 of 42 in time (95 %), mean 5.0, median 3', () => {
    expect(report.complaints).toMatchObject({ answered: 42, answeredOnTime: 40, onTimeShare: 95 });
    expect(report.complaints.replyDays.count).toBe(42);
    expect(report.complaints.replyDays.mean).toBeCloseTo(209 / 42, 10);
    expect(report.complaints.replyDays.median).toBe(3);
  });

  it('gives BMI 12 / 3 870 = 3.10 ‰ against 5 ‰ (25–50 %) and CERT 11 / 20 370 = 0.54 ‰ against 0.5 ‰ (met), 52 article-40 reports (58 in 2019)', () => {
    const bmi = report.fraud.lines.find((line) => line.service === 'BMI');
    const cert = report.fraud.lines.find((line) => line.service === 'CERT');
    expect(bmi).toMatchObject({ counted: 12, volume: 3870, target: 5, deviation: { class: '25-50' } });
    expect(bmi?.perThousand?.toFixed(2)).toBe('3.10');
    expect(bmi?.previousPerThousand?.toFixed(2)).toBe('7.18');
    expect(bmi?.deviation?.gap).toBeCloseTo(0.38, 2);
    expect(cert).toMatchObject({ counted: 11, volume: 20370, target: 0.5, deviation: { class: 'met', gap: 0 } });
    expect(cert?.perThousand?.toFixed(2)).toBe('0.54');
    expect(cert?.previousPerThousand?.toFixed(2)).toBe('0.28');
    expect(report.fraud.article40).toBe(52);
    expect(report.fraud.previousArticle40).toBe(58);
  });

  it('puts the title delays against their national targets with the legend: CNI 5.9 d and 1st permit 81 d met, renewal 64 d over 50 %', () => {
    const line = (id: string) => report.indicators.find((candidate) => candidate.definition.id === id);
    expect(line('delai-cni-passeports')).toMatchObject({ value: 5.9, basis: 'year', previous: 14.9, deviation: { class: 'met' } });
    expect(line('delai-premiere-carte-sejour')).toMatchObject({ value: 81, previous: 64.9, deviation: { class: 'met' } });
    expect(line('delai-renouvellement-sejour')).toMatchObject({ value: 64, previous: 52.1, deviation: { class: 'over-50' } });
    expect(line('demandes-cni-passeports')).toMatchObject({ value: 212356, previous: 311498 });
    expect(line('demandes-cni-passeports')?.deviation).toBeUndefined();
  });

  it('reads calls answered 91.96 % against 90 % as met, and the website updated within 3 working days (100 %) without a numeric target', () => {
    const line = (id: string) => report.indicators.find((candidate) => candidate.definition.id === id);
    expect(line('taux-appels-decroches')).toMatchObject({ value: 91.96, previous: 91.46, deviation: { class: 'met' } });
    expect(line('mise-a-jour-site')).toMatchObject({ value: 100, previous: 90 });
    expect(line('mise-a-jour-site')?.deviation).toBeUndefined();
    expect(line('taux-engagement-reseaux-sociaux')).toMatchObject({ value: 5.53, deviation: { class: 'met' } });
    expect(line('taux-connexions')).toMatchObject({ value: 12.41, deviation: { class: 'met' } });
  });

  it('counts 4 agents trained for commitment 4, none against fraud (23 & 33), 26 by e-learning for commitment 28', () => {
    expect(report.training.asOf).toBe('2020-12-31');
    expect(report.training.lines.map((line) => [line.commitment, line.trainedInYear, line.eLearning])).toEqual([
      ['E.4', 4, 0],
      ['E.23 / E.33', 0, 0],
      ['E.28', 26, 26],
    ]);
    expect(report.training.trainedPeople).toBe(30);
    expect(report.training.lines[1]?.counts).toEqual({ valid: 0, expiring: 0, expired: 0, missing: 26 });
  });

  it('shows the 2020 plan (3 closed, 1 in progress) and the quarterly checks (one late, one problem, one missing in Q4)', () => {
    expect(report.actionPlan).toEqual({ byState: [{ state: 'in-progress', count: 1 }, { state: 'closed', count: 3 }], total: 4, closedInYear: 3, cancelledInYear: 0, overdue: 0 });
    expect(report.checks).toEqual([
      { quarter: '2020-Q1', status: 'past', due: 2, done: 2, late: 0, problems: 0, missing: 0 },
      { quarter: '2020-Q2', status: 'past', due: 2, done: 2, late: 1, problems: 0, missing: 0 },
      { quarter: '2020-Q3', status: 'past', due: 2, done: 2, late: 0, problems: 1, missing: 0 },
      { quarter: '2020-Q4', status: 'past', due: 2, done: 1, late: 0, problems: 0, missing: 1 },
    ]);
  });

  it('prints the annex’s figures on the card, in French', () => {
    const text = reportSections(report, 'fr', (day) => day)
      .flatMap((section) => section.lines.map((line) => line.text))
      .join('\n');
    expect(text).toContain('42 demande(s) dans le périmètre Qual-e-pref (78 en 2019)');
    expect(text).toContain('Courriel : 24 (57 %)');
    expect(text).toContain('Courrier : 15 (36 %)');
    expect(text).toContain('Fiche du hall : 3 (7 %)');
    expect(text).toMatch(/BMI — titres des étrangers : 12 signalement\(s\) \/ 3\s870 dossiers = 3,10 ‰ \(7,18 ‰ en 2019\) — cible 5 ‰ : écart 25–50 % \(38 %\)/);
    expect(text).toMatch(/CERT CNI-Passeports : 11 signalement\(s\) \/ 20\s370 dossiers = 0,54 ‰ \(0,28 ‰ en 2019\) — cible 0,5 ‰ : conforme/);
    expect(text).toContain('Signalements transmis au procureur (art. 40) : 52 (58 en 2019)');
    expect(text).toContain('Délai de traitement CNI / passeports : 5,9 j (14,9 j en 2019) — cible 9 j : conforme');
    expect(text).toContain('Délai de traitement renouvellement carte de séjour : 64 j (52,1 j en 2019) — cible 30 j : écart > 50 % (113 %)');
    expect(text).toContain('Taux d’appels décrochés : 91,96 % (91,46 % en 2019) — cible 90 % : conforme');
    expect(text).toContain('E.4 — Accueil physique et téléphonique : 4 agent(s) formé(s) en 2020');
    expect(text).toContain('E.28 — Valeurs du service public : 26 agent(s) formé(s) en 2020, dont 26 en e-learning');
  });

  it('lays the workbook out one sheet per table, with the same figures', () => {
    const sheets = reportSheets(report);
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Réclamations', 'Délais de réponse', 'Titres et accueil', 'Fraude', 'Formation', 'Plan d’actions', 'Contrôles', 'Légende']);
    expect(sheets.every((sheet) => sheet.name.length <= 31)).toBe(true);
    expect(sheets[0]?.rows).toEqual([
      ['COURRIEL', 24, 57],
      ['COURRIER', 15, 36],
      ['FICHE DU HALL', 3, 7],
      ['TOTAL', 42, 100],
    ]);
    const fraud = sheets.find((sheet) => sheet.name === 'Fraude');
    expect(fraud?.rows[0]).toEqual(['BMI — titres des étrangers', 12, 3870, 3.1, 7.18, 5, 38, 'écart 25–50 %', 12]);
    expect(fraud?.rows.at(-1)?.at(-1)).toBe(52);
  });

  it('says there is no data for a year where nothing was logged nor entered', () => {
    expect(yearlyReport(seed003Data, 2018, { today, calendar })).toEqual({ kind: 'no-data', year: 2018 });
  });
});
