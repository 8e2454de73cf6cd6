import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../scripts/lib/local-stack';
import { startPlayground, type PlaygroundInstance } from '../../scripts/lib/playground';
import { launchBrowser, openChat, type ChatSession } from '../../scripts/lib/playground-browser';
import { personaConfig } from '../../scripts/lib/playground-personas';
import { freePort } from '../../scripts/lib/ports';
import { addCalendarDays, WorkingCalendar } from '../../services/reminders/calendar';
import { formatDay } from '../../services/training/training-dates';
import { e2eLogPrivacy } from '../support/log-privacy';

jest.setTimeout(120_000);

const screenshots = join(__dirname, '..', '..', 'test-results', 'e2e');
const meganId = '00000000-0000-0000-0000-0000000000021';

/**
 * Two people, two Playgrounds on one bot: Alex (quality officer, the default persona) schedules the next CLU on the
 * form card, prefilled from the demo's last meeting (Megan among its members); Megan's Playground shows her
 * invitation, she clicks « Présent(e) », and both her card and Alex's `clu` show her answer.
 */
describe('a CLU meeting scheduled by card and answered in a second Playground', () => {
  const logs = e2eLogPrivacy();
  let stack: LocalStack;
  let meganPlayground: PlaygroundInstance;
  let browser: Browser;
  let alex: ChatSession;
  let megan: ChatSession;
  const calendar = new WorkingCalendar({ timeZone: 'Europe/Paris' });
  const meetingDay = calendar.nextWorkingDay(addCalendarDays(calendar.localDateOf(new Date()), 40));
  let meetingId = '';

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    const botPort = await freePort();
    stack = await startLocalStack({ ports: { bot: botPort, playground: await freePort(), azurite: await freePort() }, persona: 'alex', ...logs.stackOptions });
    meganPlayground = await startPlayground({
      botEndpoint: `http://127.0.0.1:${botPort}/api/messages`,
      port: await freePort(),
      config: personaConfig('megan'),
      env: { TZ: 'Europe/Paris' },
    });
    browser = await launchBrowser();
    alex = await openChat(stack.playground.url, { browser, ...logs.chatOptions });
    // Opening her chat installs the bot for Megan: the invitation can then reach her.
    megan = await openChat(meganPlayground.url, { browser, ...logs.chatOptions });
  });

  afterAll(async () => {
    await alex?.close();
    await megan?.close();
    await browser?.close();
    await meganPlayground?.stop();
    await stack?.stop();
    logs.expectNoPersonalData();
  });

  it('lets the quality officer schedule the meeting on the prefilled form; the members are invited', async () => {
    await alex.send('planifier le clu');
    const form = await alex.waitForCardWithText('Planifier le CLU');
    // The Playground draws Input.Date as a Fluent date picker: a text box that reads typed dates.
    const date = form.getByRole('combobox', { name: /^Date/ });
    await date.fill(meetingDay);
    await date.press('Enter');
    // Close the date picker's calendar (it hides the rest of the card from the accessibility tree while open).
    await form.getByText('Planifier le CLU', { exact: true }).click();
    await alex.screenshot(join(screenshots, 'clu-form.png'));
    const saved = await alex.clickAction('Enregistrer et inviter', { withinCardText: 'Planifier le CLU' });
    expect(saved).toMatchObject({ kind: 'invoke', status: 200 });
    const card = await alex.waitForCardWithText(/Réunion CLU-\d{4}(-\d+)? planifiée le/);
    await alex.screenshot(join(screenshots, 'clu-scheduled.png'));
    meetingId = /CLU-\d{4}(-\d+)?/.exec((await card.textContent()) ?? '')?.[0] ?? '';
    const meeting = await stack.bot.app.clu.get(meetingId);
    expect(meeting).toMatchObject({ state: 'scheduled', chairName: 'Rose Morel' });
    expect(meeting?.memberIds).toContain(meganId);
    expect(calendar.localDateOf(new Date(meeting?.startsAt ?? ''))).toBe(meetingDay);
  });

  it('shows Megan her invitation; « Présent(e) » records her answer on the card', async () => {
    const invitation = await megan.waitForCardWithText('Invitation — Comité local des usagers', 15_000);
    expect((await invitation.textContent()) ?? '').toContain('Vous n’avez pas encore répondu.');
    await megan.screenshot(join(screenshots, 'clu-invitation.png'));
    const answered = await megan.clickAction('Présent(e)', { withinCardText: 'Invitation — Comité local des usagers' });
    expect(answered).toMatchObject({ kind: 'invoke', status: 200 });
    await megan.waitForCardWithText('Réponse enregistrée : présent(e).');
    await megan.waitForCardWithText('Votre réponse : présent(e)');
    await megan.screenshot(join(screenshots, 'clu-invitation-answered.png'));
    expect(await stack.bot.app.clu.answerOf(meetingId, meganId)).toMatchObject({ answer: 'present' });
  });

  it('shows the quality officer Megan’s answer on `clu`', async () => {
    await alex.send('clu');
    const card = await alex.waitForCardWithText('Megan Bowen (BMI)');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(`Présent(e) — le ${formatDay(calendar.localDateOf(new Date()), 'fr')}`);
    expect(text).toMatch(/Réponses : 1 présent\(s\)/);
    // Planned 40 days ahead, after the due date (12 months after the demo's meeting held 11 months ago): said so.
    expect(text).toContain('La réunion planifiée est après l’échéance');
    await alex.screenshot(join(screenshots, 'clu-overview.png'));
  });
});
