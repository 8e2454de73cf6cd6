import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../scripts/lib/local-stack';
import { launchBrowser, openChat, type ChatSession } from '../../scripts/lib/playground-browser';
import { freePort } from '../../scripts/lib/ports';
import { WorkingCalendar } from '../../services/reminders/calendar';
import { quarterOf } from '../../services/reminders/quarter';
import { e2eLogPrivacy } from '../support/log-privacy';

jest.setTimeout(90_000);

const screenshots = join(__dirname, '..', '..', 'test-results', 'e2e');

describe('Qualibot in the Agents Playground, clicked in a real browser', () => {
  const logs = e2eLogPrivacy();
  let stack: LocalStack;
  let browser: Browser;
  let chat: ChatSession;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    stack = await startLocalStack({
      ports: { bot: await freePort(), playground: await freePort(), azurite: await freePort() },
      persona: 'alex',
      ...logs.stackOptions,
    });
    browser = await launchBrowser();
    chat = await openChat(stack.playground.url, { browser, ...logs.chatOptions });
  });

  afterAll(async () => {
    await chat?.close();
    await browser?.close();
    await stack?.stop();
    logs.expectNoPersonalData();
  });

  it('greets the user with the French welcome card when the app is installed', async () => {
    const card = await chat.waitForCardWithText('Bienvenue dans Qualibot');
    await expect(card.textContent()).resolves.toContain('Bonjour Alex');
  });

  it('answers "aide" with the help card listing commands and roles', async () => {
    await chat.send('aide');
    const card = await chat.waitForCardWithText('Ce que Qualibot sait faire');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('qui suis-je');
    expect(text).toContain('Administrateur');
    await chat.screenshot(join(screenshots, 'help.png'));
  });

  it('answers gibberish with a short French answer, never silence', async () => {
    await chat.send('xqzwv blorp');
    await chat.waitForCardWithText('Je n’ai pas compris « xqzwv blorp »');
    await chat.screenshot(join(screenshots, 'unknown.png'));
  });

  it('suggests "aide" for the typo "aid", and the suggestion button runs it', async () => {
    await chat.send('aid');
    await chat.waitForCardWithText('Vouliez-vous dire');
    const helpCards = await chat.cards().filter({ hasText: 'Ce que Qualibot sait faire' }).count();
    const result = await chat.clickAction('aide', { withinCardText: 'Je n’ai pas compris « aid »' });
    expect(result).toMatchObject({ kind: 'invoke', status: 200 });
    await chat.cards().filter({ hasText: 'Ce que Qualibot sait faire' }).nth(helpCards).waitFor({ timeout: 10_000 });
    await expect(chat.cards().filter({ hasText: 'Je n’ai pas compris « aid »' }).count()).resolves.toBe(0);
  });

  it('answers "qui suis-je" with name, service and roles', async () => {
    await chat.send('Qui suis-je ?');
    const card = await chat.waitForCardWithText('Secrétariat général commun départemental (SGCD)');
    await expect(card.textContent()).resolves.toContain('Responsable qualité, Administrateur');
  });

  it('pages the référentiel in place with an Action.Execute button', async () => {
    await chat.send('engagements');
    await chat.waitForCardWithText('page 1 / 2');
    const result = await chat.clickAction('Suivants', { withinCardText: 'page 1 / 2' });
    expect(result).toMatchObject({ kind: 'invoke', status: 200 });
    await chat.waitForCardWithText('page 2 / 2');
    await expect(chat.cards().filter({ hasText: 'page 1 / 2' }).count()).resolves.toBe(0);
    await chat.screenshot(join(screenshots, 'commitments.png'));
  });

  it('lets the admin assign the person waiting in the directory, card replaced by the confirmation', async () => {
    await chat.send('annuaire');
    await chat.waitForCardWithText('Sacha Nouveau');
    await chat.clickAction('Affecter', { withinCardText: 'Sacha Nouveau' });
    const form = await chat.waitForCardWithText('Enregistrer');
    await form.getByRole('combobox').first().click();
    await chat.page.getByRole('option', { name: /\(BMI\)/ }).click();
    await chat.clickAction('Enregistrer', { withinCardText: 'Sacha Nouveau' });
    await chat.waitForCardWithText('Fiche enregistrée');
    await chat.screenshot(join(screenshots, 'person-saved.png'));
    expect(await stack.bot.app.people.get('00000000-0000-0000-0000-0000000000199')).toMatchObject({ service: 'BMI', toAssign: false });
  });

  it('shows the check reminder that `npm run sweep -- --at` sends on the quarter’s first working day; answering replaces the card', async () => {
    const calendar = new WorkingCalendar({ timeZone: 'Europe/Paris' });
    const quarter = quarterOf(calendar.localDateOf(new Date()));
    const at = calendar.localInstant(calendar.firstWorkingDayOfQuarter(quarter), '10:00').toISOString();
    const sweep = spawnSync(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', 'scripts/sweep.ts', '--at', at], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, STORAGE_CONNECTION_STRING: stack.azurite?.connectionString ?? '', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(sweep.status).toBe(0);
    const summary = JSON.parse(sweep.stdout.trim().split('\n').at(-1) ?? '{}') as { planned: number; sent: number; digests: number };
    expect(summary.planned).toBeGreaterThanOrEqual(7);
    expect(summary.sent).toBeGreaterThanOrEqual(3);

    // Alex owns three check items; a training reminder may share the digest, so count the check lines.
    const digest = await chat.waitForCardWithText(/Vous avez \d+ rappels/, 15_000);
    await chat.screenshot(join(screenshots, 'reminder-digest.png'));
    expect(((await digest.textContent()) ?? '').match(/Contrôle trimestriel/g)).toHaveLength(3);
    await digest.getByRole('button', { name: 'Répondre', exact: true }).first().click();
    await chat.waitForCardWithText('Les informations publiées sont-elles à jour ?');
    await chat.clickAction('Vérifié, à jour', { withinCardText: 'Les informations publiées sont-elles à jour ?' });
    await chat.waitForCardWithText('Vérifié, à jour — Alex Wilber');
    await chat.screenshot(join(screenshots, 'check-answered.png'));

    await chat.send('contrôles');
    await chat.waitForCardWithText('1 fait(s)');
  });
});
