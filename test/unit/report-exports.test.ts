import ExcelJS from 'exceljs';
import { readExportList } from '../../bot/handlers/exports';
import type { StoredAuditEntry } from '../../services/audit/audit-repository';
import type { FraudSignal } from '../../services/fraud/fraud-signal';
import { auditMonths, auditSheet } from '../../services/exports/audit-export';
import { acceptsFilter, exportKindDefinitions } from '../../services/exports/export-kinds';
import { checksSheet, complaintsSheet, fraudSheet, trainingSheet } from '../../services/exports/export-lists';
import { parseExportPeriod } from '../../services/exports/export-period';
import { formatCsv, writeWorkbook } from '../../services/exports/export-table';
import { signExportLink, verifyExportLink } from '../../services/exports/export-link';
import { calendar, people, seed003Data, trainingTypes } from './report-seed003.fixture';

const [agent1, agent2] = people;

describe('the lists exported for auditors (issue 7): headers and rows on small data', () => {
  it('lists the checks of each quarter begun, answered or not, with the answer as evidence', () => {
    const sheet = checksSheet(seed003Data.checkItems, seed003Data.checkAnswers, ['2020-Q3', '2020-Q4'], people, { today: '2021-01-15', timeZone: 'Europe/Paris' });
    expect(sheet.header).toEqual(['Trimestre', 'Élément', 'Libellé', 'Engagement', 'Support', 'Page', 'Service', 'Responsable', 'Réponse', 'Date de mise à jour', 'Problème', 'Répondu par', 'Répondu le', 'Hors délai']);
    expect(sheet.rows.map((row) => [row[0], row[1], row[8], row[10], row[13]])).toEqual([
      ['2020-T3', 'HALL-HORAIRES', 'Problème', 'Affiche absente', 'NON'],
      ['2020-T3', 'SITE-DELAIS', 'Vérifié, à jour', '', 'NON'],
      ['2020-T4', 'HALL-HORAIRES', 'Vérifié, à jour', '', 'NON'],
      ['2020-T4', 'SITE-DELAIS', 'Non fait', '', ''],
    ]);
    expect(sheet.rows[0]?.[7]).toBe(agent1?.email);
    expect(sheet.rows[0]?.[12]).toBe('2020-03-10 10:00');
  });

  it('leaves out the quarters not begun, and says « À faire » for the one under way', () => {
    const sheet = checksSheet(seed003Data.checkItems, [], ['2021-Q1', '2021-Q2'], people, { today: '2021-01-15', timeZone: 'Europe/Paris' });
    expect(sheet.rows.map((row) => [row[0], row[8]])).toEqual([
      ['2021-T1', 'À faire'],
      ['2021-T1', 'À faire'],
    ]);
  });

  it('lists the training status of each person and required type, with the latest completion', () => {
    const sheet = trainingSheet(people.slice(0, 5), trainingTypes, seed003Data.trainingRecords, '2021-01-15');
    expect(sheet.header).toEqual(['Nom', 'E-mail', 'Service', 'Formation', 'Engagement', 'Dernière formation', 'Mode', 'Intitulé', 'Expire le', 'État']);
    expect(sheet.rows[0]).toEqual(['Agent 01', 'agent1@cher.gouv.fr', 'ACCUEIL', 'Accueil physique et téléphonique', 'E.4', '15/09/2020', 'présentiel', 'Accueil physique et téléphonique', '15/09/2024', 'Valide']);
    const bmi = sheet.rows.filter((row) => row[2] === 'BMI');
    expect(bmi.map((row) => [row[3], row[6], row[9]])).toEqual([
      ['Lutte contre la fraude', '', 'Jamais suivie'],
      ['Valeurs du service public', 'e-learning', 'Valide'],
    ]);
  });

  it('lists the year’s complaints with deadlines, reply delays in working days and timeliness', () => {
    const sheet = complaintsSheet(seed003Data.complaints.filter((complaint) => complaint.id === 'R-2020-0041' || complaint.id === 'R-2020-0043'), people, calendar);
    expect(sheet.header.slice(0, 5)).toEqual(['Numéro', 'Reçue le', 'Canal', 'Nature', 'Périmètre Qual-e-pref']);
    expect(sheet.header.at(-1)).toBe('Résumé');
    const [hallForm, outOfScope] = sheet.rows;
    expect(hallForm?.slice(0, 5)).toEqual(['R-2020-0041', '03/02/2020', 'Fiche du hall', 'Réclamation', 'OUI']);
    expect(hallForm?.slice(13, 17)).toEqual(['19/02/2020', '12', 'NON', 'Répondue']);
    expect(outOfScope?.slice(4, 6)).toEqual(['NON', 'Question sur un dossier en cours']);
  });

  it('lists fraud signals without their author, and protects cells that a spreadsheet would run as formulas', () => {
    const signal: FraudSignal = {
      id: 'BMI-2020-0001',
      service: 'BMI',
      titleType: 'titre-sejour',
      nature: 'faux-document',
      detectedOn: '2020-03-10',
      fileReference: '=HYPERLINK("http://x")',
      description: 'Attestation de travail non conforme',
      article40: { reported: true, on: '2020-03-20' },
      authorId: '00000000-0000-0000-0000-000000000022',
      createdAt: '2020-03-11T08:00:00.000Z',
      state: 'confirmed',
      submittedAt: '2020-03-11T08:00:00.000Z',
      qualification: { by: '00000000-0000-0000-0000-000000000023', at: '2020-03-12T08:00:00.000Z', outcome: 'confirmed' },
      exchanges: [],
      revision: 1,
    };
    const sheet = fraudSheet([signal], 'Europe/Paris');
    expect(sheet.header).toEqual(['Numéro', 'Domaine', 'Titre', 'Nature', 'Détectée le', 'Référence interne', 'État', 'Qualifiée le', 'Transmis au procureur (art. 40)', 'Transmis le', 'Description']);
    expect(sheet.rows[0]).toEqual(['BMI-2020-0001', 'BMI — titres des étrangers', 'Titre de séjour', expect.any(String), '10/03/2020', '\'=HYPERLINK("http://x")', 'Fraude confirmée', '2020-03-12 09:00', 'OUI', '20/03/2020', 'Attestation de travail non conforme']);
    expect(JSON.stringify(sheet)).not.toContain(signal.authorId);
  });

  it('lists the audit trail oldest first, authors by e-mail, values as JSON, and says when the export was cut', () => {
    const entries: StoredAuditEntry[] = [
      { at: '2026-11-02T10:00:00.000Z', actorId: agent2?.id ?? '', action: 'action.update', entityType: 'action', entityId: '2026-01', before: { state: 'planned' }, after: { state: 'in-progress' } },
      { at: '2026-11-01T10:00:00.000Z', actorId: 'system', action: 'directory.import', entityType: 'directory', entityId: 'import' },
    ];
    const sheet = auditSheet(entries, people, true);
    expect(sheet.header).toEqual(['Date (UTC)', 'Auteur', 'Action', 'Type', 'Identifiant', 'Avant', 'Après']);
    expect(sheet.rows[0]).toEqual(['2026-11-01T10:00:00.000Z', 'system', 'directory.import', 'directory', 'import', '', '']);
    expect(sheet.rows[1]).toEqual(['2026-11-02T10:00:00.000Z', 'agent2@cher.gouv.fr', 'action.update', 'action', '2026-01', '{"state":"planned"}', '{"state":"in-progress"}']);
    expect(sheet.rows[2]?.[2]).toContain('Export limité');
    expect(auditMonths(2026, 3)).toEqual(['2026-03']);
    expect(auditMonths(2026)).toHaveLength(12);
  });

  it('writes the same rows to CSV (BOM, `;`, CRLF) and to the workbook (text columns stay text)', async () => {
    const sheet = { name: 'Essai', header: ['A', 'B;C'], rows: [['1/2', 'x"y'], ['', 'ligne\nsuivante']] };
    expect(formatCsv(sheet)).toBe('\uFEFFA;"B;C"\r\n1/2;"x""y"\r\n;"ligne\nsuivante"\r\n');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeWorkbook([sheet, { name: 'Chiffres', header: ['N'], rows: [[3.1]] }], new Date('2026-11-23T09:00:00Z'))) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Essai', 'Chiffres']);
    expect((workbook.worksheets[0]?.getRow(2).values as unknown[]).slice(1)).toEqual(['1/2', 'x"y']);
    expect(workbook.worksheets[1]?.getCell('A2').value).toBe(3.1);
  });
});

