import ExcelJS from 'exceljs';
import type { ActionItem } from '../../services/action-plan/action-item';
import { formatActionPlanCsv, parseActionPlanCsv, toCsvRows, type PlanImportOptions } from '../../services/action-plan/action-plan-csv';
import { cellText, parseActionPlanXlsx, planSheetName, readActionPlanXlsx, writeActionPlanXlsx } from '../../services/action-plan/action-plan-xlsx';
import { demoActionPlan } from '../../services/action-plan/demo-action-plan';
import { demoPeople, demoServices } from '../../services/demo/demo-directory';
import { cast, itemIn, people, serviceCodes } from './action-fixtures';

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

async function workbookOf(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

describe('the action plan as an Excel workbook (issue 5)', () => {
  it('reads back exactly the rows it was written from: the CSV’s rows, seed headers first', async () => {
    const rows = toCsvRows(plan, demoPeople);
    const read = await readActionPlanXlsx(await writeActionPlanXlsx(rows, { sheetName: planSheetName(), now }));
    expect(read).toEqual({ ok: true, records: rows });
  });

  it('keeps any text through the workbook as through the CSV: quotes, separators, line breaks, formula-like cells', async () => {
    const item = itemIn('awaiting-approval', {
      finding: '=HYPERLINK("http://x";"clic")',
      action: 'Deux lignes ;\n- puis une liste, "citée"',
      progress: '@SUM(A1) et +33 2 48 00 00 00',
      verification: "'déjà une apostrophe",
    });
    const options = { people, serviceCodes, existing: [item], today: '2026-11-23', now, importerId: cast.rq.id };
    const workbook = await writeActionPlanXlsx(toCsvRows([item], people), { sheetName: planSheetName(2026), now });
    expect(await parseActionPlanXlsx(workbook, options)).toEqual({ ok: true, items: [{ ...item, revision: item.revision + 1 }], created: [], replaced: [item.id] });
    expect(await parseActionPlanXlsx(workbook, options)).toEqual(parseActionPlanCsv(formatActionPlanCsv([item], people), options));
  });

  it('names the sheet after the year, freezes and bolds the header row, sizes columns, and writes dates as text', async () => {
    const workbook = await workbookOf(await writeActionPlanXlsx(toCsvRows(plan, demoPeople), { sheetName: planSheetName(2021), now }));
    const sheet = workbook.worksheets[0];
    expect(workbook.worksheets).toHaveLength(1);
    expect(sheet?.name).toBe('Plan d\'actions 2021');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getRow(1).font).toMatchObject({ bold: true });
    expect(sheet?.getCell('A1').value).toBe('N°');
    expect(sheet?.getCell('B1').value).toBe('CONSTATS / ÉCARTS / DYSFONCTIONNEMENTS');
    expect(sheet?.rowCount).toBe(plan.length + 1);
    const widths = (sheet?.columns ?? []).map((column) => column.width ?? 0);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...widths)).toBeLessThanOrEqual(50);
    const deadline = sheet?.getRow(2).getCell(12);
    expect(sheet?.getCell('L1').value).toBe('Échéance de réalisation');
    expect(deadline?.value).toBe('31/12/2020');
    expect(deadline?.numFmt).toBe('@');
    expect(planSheetName().length).toBeLessThanOrEqual(31);
  });

  it('reads cells Excel typed otherwise: a date, a number, rich text, a formula’s result', () => {
    expect(cellText(new Date('2027-03-31T00:00:00.000Z'))).toBe('2027-03-31');
    expect(cellText(12)).toBe('12');
    expect(cellText({ richText: [{ text: 'Urne ' }, { text: 'déplacée' }] })).toBe('Urne déplacée');
    expect(cellText({ formula: 'A1', result: 'BMI' })).toBe('BMI');
    expect(cellText({ text: 'lien', hyperlink: 'https://x' })).toBe('lien');
    expect(cellText(null)).toBe('');
  });

  it('numbers problems by the sheet’s rows, blank rows included, with the CSV’s French messages', async () => {
    const rows = toCsvRows([itemIn('planned')], people);
    const bad = [...(rows[1] ?? [])];
    bad[11] = '31/02/2027';
    const workbook = await writeActionPlanXlsx([...rows, Array<string>(rows[0]?.length ?? 0).fill(''), bad], { sheetName: planSheetName(), now });
    const result = await parseActionPlanXlsx(workbook, { people, serviceCodes, existing: [], today: '2026-11-23', now, importerId: cast.rq.id });
    expect(result).toMatchObject({ ok: false, problems: [{ line: 4, message: expect.stringMatching(/Échéance de réalisation : date « 31\/02\/2027 » invalide/) }] });
  });

  it('refuses what is not a workbook, an empty file, and a file too big, in French', async () => {
    const options = demoOptions([]);
    expect(await parseActionPlanXlsx(Buffer.from('N°;CONSTATS'), options)).toEqual({ ok: false, problems: [{ line: 1, message: 'Ce fichier n’est pas un classeur Excel (.xlsx) lisible.' }] });
    expect(await parseActionPlanXlsx(Buffer.alloc(0), options)).toEqual({ ok: false, problems: [{ line: 1, message: 'Le fichier est vide.' }] });
    expect(await parseActionPlanXlsx(Buffer.alloc(6 * 1024 * 1024), options)).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/dépasse 5 Mo/) }] });
  });
});
