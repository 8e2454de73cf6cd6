import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite, type AzuriteInstance } from '../../scripts/lib/azurite';
import { freePort } from '../../scripts/lib/ports';
import { systemClock } from '../../services/clock';
import { cardTexts } from '../support/card-validation';
import { cardActionActivity, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';

describe('when the storage goes down and comes back', () => {
  let azurite: AzuriteInstance;
  let harness: BotHarness;
  let port: number;
  const location = mkdtempSync(join(tmpdir(), 'qualibot-outage-'));

  beforeAll(async () => {
    port = await freePort();
    azurite = await startAzurite({ port, location });
    harness = await startBotHarness(azurite.connectionString, systemClock);
  });
  afterAll(async () => {
    await harness.stop();
    await azurite.stop();
    rmSync(location, { recursive: true, force: true });
  });

  it('tells the user "momentanément indisponible" with a reference, says 503 on /healthz, and recovers without restart', async () => {
    const health = harness.endpoint.replace('/api/messages', '/healthz');
    expect((await fetch(health)).status).toBe(200);

    await azurite.stop();
    const message = messageActivity(harness.connector.url, 'qui suis-je');
    await harness.post(message);
    const notice = cardTexts(harness.connector.cards().at(-1)).join('\n');
    expect(notice).toContain('Service momentanément indisponible');
    expect(notice).toMatch(/Référence : QB-[0-9A-F]{6}/);
    const invoke = await harness.post(cardActionActivity(harness.connector.url, 'commitments.page', { page: 0 }));
    expect(invoke.status).toBe(200);
    expect(cardTexts((invoke.body as { value: unknown }).value).join()).toContain('momentanément indisponible');
    const down = await fetch(health);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'degraded', storage: 'unreachable' });

    azurite = await startAzurite({ port, location });
    expect((await fetch(health)).status).toBe(200);
    harness.connector.clear();
    await harness.post(message); // Teams' redelivery of the failed turn is processed, not dropped as a duplicate
    expect(cardTexts(harness.connector.cards().at(-1)).join('\n')).toContain('Alex Wilber');
  }, 60_000);
});
