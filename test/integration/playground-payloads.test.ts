import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { systemClock } from '../../services/clock';
import { cardTexts } from '../support/card-validation';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { testConnectionString } from '../support/test-storage';

const fixtures = join(__dirname, '..', 'fixtures', 'playground');

/** A payload captured from the Agents Playground, pointed at the fake connector and given a fresh id. */
function fixture(name: string, serviceUrl: string): Record<string, unknown> {
  const activity = JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as Record<string, unknown>;
  return { ...activity, id: randomUUID(), serviceUrl };
}

describe('real Playground payloads through the pipeline', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), systemClock);
  });
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  it('has the captured fixtures', () => {
    expect(readdirSync(fixtures).filter((f) => f.endsWith('.json')).length).toBeGreaterThanOrEqual(6);
  });

  it('welcomes once per install: conversationUpdate sends the card, installationUpdate does not', async () => {
    await harness.post(fixture('installation-update-add.json', harness.connector.url));
    await harness.post(fixture('conversation-update-members-added.json', harness.connector.url));
    expect(harness.connector.cards()).toHaveLength(1);
    expect(cardTexts(harness.connector.cards()[0]).join()).toContain('Bienvenue dans Qualibot');
  });

  it('answers the captured "aide" message with the help card', async () => {
    await harness.post(fixture('message-aide.json', harness.connector.url));
    expect(cardTexts(harness.connector.cards().at(-1)).join()).toContain('Ce que Qualibot sait faire');
  });

  it('answers a group-chat message that mentions the bot, mention removed', async () => {
    const activity = fixture('message-group-mention.json', harness.connector.url);
    await harness.post({ ...activity, text: '<at>Test Bot</at> qui suis-je' });
    expect(cardTexts(harness.connector.cards().at(-1)).join()).toContain('Alex Wilber');
  });

  it('answers an Action.Submit without text with the help card, not silence', async () => {
    await harness.post(fixture('message-action-submit.json', harness.connector.url));
    expect(cardTexts(harness.connector.cards().at(-1)).join()).toContain('Ce que Qualibot sait faire');
  });

  it('answers the captured invoke of a verb it does not know with an error card', async () => {
    const response = await harness.post(fixture('invoke-adaptive-card-action.json', harness.connector.url));
    expect(response.status).toBe(200);
    expect(cardTexts((response.body as { value: unknown }).value).join()).toContain('Action inconnue');
  });
});
