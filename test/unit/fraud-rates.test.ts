import { demoFraud } from '../../services/fraud/demo-fraud';
import { fraudRates, fraudTotals } from '../../services/fraud/fraud-rates';
import type { FraudSignal } from '../../services/fraud/fraud-signal';
import { fraudTargets, targetFor } from '../../services/fraud/fraud-targets';
import type { FraudPeriod } from '../../services/fraud/fraud-volumes';
import { findPersonalData } from '../../services/privacy/personal-data-guard';
import { periodLine } from '../../bot/handlers/fraud-overview';

type Signal = Pick<FraudSignal, 'service' | 'detectedOn' | 'state' | 'article40'>;
const signal = (service: Signal['service'], detectedOn: string, state: Signal['state'] = 'confirmed', reported = false): Signal => ({
  service,
  detectedOn,
  state,
  article40: reported ? { reported: true, on: detectedOn } : { reported: false },
});
const volume = (service: 'BMI' | 'CERT', period: string, files: number) => ({ service, period: period as FraudPeriod, volume: files });
const ofService = (figures: ReturnType<typeof fraudRates>, service: string) => figures.find((entry) => entry.service === service);

describe('fraud rates per thousand files processed', () => {
  it('takes the targets of seed 003 (BMI 5 ‰, CERT 0.5 ‰), and none for the other domains', () => {
    expect(targetFor('BMI', 2025)).toBe(5);
    expect(targetFor('CERT', 2025)).toBe(0.5);
    expect(targetFor('PERMIS', 2025)).toBeUndefined();
    expect(targetFor('BMI', 2019)).toBeUndefined();
    expect(fraudTargets.every((target) => target.source.includes('2020'))).toBe(true);
  });

  it('computes a quarter’s rate, counting confirmed and pending signals but not the ruled-out ones', () => {
    const signals = [signal('BMI', '2025-01-10'), signal('BMI', '2025-02-10', 'submitted'), signal('BMI', '2025-03-10', 'not-confirmed'), signal('BMI', '2025-04-10')];
    const bmi = ofService(fraudRates({ signals, volumes: [volume('BMI', '2025-Q1', 1000)], year: 2025 }), 'BMI');
    expect(bmi?.quarters[0]).toMatchObject({ period: '2025-Q1', counted: 2, confirmed: 1, awaiting: 1, notConfirmed: 1, volume: 1000, perThousand: 2, target: 5, meetsTarget: false });
  });

  it('gives no rate, and says why, for a period with no volume or a volume of zero (no division by zero)', () => {
    const signals = [signal('BMI', '2025-05-10'), signal('BMI', '2025-08-10')];
    const bmi = ofService(fraudRates({ signals, volumes: [volume('BMI', '2025-Q3', 0)], year: 2025 }), 'BMI');
    expect(bmi?.quarters[1]).toMatchObject({ counted: 1, noRate: 'no-volume' });
    expect(bmi?.quarters[1]?.perThousand).toBeUndefined();
    expect(bmi?.quarters[2]).toMatchObject({ counted: 1, volume: 0, noRate: 'zero-volume' });
    expect(bmi?.quarters[2]?.perThousand).toBeUndefined();
    expect(periodLine(bmi?.quarters[1] ?? ({} as never), 'fr')).toBe('T2 2025 : 1 signalement(s) — aucun volume saisi : taux non calculable');
    expect(periodLine(bmi?.quarters[2] ?? ({} as never), 'fr')).toBe('T3 2025 : 1 signalement(s) — volume nul : taux non calculable');
  });

  it('uses the yearly volume when entered, else the quarters entered with their own signals', () => {
    const signals = [signal('CERT', '2025-02-01'), signal('CERT', '2025-11-01')];
    const yearly = ofService(fraudRates({ signals, volumes: [volume('CERT', '2025', 4000), volume('CERT', '2025-Q1', 1000)], year: 2025 }), 'CERT');
    expect(yearly?.year).toMatchObject({ counted: 2, volume: 4000, perThousand: 0.5, meetsTarget: true });
    const partial = ofService(fraudRates({ signals, volumes: [volume('CERT', '2025-Q1', 1000), volume('CERT', '2025-Q2', 1000)], year: 2025 }), 'CERT');
    expect(partial?.year).toMatchObject({ counted: 2, ratedCount: 1, volume: 2000, perThousand: 0.5, coveredQuarters: [1, 2] });
  });

  it('counts article-40 reports whatever the qualification, and ignores other years', () => {
    const signals = [signal('BMI', '2025-01-10', 'confirmed', true), signal('CERT', '2025-06-10', 'not-confirmed', true), signal('BMI', '2024-12-31', 'confirmed', true)];
    const figures = fraudRates({ signals, volumes: [], year: 2025 });
    expect(fraudTotals(figures)).toEqual({ counted: 1, confirmed: 1, awaiting: 0, notConfirmed: 1, article40: 2 });
  });

  it('finds the figures of the 2020 report in the demo’s last year: BMI 3.10 ‰ under 5 ‰, CERT 0.54 ‰ over 0.5 ‰', () => {
    const { signals, volumes } = demoFraud('2026-11-23', '2026-11-23T09:00:00.000Z');
    const figures = fraudRates({ signals, volumes, year: 2025 });
    expect(periodLine(ofService(figures, 'BMI')?.year ?? ({} as never), 'fr')).toMatch(/^2025 : 12 signalement\(s\) \/ 3\s870 dossiers = 3,10 ‰ — cible 5 ‰ : non atteinte ; 5 transmis/);
    expect(periodLine(ofService(figures, 'CERT')?.year ?? ({} as never), 'fr')).toMatch(/^2025 : 11 signalement\(s\) \/ 20\s370 dossiers = 0,54 ‰ — cible 0,5 ‰ : atteinte/);
    expect(periodLine(ofService(figures, 'CERT')?.year ?? ({} as never), 'en')).toMatch(/^2025: 11 signal\(s\) \/ 20,370 files = 0.54 ‰ — target 0.5 ‰: met/);
  });

  it('seeds demo signals without personal data and never after the seeding day, even on 2 January', () => {
    for (const today of ['2026-11-23', '2027-01-02']) {
      const { signals } = demoFraud(today, `${today}T08:00:00.000Z`);
      for (const entry of signals) {
        expect(findPersonalData(`${entry.description} ${entry.fileReference}`)).toEqual([]);
        expect(entry.detectedOn <= today && entry.createdAt.slice(0, 10) <= today).toBe(true);
        expect(entry.id.split('-')[1]).toBe(entry.detectedOn.slice(0, 4));
      }
    }
  });
});
