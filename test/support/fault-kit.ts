import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite, type AzuriteInstance } from '../../scripts/lib/azurite';
import { isPortFree } from '../../scripts/lib/ports';
import type { ActionItem } from '../../services/action-plan/action-item';
import type { StoredActionItem } from '../../services/action-plan/action-items-repository';
import type { AppServices } from '../../services/app-services';
import { adele, alex } from './activities';
import type { BotHarness } from './bot-harness';
import { cardTexts } from './card-validation';

/** A person of the test directory, as activities name them. */
export type Persona = { id: string; aadObjectId: string; name: string };

/** A second manager of BMI: two managers may approve the same closure at the same moment. */
export const nestor = { id: 'user-id-41', aadObjectId: '00000000-0000-0000-0000-0000000000041', name: 'Nestor Encadrant' };
/** A second fraud referent: two referents may qualify the same signal at the same moment. */
export const noa = { id: 'user-id-31', aadObjectId: '00000000-0000-0000-0000-0000000000031', name: 'Noa Référente' };

/** Adds Nestor (manager, BMI) and Noa (fraud referent, SG) to a harness's directory. */
export async function addSecondDeciders(app: AppServices, createdAt: string): Promise<void> {
  await app.people.create({ id: nestor.aadObjectId, name: nestor.name, service: 'BMI', roles: ['agent', 'manager'], toAssign: false, createdAt });
  await app.people.create({ id: noa.aadObjectId, name: noa.name, service: 'SG', roles: ['agent', 'fraud-referent'], toAssign: false, createdAt });
}

/** Deterministic random numbers in [0, 1) (mulberry32): a failing seed replays the same outage moments. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A free port between 20000 and 29999. */
async function stablePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if (await isPortFree(port)) return port;
  }
  throw new Error('no free port between 20000 and 29999');
}

/**
 * An Azurite of its own for one test file, persisted on disk so that a stop and a restart on the same port keep
 * what was written, as a storage account coming back after an outage does.
 */
export class RestartableAzurite {
  private instance?: AzuriteInstance;
  private readonly location = mkdtempSync(join(tmpdir(), 'qualibot-fault-'));

  private constructor(readonly port: number) {}

  /**
   * Starts on a free port, fixed for the life of the instance. It is drawn below the range the system hands out for
   * outgoing connections and `listen(0)` (32768 and up on Linux), so nothing else takes it while the storage is down.
   */
  static async start(): Promise<RestartableAzurite> {
    const azurite = new RestartableAzurite(await stablePort());
    await azurite.restart();
    return azurite;
  }

  get connectionString(): string {
    if (!this.instance) throw new Error('Azurite is stopped');
    return this.instance.connectionString;
  }

  get running(): boolean {
    return this.instance !== undefined;
  }

  /** Stops the storage (SIGINT: Azurite saves its data, then exits). */
  async stop(): Promise<void> {
    const instance = this.instance;
    this.instance = undefined;
    await instance?.stop();
  }

  /** Starts it again on the same port and waits until it answers. */
  async restart(): Promise<void> {
    if (this.instance) return;
    this.instance = await startAzurite({ port: this.port, location: this.location });
  }

  /** Stops it and removes its files. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.location, { recursive: true, force: true });
  }
}

/** The card an `adaptiveCard/action` invoke answered with, as text lines. */
export function invokeText(response: { body: unknown }): string {
  return cardTexts((response.body as { value?: unknown } | undefined)?.value).join('\n');
}

/** What the bot sent in reply to one activity (replies carry the activity's id). */
export function repliesTo(harness: BotHarness, activityId: string): string[] {
  return harness.connector.sent
    .filter((sent) => (sent as { replyToId?: string }).replyToId === activityId)
    .map((sent) => [sent.text ?? '', ...cardTexts(sent.attachments?.map((attachment) => attachment.content))].filter(Boolean).join('\n'));
}

/** Cards sent to one person's chat (proactive messages and replies), as text. */
export function cardsSentTo(harness: BotHarness, person: Pick<Persona, 'id'>): string[] {
  return harness.connector.sent
    .filter((sent) => sent.conversationId === `personal-chat-${person.id}`)
    .map((sent) => cardTexts(sent.attachments?.map((attachment) => attachment.content)).join('\n'));
}

/** The French notice of a storage outage (bot/turn-failure.ts). */
export const unavailableText = 'momentanément indisponible';

/** An action of BMI carried by Adele, in progress (the closure approval flow of test/integration). */
export function bmiAction(finding: string, year = 2026): ActionItem {
  return {
    id: `${year}-01`,
    year,
    finding,
    references: ['E3 § 3-1'],
    sources: ['autodiagnostic'],
    state: 'in-progress',
    deadline: '2026-12-15',
    deadlineSetAt: '2026-10-01T08:00:00.000Z',
    action: 'Déplacer la boîte à la sortie du hall',
    services: ['BMI'],
    ownerId: adele.aadObjectId,
    createdAt: '2026-10-01T08:00:00.000Z',
    createdBy: alex.aadObjectId,
    revision: 0,
  };
}

/** Stores a new BMI action in progress. */
export async function createBmiAction(app: AppServices, finding: string, now: Date): Promise<StoredActionItem> {
  return app.actions.create(bmiAction(finding), { actorId: alex.aadObjectId, action: 'action.create', entityType: 'action', entityId: '' }, now);
}

/** Stores a new BMI action already marked done by Adele: its closure awaits approval. */
export async function createAwaitingApproval(app: AppServices, finding: string, now: Date): Promise<StoredActionItem> {
  const item = await createBmiAction(app, finding, now);
  const next: ActionItem = { ...item, state: 'awaiting-approval', verification: 'Vérifié sur place', effective: true, submittedAt: now.toISOString(), submittedBy: adele.aadObjectId, revision: item.revision + 1 };
  const { etag: _etag, ...plain } = next as ActionItem & { etag?: string };
  return app.actions.update(item, plain, { actorId: adele.aadObjectId, action: 'action.mark-done', entityType: 'action', entityId: item.id }, now);
}

/** Waits for a condition, polling; false when it did not come within `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
}
