import type { AppServices } from '../../services/app-services';
import { ReminderDispatcher, SendFailureError, type DigestSender } from '../../services/reminders/dispatcher';
import { LeaseRepository } from '../../services/reminders/lease-repository';
import { OutboxRepository } from '../../services/reminders/outbox-repository';
import { SendRateLimiter } from '../../services/reminders/rate-limiter';
import type { OutboxEntry, PlannedReminder } from '../../services/reminders/reminder';
import type { SendFailure } from '../../services/reminders/send-policy';
import { tableNames } from '../../services/storage/table-names';
import { freshAppServices, movableClock } from '../support/test-storage';

const alice = 'aaaaaaaa-0000-4000-8000-00000000000a';
const bruno = 'bbbbbbbb-0000-4000-8000-00000000000b';

function reminder(key: string, recipientId: string, notBefore = '2027-01-04T07:30:00.000Z'): PlannedReminder {
  return {
    key,
    recipientId,
    notBefore,
    text: { fr: { title: `Rappel ${key}`, detail: 'détail' }, en: { title: `Reminder ${key}`, detail: 'detail' } },
  };
}

/** A sender that records digests and answers failures scripted per recipient. */
class ScriptedSender implements DigestSender {
  readonly digests: { recipientId: string; keys: string[] }[] = [];
  readonly failures = new Map<string, SendFailure[]>();

  async prepare(): Promise<void> {}

  async send(recipientId: string, entries: readonly OutboxEntry[]): Promise<void> {
    const failure = this.failures.get(recipientId)?.shift();
    if (failure) throw new SendFailureError(failure);
    this.digests.push({ recipientId, keys: entries.map((e) => e.key).sort() });
  }
}

