import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../scripts/lib/local-stack';
import { startPlayground, type PlaygroundInstance } from '../../scripts/lib/playground';
import { launchBrowser, openChat, type ChatSession } from '../../scripts/lib/playground-browser';
import { personaConfig } from '../../scripts/lib/playground-personas';
import { freePort } from '../../scripts/lib/ports';
import { e2eLogPrivacy } from '../support/log-privacy';

jest.setTimeout(120_000);

const screenshots = join(__dirname, '..', '..', 'test-results', 'e2e');
const adeleId = '00000000-0000-0000-0000-0000000000022';
const alexId = '00000000-0000-0000-0000-0000000000020';

/**
 * Two people, two Playgrounds on one bot: Adele (BMI agent) closes her action, Megan (BMI manager) approves it
 * on the card the bot sends her, and a second click on an older card answers with the recorded decision.
 */
describe('an action closed by its owner and approved by a manager, in two Playgrounds', () => {
  const logs = e2eLogPrivacy();
  let stack: LocalStack;
  let meganPlayground: PlaygroundInstance;
  let browser: Browser;
  let adele: ChatSession;
  let megan: ChatSession;
  let actionId: string;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    const botPort = await freePort();
    stack = await startLocalStack({ ports: { bot: botPort, playground: await freePort(), azurite: await freePort() }, persona: 'adele', ...logs.stackOptions });
    meganPlayground = await startPlayground({
      botEndpoint: `http://127.0.0.1:${botPort}/api/messages`,
      port: await freePort(),
      config: personaConfig('megan'),
      env: { TZ: 'Europe/Paris' },
    });
    const now = new Date();
    const deadline = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const created = await stack.bot.app.actions.create(
      {
        id: `${now.getUTCFullYear()}-01`,
        year: now.getUTCFullYear(),
        finding: 'Boîte à suggestions peu visible dans le hall',
        references: ['E3 § 3-1'],
        sources: ['autodiagnostic'],
        state: 'in-progress',
        deadline,
        deadlineSetAt: now.toISOString(),
        action: 'Déplacer la boîte à la sortie du hall',
        services: ['BMI'],
        ownerId: adeleId,
        createdAt: now.toISOString(),
        createdBy: alexId,
        revision: 0,
      },
      { actorId: alexId, action: 'action.create', entityType: 'action', entityId: '' },
      now,
    );
    actionId = created.id;
    browser = await launchBrowser();
    adele = await openChat(stack.playground.url, { browser, ...logs.chatOptions });
    megan = await openChat(meganPlayground.url, { browser, ...logs.chatOptions });
  });

  afterAll(async () => {
    await adele?.close();
    await megan?.close();
    await browser?.close();
    await meganPlayground?.stop();
    await stack?.stop();
    logs.expectNoPersonalData();
  });

  it('lets the owner mark the action done with the effectiveness check; the manager receives the approval card', async () => {
    await adele.send(`action ${actionId}`);
    const card = await adele.waitForCardWithText(`Action ${actionId}`);
    await card.getByRole('button', { name: 'Déclarer réalisée', exact: true }).click();
    await card.locator('textarea').first().fill('Boîte déplacée : 12 suggestions reçues en un mois');
    await card.getByRole('radio', { name: 'Oui' }).check();
    const result = await adele.clickAction('Envoyer pour validation', { withinCardText: `Action ${actionId}` });
    expect(result).toMatchObject({ kind: 'invoke', status: 200 });
    await adele.waitForCardWithText('Envoyée pour validation à');
    await adele.screenshot(join(screenshots, 'action-marked-done.png'));

    await megan.waitForCardWithText(`Clôture à valider — action ${actionId}`, 15_000);
    await megan.screenshot(join(screenshots, 'action-approval-request.png'));
  });

  it('lets the manager approve; the card shows who approved, and a second click answers « déjà approuvée »', async () => {
    // An older card of the same action, drawn while the approval is pending: its button goes stale.
    await megan.send(`action ${actionId}`);
    await megan.waitForCardWithText(`Action ${actionId}`);

    const approved = await megan.clickAction('Approuver la clôture', { withinCardText: `Clôture à valider — action ${actionId}` });
    expect(approved).toMatchObject({ kind: 'invoke', status: 200 });
    await megan.waitForCardWithText('Approuvée par Megan Bowen');
    await megan.screenshot(join(screenshots, 'action-approved.png'));

    const again = await megan.clickAction('Approuver la clôture', { withinCardText: `Action ${actionId}` });
    expect(again).toMatchObject({ kind: 'invoke', status: 200 });
    await megan.waitForCardWithText('Déjà approuvée par Megan Bowen');
    expect(await stack.bot.app.actions.get(actionId)).toMatchObject({ state: 'closed', decision: { outcome: 'approved' } });
  });

  it('tells the owner of the decision', async () => {
    await adele.waitForCardWithText(`Décision sur l’action ${actionId}`, 15_000);
    await adele.waitForCardWithText('Approuvée par Megan Bowen');
    await adele.screenshot(join(screenshots, 'action-decision-owner.png'));
  });
});
