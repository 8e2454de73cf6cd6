import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../scripts/lib/local-stack';
import { launchBrowser, openChat, type ChatSession } from '../../scripts/lib/playground-browser';
import { freePort } from '../../scripts/lib/ports';
import { replyDueOn } from '../../services/complaints/complaint-deadline';
import { WorkingCalendar } from '../../services/reminders/calendar';
import { formatDay } from '../../services/training/training-dates';
import { e2eLogPrivacy } from '../support/log-privacy';

jest.setTimeout(120_000);

const screenshots = join(__dirname, '..', '..', 'test-results', 'e2e');
const adeleId = '00000000-0000-0000-0000-0000000000022';

/** Adele, an agent of BMI, logs an e-mail complaint on the form card and reads its E.17 due date on the card that replaces it. */
describe('a complaint logged by card in the Playground', () => {
  const logs = e2eLogPrivacy();
  let stack: LocalStack;
  let browser: Browser;
  let chat: ChatSession;
  const calendar = new WorkingCalendar({ timeZone: 'Europe/Paris' });
  const today = calendar.localDateOf(new Date());

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    stack = await startLocalStack({ ports: { bot: await freePort(), playground: await freePort(), azurite: await freePort() }, persona: 'adele', ...logs.stackOptions });
    browser = await launchBrowser();
    chat = await openChat(stack.playground.url, { browser, ...logs.chatOptions });
  });

  afterAll(async () => {
    await chat?.close();
    await browser?.close();
    await stack?.stop();
    logs.expectNoPersonalData();
  });

  it('refuses a summary holding a phone number, keeps what was typed, and saves nothing', async () => {
    await chat.send('nouvelle réclamation');
    const form = await chat.waitForCardWithText('Nouvelle réclamation');
    await form.getByRole('combobox').first().click();
    await chat.page.getByRole('option', { name: /^Courriel/ }).click();
    await form.getByRole('radio', { name: 'Réclamation' }).check();
    // The Playground draws Input.Date as a Fluent date picker: a text box that reads typed dates.
    const receivedOn = form.getByRole('combobox', { name: /Reçue le/ });
    await receivedOn.fill(today);
    await receivedOn.press('Enter');
    // Close the date picker's calendar if it opened, so nothing covers the form's buttons.
    await receivedOn.press('Escape');
    await form.locator('textarea').first().fill('Rappeler l’usager au 06 12 34 56 78');
    const before = (await stack.bot.app.complaints.listYear(Number(today.slice(0, 4)))).length;
    const refused = await chat.clickAction('Enregistrer', { withinCard: form });
    expect(refused).toMatchObject({ kind: 'invoke', status: 200 });
    await chat.waitForCardWithText('Ce texte semble contenir un numéro de téléphone');
    await chat.screenshot(join(screenshots, 'complaint-refused.png'));
    expect((await stack.bot.app.complaints.listYear(Number(today.slice(0, 4)))).length).toBe(before);
  });

  it('saves the corrected form and shows the reply due date (5 working days for an e-mail, E.17)', async () => {
    const form = await chat.waitForCardWithText('Nouvelle réclamation');
    await form.locator('textarea').first().fill('Horaires d’ouverture de l’accueil des étrangers jugés trop restreints');
    const saved = await chat.clickAction('Enregistrer', { withinCard: form });
    expect(saved).toMatchObject({ kind: 'invoke', status: 200 });
    const due = replyDueOn(today, 'email', calendar);
    const card = await chat.waitForCardWithText(`Réponse attendue le ${formatDay(due, 'fr')}`);
    await chat.screenshot(join(screenshots, 'complaint-saved.png'));
    const text = (await card.textContent()) ?? '';
    expect(text).toMatch(/Réclamation R-\d{4}-\d{4} enregistrée\./);
    const id = /R-\d{4}-\d{4}/.exec(text)?.[0] ?? '';
    expect(await stack.bot.app.complaints.get(id)).toMatchObject({ channel: 'email', kind: 'complaint', receivedOn: today, dueOn: due, assigneeId: adeleId, service: 'BMI' });
  });

  it('lists it among the agent’s complaints', async () => {
    await chat.send('réclamations');
    await chat.waitForCardWithText('les vôtres');
    await chat.waitForCardWithText('Horaires d’ouverture de l’accueil des étrangers jugés trop restreints');
    await chat.screenshot(join(screenshots, 'complaints-own.png'));
  });
});