describe('the reminder engine’s storage and dispatch against a real Azurite', () => {
  let app: AppServices;
  let outbox: OutboxRepository;
  let leases: LeaseRepository;
  const clock = movableClock('2027-01-04T08:00:00.000Z');

  beforeEach(async () => {
    app = await freshAppServices(clock);
    outbox = new OutboxRepository(app.store.table(tableNames.reminderOutbox), app.store.table(tableNames.reminderQueue));
    leases = new LeaseRepository(app.store.table(tableNames.leases));
  });

  function dispatcher(sender: DigestSender, overrides: { isSendingTime?: (at: Date) => boolean } = {}) {
    return new ReminderDispatcher(outbox, sender, {
      clock,
      limiter: new SendRateLimiter(),
      sleep: async (ms) => clock.advance(ms),
      random: () => 0.5,
      isSendingTime: overrides.isSendingTime ?? (() => true),
      maxWaitMs: 60_000,
      concurrency: 4,
    });
  }

  it('plans a key once, however often a sweep plans it, and never again once sent', async () => {
    expect(await outbox.enqueue([reminder('check:A:2027-Q1:start', alice)], clock.now())).toEqual({ planned: 1, known: 0 });
    expect(await outbox.enqueue([reminder('check:A:2027-Q1:start', alice)], clock.now())).toEqual({ planned: 0, known: 1 });
    const sender = new ScriptedSender();
    expect(await dispatcher(sender).dispatch()).toMatchObject({ sent: 1, digests: 1 });
    await outbox.enqueue([reminder('check:A:2027-Q1:start', alice)], clock.now());
    expect(await outbox.queued()).toBe(0);
    expect(await dispatcher(sender).dispatch()).toMatchObject({ sent: 0, digests: 0 });
    expect(sender.digests).toHaveLength(1);
    expect((await outbox.get(alice, 'check:A:2027-Q1:start'))?.status).toBe('sent');
  });

  it('sends one digest per person, and nothing before its time', async () => {
    await outbox.enqueue(
      [
        reminder('k1', alice),
        reminder('k2', alice),
        reminder('k3', alice),
        reminder('k4', bruno),
        reminder('later', bruno, '2027-01-05T07:30:00.000Z'),
      ],
      clock.now(),
    );
    const sender = new ScriptedSender();
    expect(await dispatcher(sender).dispatch()).toMatchObject({ sent: 4, digests: 2 });
    expect(sender.digests).toEqual(
      expect.arrayContaining([
        { recipientId: alice, keys: ['k1', 'k2', 'k3'] },
        { recipientId: bruno, keys: ['k4'] },
      ]),
    );
    expect(await outbox.queued()).toBe(1);
  });

  it('waits outside the sending window', async () => {
    await outbox.enqueue([reminder('k1', alice)], clock.now());
    const sender = new ScriptedSender();
    expect(await dispatcher(sender, { isSendingTime: () => false }).dispatch()).toMatchObject({ sent: 0, deferred: 1 });
    expect(sender.digests).toHaveLength(0);
  });

  it('honours Retry-After on 429 and retries server errors, delivering everything', async () => {
    await outbox.enqueue([reminder('k1', alice), reminder('k2', bruno)], clock.now());
    const sender = new ScriptedSender();
    sender.failures.set(alice, [{ status: 429, retryAfter: '30' }]);
    sender.failures.set(bruno, [{ status: 503 }]);
    const first = await dispatcher(sender).dispatch();
    expect(first).toMatchObject({ sent: 0, deferred: 2 });
    const retried = await outbox.get(alice, 'k1');
    expect(retried).toMatchObject({ status: 'pending', attempts: 1, lastError: 'rate-limited' });
    expect(new Date(retried?.notBefore ?? 0).getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(29_000);
    clock.advance(5 * 60_000);
    expect(await dispatcher(sender).dispatch()).toMatchObject({ sent: 2, digests: 2 });
    expect(await outbox.queued()).toBe(0);
  });

  it('marks people who removed the bot unreachable (403) and does not retry them', async () => {
    await outbox.enqueue([reminder('k1', alice), reminder('k2', alice)], clock.now());
    const sender = new ScriptedSender();
    sender.failures.set(alice, [{ status: 403 }]);
    expect(await dispatcher(sender).dispatch()).toMatchObject({ unreachable: 2, sent: 0 });
    expect((await outbox.get(alice, 'k1'))?.status).toBe('unreachable');
    clock.advance(24 * 3600_000);
    expect(await dispatcher(sender).dispatch()).toMatchObject({ unreachable: 0, sent: 0 });
    expect(sender.digests).toHaveLength(0);
  });

  it('reads ahead what later sends need, and counts a failed read as its send’s failure', async () => {
    const people = Array.from({ length: 6 }, (_, n) => `cccccccc-0000-4000-8000-00000000000${n}`);
    await outbox.enqueue(people.map((id, n) => reminder(`k${n}`, id)), clock.now());
    const events: string[] = [];
    const sender: DigestSender<string> = {
      prepare: async (recipientId) => {
        events.push(`read ${recipientId.slice(-1)}`);
        if (recipientId === people[4]) throw new SendFailureError({ status: 404 });
        return `conversation of ${recipientId.slice(-1)}`;
      },
      send: async (recipientId, _entries, prepared) => {
        expect(prepared).toBe(`conversation of ${recipientId.slice(-1)}`);
        events.push(`send ${recipientId.slice(-1)}`);
      },
    };
    const report = await new ReminderDispatcher(outbox, sender, {
      clock,
      limiter: new SendRateLimiter(),
      sleep: async (ms) => clock.advance(ms),
      random: () => 0.5,
      isSendingTime: () => true,
      maxWaitMs: 60_000,
      concurrency: 1,
    }).dispatch();
    expect(report).toMatchObject({ sent: 5, digests: 5, unreachable: 1 });
    // One send at a time, the reads of the next two already asked for when the first send goes.
    const firstSend = events.findIndex((event) => event.startsWith('send'));
    expect(events.slice(0, firstSend).filter((event) => event.startsWith('read')).length).toBe(3);
    expect(events.filter((event) => event.startsWith('read'))).toHaveLength(6);
    expect((await outbox.get(people[4] ?? '', 'k4'))?.status).toBe('unreachable');
  });

  it('books each send’s slot when it really goes: slow reads do not bunch the sends past the limit', async () => {
    const people = Array.from({ length: 24 }, (_, n) => `dddddddd-0000-4000-8000-${String(n).padStart(12, '0')}`);
    await outbox.enqueue(people.map((id, n) => reminder(`k${n}`, id)), clock.now());
    // Real time, from the instant the reminders are due: the limiter's windows and the sends' instants are real.
    const offset = clock.now().getTime() - Date.now();
    const realClock = { now: () => new Date(Date.now() + offset) };
    const sentAt: number[] = [];
    const sender: DigestSender = {
      // The first reads are slow (a storage hiccup): their sends come late, next to those on time.
      prepare: (recipientId) => new Promise((resolve) => setTimeout(resolve, people.indexOf(recipientId) < 4 ? 700 : 5)),
      send: async () => void sentAt.push(Date.now()),
    };
    const report = await new ReminderDispatcher(outbox, sender, {
      clock: realClock,
      limiter: new SendRateLimiter({ perConversation: [], global: [{ count: 8, windowMs: 1_000 }] }),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: () => 0.5,
      isSendingTime: () => true,
      maxWaitMs: 60_000,
      concurrency: 4,
    }).dispatch();
    expect(report).toMatchObject({ sent: 24, digests: 24 });
    // Timers fire a few milliseconds early or late: a second is counted as 995 ms. Slots booked in advance sent
    // 16 in one such span here (the four late sends, then the four booked beside them, then the next second's).
    const busiest = Math.max(...sentAt.map((start) => sentAt.filter((at) => at >= start && at < start + 995).length));
    expect(busiest).toBeLessThanOrEqual(8);
  }, 30_000);

  it('gives up on a permanent error (400) with the reason recorded', async () => {
    await outbox.enqueue([reminder('k1', bruno)], clock.now());
    const sender = new ScriptedSender();
    sender.failures.set(bruno, [{ status: 400 }]);
    expect(await dispatcher(sender).dispatch()).toMatchObject({ failed: 1 });
    expect(await outbox.get(bruno, 'k1')).toMatchObject({ status: 'failed' });
  });

  it('does not resend after a crash between the send and its queue clean-up', async () => {
    await outbox.enqueue([reminder('k1', alice)], clock.now());
    const entry = (await outbox.get(alice, 'k1'))!;
    // The record says sent but the queue row is still there, as after a crash before dequeue.
    await app.store.table(tableNames.reminderOutbox).updateEntity({ partitionKey: alice, rowKey: 'k1', status: 'sent' }, 'Merge', { etag: entry.etag });
    const sender = new ScriptedSender();
    expect(await dispatcher(sender).dispatch()).toMatchObject({ sent: 0 });
    expect(sender.digests).toHaveLength(0);
    expect(await outbox.queued()).toBe(0);
  });

  it('lists a person’s reminders newest first', async () => {
    await outbox.enqueue([reminder('k1', alice)], clock.now());
    clock.advance(1000);
    await outbox.enqueue([reminder('k2', alice)], clock.now());
    expect((await outbox.listFor(alice)).map((e) => e.key)).toEqual(['k2', 'k1']);
    expect(await outbox.listFor(bruno)).toEqual([]);
  });

  it('lets one instance hold the sweep lease at a time, and another take it once it expired', async () => {
    const now = clock.now();
    const [a, b] = await Promise.all([leases.acquire('sweep', 'instance-a', now, 60_000), leases.acquire('sweep', 'instance-b', now, 60_000)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const holder = (a ?? b)!;
    const other = holder.holder === 'instance-a' ? 'instance-b' : 'instance-a';
    expect(await leases.acquire('sweep', other, new Date(now.getTime() + 30_000), 60_000)).toBeUndefined();
    const renewed = await leases.renew(holder, new Date(now.getTime() + 30_000), 60_000);
    expect(renewed).toBeDefined();
    const taken = await leases.acquire('sweep', other, new Date(now.getTime() + 100_000), 60_000);
    expect(taken?.holder).toBe(other);
    expect(await leases.renew(renewed!, new Date(now.getTime() + 100_000), 60_000)).toBeUndefined();
    await leases.release(renewed!); // stale: must not remove the new holder's lease
    expect(await leases.acquire('sweep', holder.holder, new Date(now.getTime() + 110_000), 60_000)).toBeUndefined();
    await leases.release(taken!);
    expect(await leases.acquire('sweep', holder.holder, new Date(now.getTime() + 120_000), 60_000)).toBeDefined();
  });
});
