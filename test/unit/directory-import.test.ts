import { parseDirectoryCsv } from '../../services/directory/directory-import';

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

  it('refuses a CSV with an unclosed quote instead of guessing', () => {
    const result = parseDirectoryCsv(`aadObjectId;nom;service;rôles\n${idA};"Camille;BMI;agent`, services);
    expect(result.ok).toBe(false);
  });
});
