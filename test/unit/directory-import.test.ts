import { mergeImportedPerson, parseDirectoryCsv } from '../../services/directory/directory-import';

const services = ['BMI', 'CERT', 'SGCD'];
const idA = '6f1c2d3e-0000-4000-8000-00000000000a';
const idB = '6f1c2d3e-0000-4000-8000-00000000000b';

describe('parseDirectoryCsv', () => {
  it('reads a semicolon CSV with French headers and several roles', () => {
    const csv = `aadObjectId;nom;email;service;rôles\n${idA};Camille Martin;camille@cher.gouv.fr;bmi;agent|Encadrant\n${idB};Hugo;;CERT;agent`;
    const result = parseDirectoryCsv(csv, services);
    expect(result).toEqual({
      ok: true,
      people: [
        { id: idA, name: 'Camille Martin', email: 'camille@cher.gouv.fr', service: 'BMI', roles: ['agent', 'manager'] },
        { id: idB, name: 'Hugo', email: undefined, service: 'CERT', roles: ['agent'] },
      ],
    });
  });

  it('reads comma-separated files with English headers, quoted fields and "responsable qualité"', () => {
    const csv = `id,name,service,roles\r\n${idA},"Martin, Camille",SGCD,"responsable qualité, admin"`;
    const result = parseDirectoryCsv(csv, services);
    expect(result.ok && result.people[0]).toMatchObject({ name: 'Martin, Camille', roles: ['rq', 'admin'] });
  });

  it('reports every bad row with its line number and keeps nothing', () => {
    const csv = [
      'aadObjectId;nom;email;service;rôles',
      `${idA};Camille;pas-un-mail;BMI;agent`,
      `abc;Hugo;;XYZ;chef de gare`,
      `${idB};Léa;;CERT;agent`,
      `${idA};Doublon;;BMI;agent`,
    ].join('\n');
    const result = parseDirectoryCsv(csv, services);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.line)).toEqual([2, 3, 5]);
    expect(result.problems[0]?.message).toContain('e-mail « pas-un-mail » invalide');
    expect(result.problems[1]?.message).toMatch(/identifiant « abc » invalide.*service « XYZ » inconnu.*rôle\(s\) inconnu\(s\)/);
    expect(result.problems[2]?.message).toContain('déjà présent ligne 2');
  });

  it('names the missing header columns', () => {
    const result = parseDirectoryCsv('nom;email\nx;y', services);
    expect(result).toEqual({ ok: false, problems: [{ line: 1, message: expect.stringContaining('aadObjectId, service, rôles') }] });
  });

  it('refuses an empty paste and a header without rows', () => {
    expect(parseDirectoryCsv('   ', services).ok).toBe(false);
    expect(parseDirectoryCsv('aadObjectId;nom;service;rôles', services)).toEqual({
      ok: false,
      problems: [{ line: 2, message: expect.any(String) }],
    });
  });

  it('reads the optional « arrivée » column, written 2024-09-02 or 02/09/2024, and leaves it out when empty', () => {
    const csv = `aadObjectId;nom;service;rôles;date d’arrivée\n${idA};Camille;BMI;agent;2/9/2024\n${idB};Hugo;CERT;agent;`;
    const result = parseDirectoryCsv(csv, services);
    expect(result.ok && result.people.map((person) => person.arrivedOn)).toEqual(['2024-09-02', undefined]);
    const iso = parseDirectoryCsv(`id,name,service,roles,arrivee\n${idA},Camille,BMI,agent,2019-03-18`, services);
    expect(iso.ok && iso.people[0]?.arrivedOn).toBe('2019-03-18');
  });

  it('refuses an arrival day that is not a date, with its line', () => {
    const result = parseDirectoryCsv(`aadObjectId;nom;service;rôles;arrivée\n${idA};Camille;BMI;agent;31/02/2024`, services);
    expect(result).toEqual({ ok: false, problems: [{ line: 2, message: expect.stringContaining('date d’arrivée « 31/02/2024 » invalide') }] });
  });

  it('keeps the known arrival when the import leaves the cell empty', () => {
    const existing = { id: idA, name: 'Camille', service: 'BMI', roles: ['agent' as const], toAssign: false, createdAt: '2026-01-05T08:00:00.000Z', arrivedOn: '2018-01-02' };
    const row = { id: idA, name: 'Camille Martin', service: 'BMI', roles: ['agent' as const] };
    expect(mergeImportedPerson(row, existing, '2026-11-23T09:00:00.000Z').arrivedOn).toBe('2018-01-02');
    expect(mergeImportedPerson({ ...row, arrivedOn: '2020-05-04' }, existing, '2026-11-23T09:00:00.000Z').arrivedOn).toBe('2020-05-04');
  });

  it('refuses a CSV with an unclosed quote instead of guessing', () => {
    const result = parseDirectoryCsv(`aadObjectId;nom;service;rôles\n${idA};"Camille;BMI;agent`, services);
    expect(result.ok).toBe(false);
  });
});
