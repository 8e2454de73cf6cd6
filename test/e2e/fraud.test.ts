import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { fraudQualifyTopic } from '../../bot/handlers/fraud-view';
import { startLocalStack, type LocalStack } from '../../scripts/lib/local-stack';
import { startPlayground, type PlaygroundInstance } from '../../scripts/lib/playground';
import { launchBrowser, openChat, type ChatSession } from '../../scripts/lib/playground-browser';
import { personaConfig } from '../../scripts/lib/playground-personas';
import { freePort } from '../../scripts/lib/ports';
import { e2eLogPrivacy } from '../support/log-privacy';

jest.setTimeout(120_000);

const screenshots = join(__dirname, '..', '..', 'test-results', 'e2e');
const adeleId = '00000000-0000-0000-0000-0000000000022';
const isaiahId = '00000000-0000-0000-0000-0000000000023';

/**
 * Two people, two Playgrounds on one bot: a fraud signal of Adele (BMI agent) reaches Isaiah (fraud referent) as a
 * shared card, he clicks « Confirmer », his card shows the qualification, and Adele is told.
 */
describe('a fraud signal qualified by the fraud referent in the Playground', () => {
  const logs = e2eLogPrivacy();
  let stack: LocalStack;
  let adelePlayground: PlaygroundInstance;
  let browser: Browser;
  let isaiah: ChatSession;
  let adele: ChatSession;
  let signalId: string;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    const botPort = await freePort();
    stack = await startLocalStack({ ports: { bot: botPort, playground: await freePort(), azurite: await freePort() }, persona: 'isaiah', ...logs.stackOptions });
    adelePlayground = await startPlayground({
      botEndpoint: `http://127.0.0.1:${botPort}/api/messages`,
      port: await freePort(),
      config: personaConfig('adele'),
      env: { TZ: 'Europe/Paris' },
    });
    browser = await launchBrowser();
    // Opening the chats installs the app: the bot then holds both conversation references.
    isaiah = await openChat(stack.playground.url, { browser, ...logs.chatOptions });
    adele = await openChat(adelePlayground.url, { browser, ...logs.chatOptions });
  });

  afterAll(async () => {
    await isaiah?.close();
    await adele?.close();
    await browser?.close();
    await adelePlayground?.stop();
    await stack?.stop();
    logs.expectNoPersonalData();
  });

  it('sends Adele’s signal to Isaiah as a card to qualify', async () => {
    const now = new Date();
    const app = stack.bot.app;
    const created = await app.fraudSignals.create({
      service: 'BMI',
      titleType: 'titre-sejour',
      nature: 'faux-justificatif-domicile',
      detectedOn: now.toISOString().slice(0, 10),
      fileReference: `${now.getUTCFullYear()}-BMI-00977`,
      description: 'Facture d’énergie retouchée : adresse dans une autre police',
      article40: { reported: false },
      authorId: adeleId,
      createdAt: now.toISOString(),
      state: 'submitted',
      submittedAt: now.toISOString(),
      exchanges: [],
      revision: 0,
    });
    signalId = created.id;
    // What « Envoyer le signalement » does after storing it: list the referents' copies, then publish them.
    const topic = fraudQualifyTopic(created);
    await app.sharedCards.addRecipients(topic, [isaiahId], now.toISOString());
    await stack.bot.sharedCards.publish(topic);

    const card = await isaiah.waitForCardWithText(`Signalement à qualifier — ${signalId}`, 15_000);
    await expect(card.textContent()).resolves.toContain('Faux justificatif de domicile');
    await isaiah.screenshot(join(screenshots, 'fraud-to-qualify.png'));
  });

  it('lets Isaiah confirm it: the card shows who qualified it, and the signal is stored confirmed', async () => {
    const result = await isaiah.clickAction('Confirmer', { withinCardText: `Signalement à qualifier — ${signalId}` });
    expect(result).toMatchObject({ kind: 'invoke', status: 200 });
    // The clicked card is replaced by the answer, then redrawn like every referent's copy: both show the outcome.
    const card = await isaiah.waitForCardWithText(`Qualifié par Isaiah Langer`);
    await expect(card.textContent()).resolves.toContain(signalId);
    await expect(card.textContent()).resolves.toContain('Fraude confirmée');
    expect(await card.getByRole('button', { name: 'Confirmer', exact: true }).count()).toBe(0);
    await isaiah.screenshot(join(screenshots, 'fraud-qualified.png'));
    expect(await stack.bot.app.fraudSignals.get(signalId)).toMatchObject({ state: 'confirmed', qualification: { by: isaiahId, outcome: 'confirmed' } });
  });

  it('tells Adele the outcome', async () => {
    const card = await adele.waitForCardWithText(`Qualification de votre signalement ${signalId}`, 15_000);
    await expect(card.textContent()).resolves.toContain('Qualifié par Isaiah Langer');
    await adele.screenshot(join(screenshots, 'fraud-outcome-author.png'));
  });
});
