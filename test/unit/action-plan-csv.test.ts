import fc from 'fast-check';
import { actionSources, type ActionItem } from '../../services/action-plan/action-item';
import { formatActionPlanCsv, parseActionPlanCsv, toCsvRows, type PlanImportOptions, type PlanImportResult } from '../../services/action-plan/action-plan-csv';
import { demoActionPlan, demoServiceAliases } from '../../services/action-plan/demo-action-plan';
import { demoPeople, demoServices } from '../../services/demo/demo-directory';
import { cast, itemIn, people, serviceCodes } from './action-fixtures';

const now = new Date('2026-11-23T09:15:00.000Z');
const options = (overrides: Partial<PlanImportOptions> = {}): PlanImportOptions => ({ people, serviceCodes, existing: [], today: '2026-11-23', now, importerId: cast.rq.id, ...overrides });

/** The header row of the seed's 2021 plan (seed 003, annex 2), copied from the seed. */
const seedHeaders = [
  'N°',
  'CONSTATS / ÉCARTS / DYSFONCTIONNEMENTS',
  'Référentiel QUAL-E-PREF',
  'CONTEXTE LOCAL',
  'Auto-diagnostic 08-02-21',
  'RÉSULTATS ENQUÊTE 2020',
  'Audit Interne Avril 2021',
  'Audit Externe Juin 2021',
  'ACTION PRÉVUE',
  'ACTION EN COURS',
  'ACTION RÉALISÉE',
  'Échéance de réalisation',
  'ACTION EFFICACE',
  "NATURE DU PLAN D'ACTION",
  'RESPONSABLE',
  "VÉRIFICATION DE L'EFFICACITÉ",
];

function problemsOf(result: PlanImportResult) {
  if (result.ok) throw new Error('expected the import to be refused');
  return result.problems;
}

/** A CSV with the given header and rows, `;`-separated, no quoting needed. */
const csv = (header: string[], ...rows: string[][]) => [header, ...rows].map((row) => row.join(';')).join('\n');
const shortHeader = ['N°', 'CONSTATS / ÉCARTS / DYSFONCTIONNEMENTS', 'ÉTAT', 'Échéance de réalisation', "NATURE DU PLAN D'ACTION", 'RESPONSABLE', 'PILOTE (E-MAIL)'];
const row = (overrides: Partial<Record<(typeof shortHeader)[number], string>> = {}) =>
  shortHeader.map((header) => overrides[header] ?? { 'N°': '', 'CONSTATS / ÉCARTS / DYSFONCTIONNEMENTS': 'Urne peu visible', ÉTAT: 'Prévue', 'Échéance de réalisation': '15/01/2027', "NATURE DU PLAN D'ACTION": 'Déplacer l’urne', RESPONSABLE: 'BMI / BLS', 'PILOTE (E-MAIL)': 'adele.vance@cher.gouv.fr' }[header] ?? '');

