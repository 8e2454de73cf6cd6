import { statusCard } from '../../cards/status';
import { maxCardBytes } from '../../cards/render';
import { isVerbName } from '../../bot/verbs';
import { statusCardData } from '../../bot/handlers/status-lines';
import { statusOverview, type StatusViewer } from '../../services/status/status-overview';
import { cardProblems, cardTexts, executeVerbs } from '../support/card-validation';
import { calendar, cast, data, heldClu, now, plannedClu } from './status-fixtures';

/** The number of buttons of every action set of a card (Teams shows at most 5 in a row). */
function actionSetSizes(card: unknown): number[] {
  if (Array.isArray(card)) return card.flatMap(actionSetSizes);
  if (!card || typeof card !== 'object') return [];
  const record = card as Record<string, unknown>;
  const own = Array.isArray(record.actions) ? [record.actions.length] : [];
  return [...own, ...Object.values(record).flatMap(actionSetSizes)];
}

const overviewOf = (viewer: StatusViewer, overrides: Partial<typeof data> = {}) => statusOverview({ ...data, ...overrides }, viewer, { now, calendar });

describe('the statut overview on a known data set (issue 7)', () => {
  it('gives the quality officer every figure of the prefecture', () => {
    const overview = overviewOf(cast.rq);
    expect(overview.scope).toEqual({ kind: 'all' });
    expect(overview.today).toBe('2026-11-23');
    expect(overview.actions).toEqual({ open: 5, overdue: 2, awaitingApproval: 1, proposed: 1 });
    expect(overview.checks).toEqual({ quarter: '2026-Q4', owed: 4, done: 1, toDo: 3, previousQuarter: '2026-Q3', previousLate: 1 });
    expect(overview.training).toEqual({ people: 7, expired: 2, missing: 4, expiringSoon: 2 });
    expect(overview.complaints).toEqual({ open: 4, late: 3, year: 2026, answered: 3, answeredOnTime: 2, onTimeShare: 67 });
    expect(overview.fraud).toEqual({
      year: 2026,
      counted: 3,
      awaiting: 1,
      article40: 1,
      domains: [
        { service: 'BMI', counted: 2, perThousand: 2, noRate: undefined, target: 5, meetsTarget: false },
        { service: 'CERT', counted: 1, perThousand: undefined, noRate: 'no-volume', target: 0.5, meetsTarget: undefined },
      ],
    });
    expect(overview.clu).toEqual({ next: undefined, dueOn: '2027-02-17', late: false });
    expect(overview.label).toEqual({ next: expect.objectContaining({ id: 'sensibilisation-fraude', dueOn: '2027-01-15', reference: '23.3' }), late: 1 });
  });

  it('limits a manager to their service, without fraud nor the CLU due date', () => {
    const overview = overviewOf(cast.megan);
    expect(overview.scope).toEqual({ kind: 'service', service: 'BMI' });
    expect(overview.actions).toEqual({ open: 4, overdue: 1, awaitingApproval: 1, proposed: 1 });
    expect(overview.checks).toMatchObject({ owed: 3, done: 1, toDo: 2, previousLate: 1 });
    expect(overview.training).toEqual({ people: 3, expired: 2, missing: 1, expiringSoon: 1 });
    expect(overview.complaints).toEqual({ open: 3, late: 2, year: 2026, answered: 2, answeredOnTime: 1, onTimeShare: 50 });
    expect(overview.fraud).toBeUndefined();
    expect(overview.clu).toEqual({ next: undefined, dueOn: undefined, late: false });
    expect(overview.label.late).toBe(1);
  });

  it('gives another manager their own service only', () => {
    const overview = overviewOf(cast.lynne);
    expect(overview.actions).toEqual({ open: 2, overdue: 1, awaitingApproval: 0, proposed: 0 });
    expect(overview.checks).toMatchObject({ owed: 1, done: 0, toDo: 1, previousLate: 0 });
    expect(overview.training).toEqual({ people: 2, expired: 0, missing: 2, expiringSoon: 1 });
    expect(overview.complaints).toMatchObject({ open: 1, late: 1, answered: 1, answeredOnTime: 1, onTimeShare: 100 });
  });

  it('gives an agent their own actions, checks, training and complaints', () => {
    const overview = overviewOf(cast.adele);
    expect(overview.scope).toEqual({ kind: 'own' });
    expect(overview.actions).toEqual({ open: 2, overdue: 1, awaitingApproval: 0, proposed: 1 });
    expect(overview.checks).toMatchObject({ owed: 2, done: 1, toDo: 1, previousLate: 0 });
    expect(overview.training).toEqual({ people: 1, expired: 1, missing: 0, expiringSoon: 1 });
    expect(overview.complaints).toMatchObject({ open: 2, late: 2, answered: 1, answeredOnTime: 1, onTimeShare: 100 });
    expect(overview.fraud).toBeUndefined();
  });

  it('shows the fraud referent the fraud figures and nothing of others beyond their own', () => {
    const overview = overviewOf(cast.isaiah);
    expect(overview.actions).toEqual({ open: 0, overdue: 0, awaitingApproval: 0, proposed: 0 });
    expect(overview.checks).toMatchObject({ owed: 0, done: 0, toDo: 0, previousLate: 0 });
    expect(overview.training).toEqual({ people: 1, expired: 0, missing: 1, expiringSoon: 0 });
    expect(overview.complaints).toEqual({ open: 0, late: 0, year: 2026, answered: 0, answeredOnTime: 0, onTimeShare: undefined });
    expect(overview.fraud).toMatchObject({ counted: 3, awaiting: 1, article40: 1 });
  });

  it('says the CLU is late when the meeting planned falls after the due date, and shows it', () => {
    const overview = overviewOf(cast.rq, { cluMeetings: [heldClu, plannedClu] });
    expect(overview.clu).toEqual({ next: { id: 'CLU-2027', startsAt: '2027-03-16T13:00:00.000Z' }, dueOn: '2027-02-17', late: true });
    expect(overviewOf(cast.rq, { cluMeetings: [heldClu, { ...plannedClu, startsAt: '2027-02-09T13:00:00.000Z' }] }).clu.late).toBe(false);
    expect(overviewOf(cast.adele, { cluMeetings: [heldClu, plannedClu] }).clu).toEqual({ next: { id: 'CLU-2027', startsAt: '2027-03-16T13:00:00.000Z' }, dueOn: undefined, late: false });
  });

  it('counts nothing where nothing is stored, rather than inventing figures', () => {
    const empty = overviewOf(cast.rq, {
      actions: [],
      checkItems: [],
      checkAnswers: [],
      trainingRecords: [],
      trainingTypes: [],
      complaints: [],
      fraudSignals: [],
      fraudVolumes: [],
      cluMeetings: [],
      labelObligations: [],
    });
    expect(empty.actions).toEqual({ open: 0, overdue: 0, awaitingApproval: 0, proposed: 0 });
    expect(empty.checks).toMatchObject({ owed: 0, done: 0, toDo: 0, previousLate: 0 });
    expect(empty.training).toMatchObject({ expired: 0, missing: 0, expiringSoon: 0 });
    expect(empty.complaints.onTimeShare).toBeUndefined();
    expect(empty.fraud).toMatchObject({ counted: 0, domains: [] });
    expect(empty.clu).toEqual({ next: undefined, dueOn: undefined, late: false });
    expect(empty.label).toEqual({ next: undefined, late: 0 });
  });
});

