import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../scripts/lib/local-stack';
import { launchBrowser, openChat, type ChatSession } from '../../scripts/lib/playground-browser';
import { freePort } from '../../scripts/lib/ports';
import { workStates } from '../../services/action-plan/action-item';
import { WorkingCalendar } from '../../services/reminders/calendar';
import { formatDay } from '../../services/training/training-dates';
import { e2eLogPrivacy } from '../support/log-privacy';

jest.setTimeout(120_000);

const screenshots = join(__dirname, '..', '..', 'test-results', 'e2e');

/** Alex, the quality officer (the Playground's default user), asks « statut » and follows one line to its detail. */
describe('« statut » in the Playground', () => {
  const logs = e2eLogPrivacy();
  let stack: LocalStack;
  let browser: Browser;
  let chat: ChatSession;
  const today = new WorkingCalendar({ timeZone: 'Europe/Paris' }).localDateOf(new Date());

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    stack = await startLocalStack({ ports: { bot: await freePort(), playground: await freePort(), azurite: await freePort() }, persona: 'alex', ...logs.stackOptions });
    browser = await launchBrowser();
    chat = await openChat(stack.playground.url, { browser, ...logs.chatOptions });
  });

  afterAll(async () => {
    await chat?.close();
    await browser?.close();
    await stack?.stop();
    logs.expectNoPersonalData();
  });

  it('shows the overview card: one line per area, fraud included for the quality officer', async () => {
    await chat.send('statut');
    const card = await chat.waitForCardWithText('Tableau de bord qualité');
    await chat.screenshot(join(screenshots, 'status-overview.png'));
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(`Tous les services — au ${formatDay(today, 'fr')}`);
    for (const line of ['Plan d’action', 'Contrôles trimestriels', 'Formations', 'Réclamations', `Fraude ${today.slice(0, 4)}`, 'Comité local des usagers', 'Calendrier du label']) {
      expect(text).toContain(line);
    }
  });

  it('opens a line’s detail from its button: the overdue actions of the plan', async () => {
    const overdue = (await stack.bot.app.actions.list()).filter((item) => workStates.includes(item.state) && item.deadline !== undefined && item.deadline < today).length;
    const title = overdue > 0 ? `Actions en retard (${overdue})` : 'Voir le plan d’action';
    const result = await chat.clickAction(title, { withinCardText: 'Tableau de bord qualité' });
    expect(result).toMatchObject({ kind: 'invoke', status: 200 });
    await chat.waitForCardWithText(overdue > 0 ? 'Filtres : en retard' : 'Plan d’action — Toutes les actions');
    await chat.screenshot(join(screenshots, 'status-detail.png'));
  });

  it('reads a loosely worded request: « en retard reclamations »', async () => {
    await chat.send('en retard reclamations');
    await chat.waitForCardWithText('Réclamations en retard — toutes');
  });
});
