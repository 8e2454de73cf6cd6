import fc from 'fast-check';
import type { StoredCheckItem } from '../../services/checks/check-item';
import type { CheckItemReferences } from '../../services/checks/check-item-edit';
import { parseCheckItemsCsv } from '../../services/checks/check-items-csv';

const alexId = '00000000-0000-0000-0000-0000000000020';
const meganId = '00000000-0000-0000-0000-0000000000021';
const refs: CheckItemReferences = {
  people: [
    { id: alexId, name: 'Alex Wilber', email: 'alex.wilber@cher.gouv.fr', service: 'SGCD' },
    { id: meganId, name: 'Megan Bowen', email: 'megan.bowen@cher.gouv.fr', service: 'BMI' },
  ],
  serviceCodes: ['SGCD', 'BMI', 'CERT'],
  commitmentIds: ['E.1', 'E.10', 'E.11', 'E.32'],
};
const now = new Date('2026-11-23T09:00:00.000Z');
const stored: StoredCheckItem[] = [
  { id: 'HALL-HORAIRES', label: 'Horaires d’ouverture', commitment: 'E.1', location: 'hall', ownerId: alexId, service: 'SGCD', active: true, createdAt: '2026-01-05T08:00:00.000Z', etag: 'e1' },
  { id: 'REPONDEUR', label: 'Message du répondeur', commitment: 'E.10', location: 'phone', ownerId: meganId, service: 'BMI', active: true, createdAt: '2026-01-05T08:00:00.000Z', etag: 'e2' },
];
const header = 'identifiant;libelle;engagement;support;url;responsable;service;actif';

