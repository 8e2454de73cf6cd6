import { findIndicator, parseIndicatorValue, reportIndicators, yearlyIndicatorValue } from '../../services/report/report-indicators';
import { enterIndicator, parseIndicatorCommand, validateIndicatorInput } from '../../services/report/report-indicator-entry';
import type { IndicatorEntry } from '../../services/report/report-indicators';

const entry = (indicatorId: string, period: string, value: number) => ({ indicatorId, period: period as IndicatorEntry['period'], value });

describe('the indicators the quality officer enters (annex 1, parts III and IV)', () => {
  it('lists the annex’s indicators as data, each with a unique id, the delays and rates with their national target', () => {
    const ids = reportIndicators.map((definition) => definition.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(findIndicator('delai-cni-passeports')?.target).toEqual({ value: 9, direction: 'at-most' });
    expect(findIndicator('Délai-Renouvellement-Séjour')?.target).toEqual({ value: 30, direction: 'at-most' });
    expect(findIndicator('appels')?.id).toBe('taux-appels-decroches');
    expect(findIndicator('taux-appels-decroches')?.target).toEqual({ value: 90, direction: 'at-least' });
    expect(findIndicator('site')?.unit).toBe('percent');
    expect(findIndicator('inconnu')).toBeUndefined();
  });

  it.each([
    ['5,9', 'days', 5.9],
    ['5.9 j', 'days', 5.9],
    ['91,96 %', 'percent', 91.96],
    ['212 356', 'count', 212356],
    ['0', 'percent', 0],
  ] as const)('reads %j as %d', (typed, unit, value) => {
    expect(parseIndicatorValue(typed, unit)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'days', 'Indiquez la valeur.'],
    ['-3', 'days', 'La valeur ne peut pas être négative.'],
    ['abc', 'days', 'Valeur « abc » illisible : un nombre, par exemple 5,9 ou 91,96.'],
    ['120', 'percent', 'Valeur invraisemblable (plus de 100) : vérifiez la saisie.'],
    ['212,5', 'count', 'Un nombre de demandes est un nombre entier (ex. 212356 ou 212 356).'],
  ] as const)('refuses %j (%s) in French', (typed, unit, message) => {
    expect(parseIndicatorValue(typed, unit)).toEqual({ ok: false, message });
  });

  it('reads the command: a figure, a removal, a year for the card, or usage', () => {
    expect(parseIndicatorCommand('delai-cni-passeports 2025-T1 5,9')).toEqual({ kind: 'entry', indicator: 'delai-cni-passeports', period: '2025-T1', value: '5,9' });
    expect(parseIndicatorCommand('appels T1 2025 91,96 %')).toEqual({ kind: 'entry', indicator: 'appels', period: 'T1 2025', value: '91,96 %' });
    expect(parseIndicatorCommand('appels 2025-T1 effacer')).toEqual({ kind: 'remove', indicator: 'appels', period: '2025-T1' });
    expect(parseIndicatorCommand('')).toEqual({ kind: 'card' });
    expect(parseIndicatorCommand('2024')).toEqual({ kind: 'card', year: '2024' });
    expect(parseIndicatorCommand('appels 2025')).toEqual({ kind: 'usage' });
  });

  it('refuses an unknown indicator, an unreadable period and a period not begun, in French', () => {
    expect(validateIndicatorInput({ indicator: 'delai-titre', period: '2025', value: '3' }, '2025-06-01')).toMatchObject({ ok: false, message: expect.stringContaining('Indicateur « delai-titre » inconnu') });
    expect(validateIndicatorInput({ indicator: 'cni', period: '2025-T5', value: '3' }, '2025-06-01')).toEqual({ ok: false, message: 'Période « 2025-T5 » illisible : une année (2025) ou un trimestre (2025-T1).' });
    expect(validateIndicatorInput({ indicator: 'cni', period: '2025-T3', value: '3' }, '2025-06-01')).toEqual({ ok: false, message: 'La période T3 2025 n’a pas commencé : saisissez la valeur une fois la période commencée.' });
    expect(validateIndicatorInput({ indicator: 'cni', period: '2025-T2', value: '6,1' }, '2025-06-01')).toMatchObject({ ok: true, period: '2025-Q2', value: 6.1, definition: { id: 'delai-cni-passeports' } });
  });

  it('makes a year of its yearly figure, else the mean of the quarters entered (the sum for requests)', () => {
    const delay = findIndicator('delai-cni-passeports');
    const requests = findIndicator('demandes-cni-passeports');
    if (!delay || !requests) throw new Error('missing definitions');
    const entries = [entry(delay.id, '2025-Q1', 5), entry(delay.id, '2025-Q2', 7), entry(requests.id, '2025-Q1', 100), entry(requests.id, '2025-Q3', 50), entry(delay.id, '2024', 8)];
    expect(yearlyIndicatorValue(delay, entries, 2025)).toEqual({ value: 6, basis: 'quarters', quarters: [1, 2] });
    expect(yearlyIndicatorValue(requests, entries, 2025)).toEqual({ value: 150, basis: 'quarters', quarters: [1, 3] });
    expect(yearlyIndicatorValue(delay, [...entries, entry(delay.id, '2025', 5.9)], 2025)).toEqual({ value: 5.9, basis: 'year', quarters: [1, 2] });
    expect(yearlyIndicatorValue(delay, entries, 2023)).toEqual({ quarters: [] });
  });

  it('lets only the quality officer enter a figure, and writes nothing for anyone else', async () => {
    const writes: unknown[] = [];
    const app = { reportIndicators: { set: async (e: unknown) => void writes.push(e) }, audit: { append: async (e: unknown) => void writes.push(e) } } as never;
    const definition = findIndicator('cni');
    if (!definition) throw new Error('missing definition');
    const outcome = await enterIndicator(app, { id: '00000000-0000-0000-0000-000000000022', roles: ['agent', 'admin'] }, { definition, period: '2025-Q1', value: 5 }, new Date('2025-05-01T08:00:00Z'));
    expect(outcome).toEqual({ kind: 'refused' });
    expect(writes).toEqual([]);
  });
});
