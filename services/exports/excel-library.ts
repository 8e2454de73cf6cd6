import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on first use: about 29 MB of memory the bot does not need until someone exports or imports a
 * workbook (issue 9's memory figure). Node keeps the module once loaded.
 */
export async function excelLibrary(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