describe('parseCheckItemsCsv', () => {
  it('creates rows without a known identifiant and updates the others, French words with or without accents', () => {
    const csv = [
      header,
      'HALL-HORAIRES;Horaires d’ouverture et accès;E.1;Affichage du hall;;megan.bowen@cher.gouv.fr;;oui',
      ';Délais des titres de séjour;e.32;Site internet;https://www.cher.gouv.fr/titres;megan.bowen@cher.gouv.fr;;',
      'NOUVEAU-01;Dépliant d’accueil;E.11;dépliant;;alex.wilber@cher.gouv.fr;CERT;non',
    ].join('\n');
    const result = parseCheckItemsCsv(csv, refs, stored, now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => [r.line, r.item.id, r.previous?.id])).toEqual([
      [2, 'HALL-HORAIRES', 'HALL-HORAIRES'],
      [3, 'DELAIS-TITRES-SEJOUR', undefined],
      [4, 'NOUVEAU-01', undefined],
    ]);
    // Reassigned to Megan: the service follows her; creation date kept.
    expect(result.rows[0]?.item).toMatchObject({ ownerId: meganId, service: 'BMI', label: 'Horaires d’ouverture et accès', createdAt: '2026-01-05T08:00:00.000Z', active: true });
    expect(result.rows[1]?.item).toMatchObject({ commitment: 'E.32', location: 'website', service: 'BMI', active: true, createdAt: now.toISOString() });
    expect(result.rows[2]?.item).toMatchObject({ location: 'brochure', service: 'CERT', active: false });
  });

  it('reads comma-separated files with the required columns only, and matches a row without identifiant by its label', () => {
    const csv = 'Libellé,Engagement,Support,Responsable\r\n"Message du répondeur",E.10,téléphone,MEGAN.BOWEN@cher.gouv.fr';
    const result = parseCheckItemsCsv(csv, refs, stored, now);
    expect(result.ok && result.rows).toEqual([{ line: 2, item: expect.objectContaining({ id: 'REPONDEUR', active: true }), previous: stored[1] }]);
  });

  it('reports every bad row with its line number and returns nothing to write', () => {
    const csv = [
      header,
      ';Horaires;E.99;hall;;alex.wilber@cher.gouv.fr;;',
      ';Site;E.11;site;;alex.wilber@cher.gouv.fr;;',
      ';Correct;E.11;hall;;alex.wilber@cher.gouv.fr;;',
      ';Affiche;E.1;vitrine;;personne@cher.gouv.fr;XYZ;peut-être',
      'bad id!;Correct 2;E.11;hall;;alex.wilber@cher.gouv.fr;;',
      'HALL-HORAIRES;Encore;E.1;hall;;alex.wilber@cher.gouv.fr;;',
      'HALL-HORAIRES;Doublon;E.1;hall;;alex.wilber@cher.gouv.fr;;',
    ].join('\n');
    const result = parseCheckItemsCsv(csv, refs, stored, now);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.line)).toEqual([2, 3, 5, 6, 8]);
    expect(result.problems[0]?.message).toContain('engagement — Engagement « E.99 » absent du référentiel');
    expect(result.problems[1]?.message).toContain('url — Indiquez l’adresse de la page du site internet.');
    expect(result.problems[2]?.message).toMatch(/actif.*support — .*responsable — .*service — Service « XYZ » inconnu/);
    expect(result.problems[3]?.message).toContain('identifiant « BAD ID! » invalide');
    expect(result.problems[4]?.message).toContain('déjà présent ligne 7');
    expect('rows' in result).toBe(false);
  });

  it('names the missing header columns and refuses empty pastes and unclosed quotes', () => {
    expect(parseCheckItemsCsv('libelle;url\nx;y', refs, stored, now)).toEqual({
      ok: false,
      problems: [{ line: 1, message: expect.stringContaining('engagement, support, responsable') }],
    });
    expect(parseCheckItemsCsv('  ', refs, stored, now).ok).toBe(false);
    expect(parseCheckItemsCsv(header, refs, stored, now)).toEqual({ ok: false, problems: [{ line: 2, message: expect.any(String) }] });
    expect(parseCheckItemsCsv(`${header}\n;"Horaires;E.1;hall;;alex.wilber@cher.gouv.fr;;`, refs, stored, now).ok).toBe(false);
  });

  it('asks for the identifiant when several stored items share the label', () => {
    const twins = [...stored, { ...stored[0]!, id: 'HALL-HORAIRES-2', service: 'BMI' }];
    const result = parseCheckItemsCsv(`${header}\n;Horaires d’ouverture;E.1;hall;;alex.wilber@cher.gouv.fr;;`, refs, twins, now);
    expect(result).toEqual({ ok: false, problems: [{ line: 2, message: expect.stringContaining('indiquez l’identifiant') }] });
  });

  it('refuses an identifiant a new row of the same file already took', () => {
    const csv = `${header}\n;Hall affichage;E.1;hall;;alex.wilber@cher.gouv.fr;;\nHALL-AFFICHAGE;Autre chose;E.1;hall;;alex.wilber@cher.gouv.fr;;`;
    expect(parseCheckItemsCsv(csv, refs, [], now)).toEqual({ ok: false, problems: [{ line: 3, message: 'identifiant HALL-AFFICHAGE déjà utilisé ligne 2' }] });
  });

  const goodRow = fc.record({
    label: fc.constantFrom('Horaires', 'Accès au site', 'Délais des titres', 'Répondeur', 'Plan du hall', 'Tarifs'),
    n: fc.integer({ min: 1, max: 10_000 }),
    commitment: fc.constantFrom(...refs.commitmentIds),
    location: fc.constantFrom('hall', 'telephone', 'téléphone', 'dépliant', 'autre', 'Affichage du hall'),
    owner: fc.constantFrom('alex.wilber@cher.gouv.fr', 'megan.bowen@cher.gouv.fr'),
    service: fc.constantFrom('', 'BMI', 'cert'),
    active: fc.constantFrom('', 'oui', 'non', 'Non'),
  });
  const badCell = fc.constantFrom(
    (cells: string[]) => ((cells[1] = ''), cells), // no label
    (cells: string[]) => ((cells[2] = 'E.404'), cells), // unknown commitment
    (cells: string[]) => ((cells[3] = 'vitrine'), cells), // unknown medium
    (cells: string[]) => ((cells[3] = 'site'), (cells[4] = ''), cells), // website without url
    (cells: string[]) => ((cells[4] = 'javascript:alert(1)'), cells), // not a web address
    (cells: string[]) => ((cells[5] = 'inconnu@cher.gouv.fr'), cells), // unknown owner
    (cells: string[]) => ((cells[6] = 'NOPE'), cells), // unknown service
    (cells: string[]) => ((cells[7] = 'peut-être'), cells), // bad active flag
    (cells: string[]) => ((cells[0] = 'à#?'), cells), // bad identifiant
  );

  it('refuses any file with a bad row, naming its line, and returns nothing to write', () => {
    fc.assert(
      fc.property(fc.array(goodRow, { minLength: 0, maxLength: 20 }), fc.nat(), badCell, (rows, position, spoil) => {
        const lines = rows.map((r) => ['', `${r.label} ${r.n}`, r.commitment, r.location, '', r.owner, r.service, r.active]);
        const at = position % (lines.length + 1);
        lines.splice(at, 0, spoil(['', 'Ligne gâchée', 'E.1', 'hall', '', 'alex.wilber@cher.gouv.fr', '', '']));
        const csv = [header, ...lines.map((cells) => cells.join(';'))].join('\n');
        const result = parseCheckItemsCsv(csv, refs, stored, now);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.problems.map((p) => p.line)).toContain(at + 2);
        expect(result).not.toHaveProperty('rows');
      }),
      { numRuns: 300 },
    );
  });

  it('accepts any file of good rows, one item per row with a valid id', () => {
    fc.assert(
      fc.property(fc.uniqueArray(goodRow, { minLength: 1, maxLength: 30, selector: (r) => `${r.label} ${r.n}` }), (rows) => {
        const csv = [header, ...rows.map((r) => ['', `${r.label} ${r.n}`, r.commitment, r.location, '', r.owner, r.service, r.active].join(';'))].join('\n');
        const result = parseCheckItemsCsv(csv, refs, stored, now);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.rows).toHaveLength(rows.length);
        expect(new Set(result.rows.map((r) => r.item.id)).size).toBe(rows.length);
      }),
      { numRuns: 200 },
    );
  });
});
