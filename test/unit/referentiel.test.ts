import { referentielIds } from '../../services/referentiel/commitment';
import { findCommitment, paginateCommitments } from '../../services/referentiel/commitment-lookup';
import { readReferentielFile } from '../../services/referentiel/referentiel-files';

describe('shipped référentiels', () => {
  it.each([
    ['cher', 33],
    ['somme', 27],
    ['loire', 93],
  ] as const)('%s holds %i commitments with unique ids and known modules', (id, count) => {
    const file = readReferentielFile(id);
    expect(file.commitments).toHaveLength(count);
    expect(new Set(file.commitments.map((c) => c.id)).size).toBe(count);
    const modules = new Set(file.modules.map((m) => m.number));
    expect(file.commitments.every((c) => modules.has(c.module))).toBe(true);
  });

  it('links every Loire sub-item to an existing parent', () => {
    const loire = readReferentielFile('loire').commitments;
    const ids = new Set(loire.map((c) => c.id));
    expect(loire.filter((c) => c.parent).every((c) => ids.has(c.parent as string))).toBe(true);
    expect(loire.find((c) => c.id === '4.2')?.title).toContain('au moins une fois tous les 4 ans');
  });

  it('carries the reply deadlines of E.17 verbatim', () => {
    expect(findCommitment(readReferentielFile('cher').commitments, 'E.17')?.title).toContain('10 jours ouvrés');
  });

  it.each(referentielIds)('%s cuts into pages of at most 25, nothing lost or repeated', (id) => {
    const all = readReferentielFile(id).commitments;
    const first = paginateCommitments(all, 0);
    const seen: string[] = [];
    for (let page = 0; page < first.pageCount; page += 1) {
      seen.push(...paginateCommitments(all, page).groups.flatMap((g) => g.commitments.map((c) => c.id)));
    }
    expect(seen).toEqual(all.map((c) => c.id));
  });
});

describe('findCommitment', () => {
  const cher = readReferentielFile('cher').commitments;
  const somme = readReferentielFile('somme').commitments;
  const loire = readReferentielFile('loire').commitments;

  it.each(['E.17', 'e17', 'E 17', ' e.17 '])('finds E.17 from %j', (typed) => {
    expect(findCommitment(cher, typed)?.id).toBe('E.17');
  });

  it('finds Somme and Loire numbering', () => {
    expect(findCommitment(somme, 'es47')?.id).toBe('ES47');
    expect(findCommitment(loire, '17.1')?.id).toBe('17.1');
    expect(findCommitment(loire, '17')?.id).toBe('17');
  });

  it('finds nothing for an unknown or empty id', () => {
    expect(findCommitment(cher, 'E.99')).toBeUndefined();
    expect(findCommitment(cher, '...')).toBeUndefined();
  });
});