describe('the statut card', () => {
  const card = (viewer: StatusViewer, locale: 'fr' | 'en' = 'fr') =>
    statusCard(statusCardData(overviewOf(viewer), { locale, timeZone: 'Europe/Paris' }), locale);

  it('writes the quality officer’s figures in French, one line per area, each leading to its detail', () => {
    const texts = cardTexts(card(cast.rq));
    expect(texts).toEqual(
      expect.arrayContaining([
        'Tableau de bord qualité',
        'Tous les services — au 23/11/2026',
        '5 ouvertes · 2 en retard · 1 à valider · 1 proposition',
        'Contrôles trimestriels — T4 2026',
        '1 fait(s) sur 4 · 3 à faire',
        'T3 2026 : 1 resté sans réponse (en retard)',
        'Formations — 7 personnes suivies',
        '2 expirées · 4 jamais déclarées · 2 à renouveler dans les 90 jours',
        '4 en attente · 3 en retard',
        '2026 : 67 % répondues dans les délais (2 sur 3)',
        'Fraude 2026',
        '3 signalement(s) retenu(s), dont 1 à qualifier · 1 transmis au procureur (art. 40)',
        'BMI — titres des étrangers : 2 signalement(s) — 2,00 ‰ (cible 5 ‰)',
        'CERT CNI-Passeports : 1 signalement(s) — aucun volume saisi : taux non calculable',
        'Aucune réunion planifiée · à tenir avant le 17/02/2027',
        'Prochaine échéance : 15/01/2027 — Échéance sensibilisation-fraude (23.3)',
        '1 échéance en retard',
      ]),
    );
  });

  it('gives each line buttons running its detail through command.run, with the filter as argument', () => {
    const json = card(cast.rq);
    const buttons = JSON.stringify(json).match(/"data":\{[^}]*\}/g) ?? [];
    expect(buttons).toEqual(
      expect.arrayContaining([
        '"data":{"command":"actionPlan","argument":""}',
        '"data":{"command":"actionPlan","argument":"en retard"}',
        '"data":{"command":"actionPlan","argument":"à valider"}',
        '"data":{"command":"checks","argument":"2026-Q3"}',
        '"data":{"command":"training","argument":"expirées"}',
        '"data":{"command":"training","argument":"à renouveler"}',
        '"data":{"command":"complaints","argument":"en retard"}',
        '"data":{"command":"fraud","argument":""}',
        '"data":{"command":"clu","argument":""}',
        '"data":{"command":"labelCalendar","argument":""}',
      ]),
    );
    const titles = cardTexts(json).filter((text) => /^(Voir|Actions|Contrôles T|Formations (expirées|à renouveler)|Réclamations en retard)/.test(text));
    expect(new Set(titles).size).toBe(titles.length);
  });

  const viewers = Object.entries({ rq: cast.rq, megan: cast.megan, adele: cast.adele, lynne: cast.lynne, isaiah: cast.isaiah });
  it.each(viewers)('is a valid card for %s in both languages: under 40 KB, known verbs, at most 5 buttons a row', (_name, viewer) => {
    for (const locale of ['fr', 'en'] as const) {
      const json = card(viewer, locale);
      expect(JSON.stringify(json)).not.toContain('${');
      expect(cardProblems(json)).toEqual([]);
      expect(Buffer.byteLength(JSON.stringify(json))).toBeLessThan(maxCardBytes);
      for (const verb of executeVerbs(json)) expect(isVerbName(verb)).toBe(true);
      for (const size of actionSetSizes(json)) expect(size).toBeLessThanOrEqual(5);
    }
  });

  it('shows the fraud line to the referent and the quality officer only', () => {
    expect(cardTexts(card(cast.isaiah))).toContain('Fraude 2026');
    for (const viewer of [cast.megan, cast.adele, cast.lynne]) expect(cardTexts(card(viewer)).some((text) => text.startsWith('Fraude'))).toBe(false);
  });

  it('says whose figures these are, and speaks English when asked', () => {
    expect(cardTexts(card(cast.megan))).toContain('Service BMI — au 23/11/2026');
    expect(cardTexts(card(cast.adele))).toContain('Vos dossiers — au 23/11/2026');
    const english = cardTexts(card(cast.rq, 'en'));
    expect(english).toEqual(expect.arrayContaining(['Quality status', 'All services — as of 2026-11-23', '5 open · 2 overdue · 1 to approve · 1 proposal']));
  });
});
