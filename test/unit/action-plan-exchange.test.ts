import ExcelJS from 'exceljs';
import { actionPlanImportSample } from '../../cards/action-plan-import';
import type { ActionItem } from '../../services/action-plan/action-item';
import { formatActionPlanCsv, parseActionPlanCsv, type PlanImportOptions } from '../../services/action-plan/action-plan-csv';
import { buildPlanExport, itemsOfExport, planImportWrites } from '../../services/action-plan/action-plan-exchange';
import { demoActionPlan } from '../../services/action-plan/demo-action-plan';
import { demoPeople, demoServices } from '../../services/demo/demo-directory';
import { cast } from './action-fixtures';

const now = new Date('2026-11-23T09:15:00.000Z');
const plan = demoActionPlan(now);
const demoOptions = (existing: readonly ActionItem[]): PlanImportOptions => ({
  people: demoPeople.map((p) => ({ id: p.id, email: p.email })),
  serviceCodes: demoServices.map((s) => s.code),
  existing,
  today: '2026-11-23',
  now,
  importerId: cast.rq.id,
});

async function sheetNameOf(data: Buffer): Promise<string | undefined> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook.worksheets[0]?.name;
}

describe('exporting and importing the plan', () => {
  it('builds the file of one year or of the whole plan, named after it', async () => {
    expect(itemsOfExport(plan, 2021).map((item) => item.year)).toEqual(plan.filter((item) => item.year === 2021).map(() => 2021));
    const csv = await buildPlanExport(plan, demoPeople, { format: 'csv', year: 2021 }, now);
    expect(csv).toMatchObject({ filename: 'plan-d-actions-2021.csv', contentType: 'text/csv; charset=utf-8', rows: itemsOfExport(plan, 2021).length });
    expect(csv.body.toString('utf8')).toBe(formatActionPlanCsv(itemsOfExport(plan, 2021), demoPeople));
    const xlsx = await buildPlanExport(plan, demoPeople, { format: 'xlsx' }, now);
    expect(xlsx).toMatchObject({ filename: 'plan-d-actions-complet.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', rows: plan.length });
    expect(await sheetNameOf(xlsx.body)).toBe('Plan d\'actions complet');
  });

  it('writes only what changed: an identical row is left alone, a changed one replaces the version read (its ETag)', () => {
    const stored = plan.map((item, index) => ({ ...item, etag: `W/"${index}"` }));
    const parsed = parseActionPlanCsv(formatActionPlanCsv(plan, demoPeople).replace('Affiche horaires;', 'Affiche des horaires;'), demoOptions(stored));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const { writes, unchanged } = planImportWrites(parsed.items, stored);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ item: { id: '2021-03', finding: 'Affiche des horaires', revision: 1 }, etag: 'W/"2"', before: { finding: 'Affiche horaires' } });
    expect(writes[0]?.before).not.toHaveProperty('etag');
    expect(unchanged).toHaveLength(plan.length - 1);
  });

  it('does not create twice a row without number that an interrupted run already created', () => {
    const header = 'CONSTATS / ÉCARTS / DYSFONCTIONNEMENTS;ÉTAT;Échéance de réalisation;NATURE DU PLAN D\'ACTION;RESPONSABLE;PILOTE (E-MAIL);N°';
    const text = `${header}\nUrne peu visible;Prévue;15/01/2027;Déplacer l’urne;BMI;adele.vance@cher.gouv.fr;\nAffiche;Prévue;15/01/2027;Refaire;BMI;adele.vance@cher.gouv.fr;`;
    const first = parseActionPlanCsv(text, demoOptions([]));
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    // The first run wrote the first row (2026-01), then stopped.
    const stored = [{ ...first.items[0]!, etag: 'W/"1"' }];
    const rerun = parseActionPlanCsv(text, { ...demoOptions(stored), now: new Date('2026-11-23T10:00:00.000Z') });
    if (!rerun.ok) throw new Error(JSON.stringify(rerun.problems));
    const { writes, unchanged } = planImportWrites(rerun.items, stored);
    expect(unchanged).toEqual(['2026-02']);
    expect(writes.map((write) => [write.item.finding, write.etag])).toEqual([['Affiche', undefined]]);
  });

  it('accepts the example the import card shows', () => {
    const example = actionPlanImportSample.csv.replace(';XYZ;', ';BMI;').replace('31/02/2027', '28/02/2027');
    expect(parseActionPlanCsv(example, demoOptions([]))).toMatchObject({ ok: true, created: ['2026-01'] });
  });
});
