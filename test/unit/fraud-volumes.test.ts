import fc from 'fast-check';
import type { Role } from '../../services/directory/roles';
import {
  mayEnterVolumes,
  parseFraudPeriod,
  parseVolumeNumber,
  parseVolumesArgument,
  validateVolumeEntry,
  volumePeriodChoices,
  volumeServicesFor,
} from '../../services/fraud/fraud-volumes';

const rq = { roles: ['rq', 'admin'] as Role[], service: 'SGCD' };
const bmiManager = { roles: ['agent', 'manager'] as Role[], service: 'BMI' };
const certManager = { roles: ['agent', 'manager'] as Role[], service: 'CERT' };
const agent = { roles: ['agent'] as Role[], service: 'BMI' };
const today = '2026-11-23';

describe('the volumes of files processed', () => {
  it('reads periods as people type them', () => {
    expect(parseFraudPeriod('2025-T1')).toBe('2025-Q1');
    expect(parseFraudPeriod('2025-q4')).toBe('2025-Q4');
    expect(parseFraudPeriod('T2 2025')).toBe('2025-Q2');
    expect(parseFraudPeriod('2025')).toBe('2025');
    expect(parseFraudPeriod('2025-T5')).toBeUndefined();
    expect(parseFraudPeriod('mars 2025')).toBeUndefined();
  });

  it('reads every spelling of every quarter to the same period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom('T', 't', 'Q', 'q'), (year, q, letter) => {
        const canonical = `${year}-Q${q}`;
        for (const typed of [`${year}-${letter}${q}`, `${letter}${q} ${year}`, `${letter}${q}-${year}`, ` ${year}-${letter}${q} `]) expect(parseFraudPeriod(typed)).toBe(canonical);
      }),
    );
  });

  it('reads whole numbers with spaces, and refuses negative and non-whole ones', () => {
    expect(parseVolumeNumber('12500')).toEqual({ ok: true, volume: 12500 });
    expect(parseVolumeNumber('12 500')).toEqual({ ok: true, volume: 12500 });
    expect(parseVolumeNumber('12\u202f500')).toEqual({ ok: true, volume: 12500 });
    expect(parseVolumeNumber('0')).toEqual({ ok: true, volume: 0 });
    expect(parseVolumeNumber('-5')).toEqual({ ok: false, message: 'Le nombre de dossiers ne peut pas être négatif.' });
    expect(parseVolumeNumber('12,5')).toMatchObject({ ok: false, message: expect.stringContaining('nombre entier') });
    expect(parseVolumeNumber('12.500')).toMatchObject({ ok: false, message: expect.stringContaining('nombre entier') });
    expect(parseVolumeNumber('')).toMatchObject({ ok: false });
    expect(parseVolumeNumber('99999999')).toMatchObject({ ok: false, message: expect.stringContaining('invraisemblable') });
  });

  it('reads any whole number however its thousands are grouped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        const grouped = n.toLocaleString('fr-FR');
        expect(parseVolumeNumber(grouped)).toEqual({ ok: true, volume: n });
      }),
    );
  });

  it('splits the words of « volumes BMI 2025-T1 12 500 »', () => {
    expect(parseVolumesArgument('')).toEqual({ kind: 'card' });
    expect(parseVolumesArgument('BMI 2025-T1 12 500')).toEqual({ kind: 'entry', service: 'BMI', period: '2025-T1', volume: '12 500' });
    expect(parseVolumesArgument('bmi T1 2025 12500')).toEqual({ kind: 'entry', service: 'bmi', period: 'T1 2025', volume: '12500' });
    expect(parseVolumesArgument('BMI 2025')).toEqual({ kind: 'usage' });
  });

  it('lets the quality officer enter every domain and a manager the domain of their own service only', () => {
    expect(volumeServicesFor(rq)).toEqual(['BMI', 'CERT', 'PERMIS', 'SIV', 'AUTRE']);
    expect(volumeServicesFor(bmiManager)).toEqual(['BMI']);
    expect(volumeServicesFor(certManager)).toEqual(['CERT']);
    expect(volumeServicesFor(agent)).toEqual([]);
    expect(mayEnterVolumes(bmiManager, 'CERT')).toBe(false);
  });

  it('checks an entry whole and says every problem in French', () => {
    expect(validateVolumeEntry({ service: 'bmi', period: '2025-T1', volume: '12 500' }, { person: rq, today })).toEqual({ ok: true, service: 'BMI', period: '2025-Q1', volume: 12500 });
    expect(validateVolumeEntry({ service: 'cartes-grises', period: '2026', volume: '800' }, { person: rq, today })).toMatchObject({ ok: true, service: 'SIV', period: '2026' });
    const refused = validateVolumeEntry({ service: 'XYZ', period: '2027-T1', volume: '-3' }, { person: rq, today });
    expect(refused).toEqual({
      ok: false,
      errors: [
        { field: 'service', message: 'Service « XYZ » inconnu : choisissez parmi BMI, CERT, PERMIS, SIV, AUTRE.' },
        { field: 'period', message: 'La période T1 2027 n’a pas commencé : saisissez les volumes une fois les dossiers traités.' },
        { field: 'volume', message: 'Le nombre de dossiers ne peut pas être négatif.' },
      ],
    });
    expect(validateVolumeEntry({ service: 'CERT', period: '2026-T1', volume: '100' }, { person: bmiManager, today })).toEqual({
      ok: false,
      errors: [{ field: 'service', message: 'Vous ne pouvez saisir les volumes que de BMI.' }],
    });
  });

  it('offers this year and last, each year then its quarters already begun', () => {
    expect(volumePeriodChoices('2026-05-02')).toEqual(['2026', '2026-Q1', '2026-Q2', '2025', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
  });
});