describe('exporting the action plan (issue 5: the seed’s columns, UTF-8 with BOM, `;`)', () => {
  it('starts with the seed’s sixteen headers, then the columns a lossless round trip needs', () => {
    const [header = []] = toCsvRows([], people);
    expect(header.slice(0, 16)).toEqual(seedHeaders);
    expect(header.slice(16)).toContain('ÉTAT');
    expect(header.slice(16)).toContain('PILOTE (E-MAIL)');
  });

  it('writes a row as the seed reads: X in the source and state columns, dates as 31/12/2020, services joined by /', () => {
    const item = itemIn('in-progress', { sources: ['contexte-local', 'audit-interne'], references: ['E6', 'E1 §1-1'] });
    const [, cells = []] = toCsvRows([item], people);
    expect(cells.slice(0, 16)).toEqual(['2026-07', 'Boîte à suggestions peu visible', 'E6, E1 §1-1', 'X', '', '', 'X', '', '', 'X', '', '15/12/2026', '', 'Placer l’urne dédiée au niveau de la sortie des usagers', 'BMI / BLS', '']);
  });

  it('is UTF-8 with a BOM, `;` separated, CRLF ended, quoting what needs it and defusing formulas', () => {
    const item = itemIn('planned', { finding: '=HYPERLINK("x")', action: 'Deux lignes ; "guillemets"\nfin' });
    const text = formatActionPlanCsv([item], people);
    expect(text.startsWith('\uFEFFN°;CONSTATS')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain(';"\'=HYPERLINK(""x"")";');
    expect(text).toContain(';"Deux lignes ; ""guillemets""\nfin";');
    expect(parseActionPlanCsv(text, options({ existing: [item] }))).toMatchObject({ ok: true, items: [{ finding: '=HYPERLINK("x")', action: 'Deux lignes ; "guillemets"\nfin' }] });
  });
});

describe('importing an action plan: all or nothing, row by row', () => {
  it('gives rows without a number the next numbers of this year, after the stored ones', () => {
    const result = parseActionPlanCsv(csv(shortHeader, row(), row({ 'N°': '2026-9' })), options({ existing: [{ id: '2026-03', revision: 4 }, { id: '2026-09', revision: 2 }] }));
    expect(result).toMatchObject({ ok: true, created: ['2026-10'], replaced: ['2026-09'] });
    if (!result.ok) return;
    expect(result.items.map((item) => [item.id, item.revision, item.state, item.deadline, item.services, item.ownerId, item.createdBy])).toEqual([
      ['2026-10', 0, 'planned', '2027-01-15', ['BMI', 'BLS'], cast.owner.id, cast.rq.id],
      ['2026-09', 3, 'planned', '2027-01-15', ['BMI', 'BLS'], cast.owner.id, cast.rq.id],
    ]);
  });

  it('reports every bad row with its spreadsheet line, in French, and keeps nothing', () => {
    const result = parseActionPlanCsv(
      csv(
        shortHeader,
        row(),
        row({ 'Échéance de réalisation': '23-10' }),
        row({ RESPONSABLE: 'BMI / RQ' }),
        row({ 'PILOTE (E-MAIL)': 'inconnu@cher.gouv.fr' }),
        row({ ÉTAT: 'Terminée' }),
        row({ 'N°': '2026-05' }),
        row({ 'N°': '2026-5' }),
        row({ 'Échéance de réalisation': '01/11/2026' }),
      ),
      options(),
    );
    expect(problemsOf(result)).toEqual([
      { line: 3, message: 'Échéance de réalisation : date « 23-10 » invalide (attendu JJ/MM/AAAA).' },
      { line: 4, message: 'Service « RQ » inconnu.' },
      { line: 5, message: 'PILOTE (E-MAIL) : « inconnu@cher.gouv.fr » inconnu de l’annuaire.' },
      { line: 6, message: 'état « Terminée » inconnu.' },
      { line: 8, message: 'numéro 2026-05 déjà présent ligne 7.' },
      { line: 9, message: 'échéance passée pour une nouvelle action ouverte : reportez-la ou clôturez l’action.' },
    ]);
  });

  it('checks the rules tied to the state: an open action needs a deadline, a cancelled one its reason', () => {
    expect(problemsOf(parseActionPlanCsv(csv(shortHeader, row({ 'Échéance de réalisation': '' })), options()))).toEqual([
      { line: 2, message: 'échéance obligatoire pour une action ouverte.' },
    ]);
    expect(problemsOf(parseActionPlanCsv(csv(shortHeader, row({ ÉTAT: 'Annulée' })), options()))[0]?.message).toContain('motif et date d’annulation obligatoires');
  });

  it('refuses a header without the needed columns, an empty file and a broken quote', () => {
    expect(problemsOf(parseActionPlanCsv('N°;CONSTATS\n1;x', options()))).toEqual([
      { line: 1, message: "En-tête incomplet : colonne(s) manquante(s) NATURE DU PLAN D'ACTION, RESPONSABLE, PILOTE (E-MAIL)." },
    ]);
    expect(problemsOf(parseActionPlanCsv('\uFEFF  ', options()))).toEqual([{ line: 1, message: 'Le fichier est vide.' }]);
    expect(problemsOf(parseActionPlanCsv(csv(shortHeader), options()))).toEqual([{ line: 2, message: 'Aucune action sous l’en-tête.' }]);
    expect(problemsOf(parseActionPlanCsv(`${shortHeader.join(';')}\n"x;`, options()))[0]?.message).toBe('Le CSV est mal formé (guillemet non fermé ?).');
  });

  it('reads the seed’s own table (tab separated, state ticked by X, dated headers) with a PILOTE column and service aliases', () => {
    const seedRow = ['12', 'Audit Interne', 'V-2', '', 'X', '', 'X', '', 'X', '', '', '22/04/21', '', 'Auto-diagnostic', 'DC / RQ', ''];
    const result = parseActionPlanCsv([[...seedHeaders, 'PILOTE'], [...seedRow, 'alex.wilber@cher.gouv.fr']].map((r) => r.join('\t')).join('\r\n'), {
      ...options({ today: '2021-02-01', people: demoPeople.map((p) => ({ id: p.id, email: p.email })), serviceCodes: demoServices.map((s) => s.code) }),
      serviceAliases: demoServiceAliases,
    });
    expect(result).toMatchObject({
      ok: true,
      items: [{ id: '2021-12', finding: 'Audit Interne', references: ['V-2'], sources: ['autodiagnostic', 'audit-interne'], state: 'planned', deadline: '2021-04-22', services: ['DC', 'SGCD'] }],
    });
  });
});

describe('round trip: exporting then importing gives the same plan', () => {
  const demoOptions = (items: readonly ActionItem[]) =>
    options({ people: demoPeople.map((p) => ({ id: p.id, email: p.email })), serviceCodes: demoServices.map((s) => s.code), existing: items, today: '2026-11-23' });

  it('keeps every field of the demo plan, the seed’s 2021 rows and this year’s', () => {
    const plan = demoActionPlan(now);
    const result = parseActionPlanCsv(formatActionPlanCsv(plan, demoPeople), demoOptions(plan));
    expect(result).toMatchObject({ ok: true, created: [], replaced: plan.map((item) => item.id) });
    if (result.ok) expect(result.items).toEqual(plan.map((item) => ({ ...item, revision: item.revision + 1 })));
  });

  const line = fc
    .array(fc.constantFrom('a', 'Z', 'é', ' ', ';', '"', ',', '=', '-', '+', '@', "'", '’', '§', '\u00a0', '1'), { minLength: 1, maxLength: 30 })
    .map((chars) => chars.join('').trim())
    .filter((text) => text !== '');
  const paragraph = fc.array(fc.oneof(line, fc.constant('\n')), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('').trim()).filter((text) => text !== '');
  const reference = line.map((text) => text.replace(/[,;]/g, '').trim().slice(0, 40).trim()).filter((text) => text !== '');

  it('keeps any text, references, sources and state through the CSV', () => {
    fc.assert(
      fc.property(
        fc.record({
          state: fc.constantFrom('proposed', 'planned', 'in-progress', 'awaiting-approval', 'closed', 'rejected-proposal', 'cancelled' as const),
          finding: line,
          action: paragraph,
          references: fc.uniqueArray(reference, { maxLength: 3 }),
          sources: fc.subarray([...actionSources]),
          progress: fc.option(paragraph, { nil: undefined }),
          verification: paragraph,
          reason: paragraph.map((text) => text.slice(0, 500).trim()).filter((text) => text !== ''),
        }),
        ({ state, finding, action, references, sources, progress, verification, reason }) => {
          const overrides: Partial<ActionItem> = { finding, action, references, sources, progress };
          if (state === 'awaiting-approval' || state === 'closed') overrides.verification = verification;
          if (state === 'cancelled') overrides.cancelReason = reason;
          if (state === 'rejected-proposal') overrides.refusalReason = reason;
          const item = itemIn(state, overrides);
          const result = parseActionPlanCsv(formatActionPlanCsv([item], people), options({ existing: [item] }));
          expect(result).toEqual({ ok: true, items: [{ ...item, revision: item.revision + 1 }], created: [], replaced: [item.id] });
        },
      ),
      { numRuns: 300 },
    );
  });
});