describe('which lists, periods and formats a link may name', () => {
  it('reads the list after « exporter », the longest phrasing first, the rest as typed', () => {
    expect(readExportList('réclamations 2025')).toEqual({ kind: 'complaints', rest: '2025' });
    expect(readExportList('Contrôles T1 2026')).toEqual({ kind: 'checks', rest: 'T1 2026' });
    expect(readExportList('journal d’audit 2026-03')).toEqual({ kind: 'audit', rest: '2026-03' });
    expect(readExportList('plan 2026')).toEqual({ kind: 'action-plan', rest: '2026' });
    expect(readExportList('bilan')).toEqual({ kind: 'report', rest: '' });
    expect(readExportList('fraude')).toEqual({ kind: 'fraud', rest: '' });
    expect(readExportList('formations')).toEqual({ kind: 'training', rest: '' });
    expect(readExportList('n’importe quoi')).toBeUndefined();
  });

  it('reads a pasted page after « exporter » at once, its words past the list as the rest (issue 10)', () => {
    const started = Date.now();
    expect(readExportList(`réclamations ${'mot '.repeat(25_000)}`)?.kind).toBe('complaints');
    expect(readExportList('mot '.repeat(25_000))).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reads periods: defaults, years, quarters, months; refuses what the list does not offer or what has not begun', () => {
    const today = '2026-11-23';
    const { checks, audit, training, complaints } = exportKindDefinitions;
    expect(parseExportPeriod('', checks, today)).toEqual({ ok: true, filter: { year: 2026 } });
    expect(parseExportPeriod('T1 2026', checks, today)).toEqual({ ok: true, filter: { year: 2026, quarter: 1 } });
    expect(parseExportPeriod('2026-t4', checks, today)).toEqual({ ok: true, filter: { year: 2026, quarter: 4 } });
    expect(parseExportPeriod('', audit, today)).toEqual({ ok: true, filter: { year: 2026, month: 11 } });
    expect(parseExportPeriod('03/2026', audit, today)).toEqual({ ok: true, filter: { year: 2026, month: 3 } });
    expect(parseExportPeriod('2025', audit, today)).toEqual({ ok: true, filter: { year: 2025 } });
    expect(parseExportPeriod('', training, today)).toEqual({ ok: true, filter: undefined });
    expect(parseExportPeriod('2025', training, today)).toEqual({ ok: false, reason: 'not-offered' });
    expect(parseExportPeriod('2026-T1', complaints, today)).toEqual({ ok: false, reason: 'not-offered' });
    expect(parseExportPeriod('tout', complaints, today)).toEqual({ ok: false, reason: 'not-offered' });
    expect(parseExportPeriod('2027', complaints, today)).toEqual({ ok: false, reason: 'future' });
    expect(parseExportPeriod('2026-12', audit, today)).toEqual({ ok: false, reason: 'future' });
    expect(parseExportPeriod('hier', complaints, today)).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('accepts in a link only the periods the list offers', () => {
    const { checks, training, report, audit } = exportKindDefinitions;
    expect(acceptsFilter(checks, { year: 2026, quarter: 2 })).toBe(true);
    expect(acceptsFilter(checks, undefined)).toBe(false);
    expect(acceptsFilter(checks, { year: 2026, month: 2 })).toBe(false);
    expect(acceptsFilter(training, undefined)).toBe(true);
    expect(acceptsFilter(training, { year: 2026 })).toBe(false);
    expect(acceptsFilter(audit, { year: 2026, month: 13 })).toBe(false);
    expect(acceptsFilter(report, { year: 2026 })).toBe(true);
    expect(report.formats).toEqual(['xlsx']);
    expect(exportKindDefinitions.fraud.audience).toEqual(['fraud-referent', 'rq']);
  });

  it('signs and verifies links of every kind, with a quarter or a month', () => {
    const now = new Date('2026-11-23T09:00:00.000Z');
    const secret = 'a-secret-of-more-than-thirty-two-characters';
    const personId = '00000000-0000-0000-0000-0000000000020';
    for (const kind of Object.keys(exportKindDefinitions) as (keyof typeof exportKindDefinitions)[]) {
      const { token } = signExportLink({ kind, format: 'xlsx', personId, filter: { year: 2026, month: 3 } }, secret, now);
      expect(verifyExportLink(token, secret, now)).toMatchObject({ ok: true, claims: { kind, filter: { year: 2026, month: 3 } } });
    }
    expect(() => signExportLink({ kind: 'checks', format: 'csv', personId, filter: { year: 2026, quarter: 5 } }, secret, now)).toThrow();
  });
});
