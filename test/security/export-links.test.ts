import { signExportLink, type ExportLinkRequest } from '../../services/exports/export-link';
import { adele, alex, installActivity, isaiah, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { recordReliabilityRow } from '../support/reliability-report';
import { movableClock, testConnectionString } from '../support/test-storage';

const secret = 'export-links-test-secret-of-more-than-32-characters';
const refusedText = 'Ce lien de téléchargement n’est pas ou plus valable. Demandez-en un nouveau à Qualibot : « exporter le plan d’action ».\n';
/** Patti Fernandez: administrator (IT), who may export the complaints but not the fraud signals. */
const patti = { id: 'user-id-4', aadObjectId: '00000000-0000-0000-0000-0000000000024', name: 'Patti Fernandez' };
const complaints2026: Omit<ExportLinkRequest, 'personId'> = { kind: 'complaints', format: 'csv', filter: { year: 2026 } };

/** A token with its payload changed and its signature kept. */
function retouched(token: string, change: (claims: Record<string, unknown>) => Record<string, unknown>): string {
  const [payload = '', mac = ''] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${Buffer.from(JSON.stringify(change(claims))).toString('base64url')}.${mac}`;
}

describe('download links: signed, short-lived, and bound to a person whose rights are read again (issue 10)', () => {
  let harness: BotHarness;
  const clock = movableClock('2026-11-23T09:00:00.000Z');
  const refused: string[] = [];

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), clock, { PUBLIC_BASE_URL: 'https://qualibot.example.fr', EXPORT_LINK_SECRET: secret }, { actionPlan: true });
    for (const person of [alex, patti]) await harness.post(installActivity(harness.connector.url, person));
  });
  afterAll(() => harness.stop());

  const sign = (request: ExportLinkRequest, at = clock.now(), key = secret) => signExportLink(request, key, at).token;
  const download = (token: string) => fetch(`${new URL(harness.endpoint).origin}/exports/${token}`);
  const downloadsAudited = async () => (await harness.bot.app.audit.listMonth('2026-11', { limit: 1000 })).filter((entry) => entry.action === 'export.download').length;
  /** The CSV link the export card gives `from` for « exporter réclamations 2026 ». */
  const linkFromCard = async (from: typeof alex) => {
    harness.connector.clear();
    clock.advance(1_000);
    await harness.post(messageActivity(harness.connector.url, 'exporter réclamations 2026', from));
    const card = harness.connector.sent.at(-1)?.attachments?.[0]?.content as { actions?: { title: string; url: string }[] } | undefined;
    const url = card?.actions?.find((action) => action.title.includes('CSV'))?.url ?? '';
    return new URL(url).pathname.split('/').at(-1) ?? '';
  };
  const expectRefused = async (name: string, token: string) => {
    const before = await downloadsAudited();
    const response = await download(token);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(refusedText);
    expect(await downloadsAudited()).toBe(before);
    refused.push(name);
  };

  const cases: [string, () => string][] = [
    ['that has expired (made 15 minutes ago)', () => sign({ ...complaints2026, personId: alex.aadObjectId }, new Date(clock.now().getTime() - 15 * 60_000))],
    ['whose list was changed in the payload', () => retouched(sign({ ...complaints2026, personId: patti.aadObjectId }), (claims) => ({ ...claims, kind: 'audit' }))],
    ['whose person was changed to the quality officer', () => retouched(sign({ ...complaints2026, personId: patti.aadObjectId }), (claims) => ({ ...claims, personId: alex.aadObjectId }))],
    ['whose expiry was pushed back a day', () => retouched(sign({ ...complaints2026, personId: alex.aadObjectId }), (claims) => ({ ...claims, exp: Number(claims.exp) + 86_400 }))],
    ['whose signature was altered', () => sign({ ...complaints2026, personId: alex.aadObjectId }).replace(/.{4}$/, (tail) => (tail === 'AAAA' ? 'BBBB' : 'AAAA'))],
    ['signed with another key', () => sign({ ...complaints2026, personId: alex.aadObjectId }, clock.now(), 'another-key-that-is-more-than-32-characters-long')],
    ['made for an agent, who may export nothing', () => sign({ ...complaints2026, personId: adele.aadObjectId })],
    ['to the fraud list made for an administrator, who may not see it', () => sign({ kind: 'fraud', format: 'csv', personId: patti.aadObjectId, filter: { year: 2025 } })],
    ['to the complaints made for the fraud referent, who may not see them', () => sign({ ...complaints2026, personId: isaiah.aadObjectId })],
    ['made for someone the directory does not know', () => sign({ ...complaints2026, personId: 'c0ffee00-0000-4000-8000-00000000dead' })],
  ];

  it.each(cases)('refuses with 403 a link %s: one answer for all, no download audited', async (name, token) => {
    await expectRefused(name, token());
  });

  it('reads the person again at download: a link stops working when its person loses the right', async () => {
    const token = await linkFromCard(patti);
    const before = await downloadsAudited();
    expect((await download(token)).status).toBe(200);
    expect(await downloadsAudited()).toBe(before + 1);
    const stored = await harness.bot.app.people.get(patti.aadObjectId);
    if (!stored) throw new Error('Patti is in the demo directory');
    await harness.bot.app.people.update({ ...stored, roles: ['agent'] });
    await expectRefused('made before its person lost the admin role', token);
  });

  it('records its row of the reliability report', () => {
    const tried = cases.length + 1;
    recordReliabilityRow({
      section: 'access',
      id: 'export-links',
      what: 'Download links expired, retouched, signed with another key, made for people who may not see the list or lost the right',
      cases: tried,
      lost: tried - refused.length,
      duplicates: null,
      recoveryMs: null,
      outcome: `${refused.length} of ${tried} refused with 403 and one answer, no download audited; a valid link served once`,
    });
    expect(refused).toHaveLength(tried);
  });
});
