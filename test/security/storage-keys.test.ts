import fc from 'fast-check';
import { ZodError } from 'zod';
import { describeFailure } from '../../bot/turn-failure';
import type { AppServices } from '../../services/app-services';
import { systemClock } from '../../services/clock';
import { seedDemo } from '../../services/demo/seed-demo';
import { isSafeKey, maxKeyLength, storageKey } from '../../services/storage/keys';
import { filterLiteral } from '../../services/storage/odata-filter';
import { ConcurrentUpdateError, InvalidStorageInputError } from '../../services/storage/storage-errors';
import { tableNames } from '../../services/storage/table-names';
import { messageActivity } from '../support/activities';
import { startBotHarness } from '../support/bot-harness';
import { cardTexts } from '../support/card-validation';
import { recordReliabilityRow, soakFactor } from '../support/reliability-report';
import { freshAppServices, testConnectionString } from '../support/test-storage';
import { captureRequests, type CapturedRequests } from './storage-probe-support';

// What Azure Tables forbids in a key (PLATFORM.md), and what a request cannot carry (lone surrogates, and the line
// separators that break a batch body on Azurite).
// eslint-disable-next-line no-control-regex
const forbidden = /[/\\#?\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const mustRefuse = (text: string) => text === '' || text.length > maxKeyLength || forbidden.test(text);

const controlCharacter = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((code) => String.fromCharCode(code));
const forbiddenCharacter = fc.oneof(fc.constantFrom('/', '\\', '#', '?', '\u2028', '\uD800', '\uDC00'), controlCharacter);

/** Text a path expects, the same with a forbidden character slipped in, over 1 KiB, empty, or anything at all. */
function userText(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const spoiled = fc.tuple(valid, forbiddenCharacter, fc.nat()).map(([text, bad, at]) => {
    const cut = at % (text.length + 1);
    return `${text.slice(0, cut)}${bad}${text.slice(cut)}`;
  });
  const overLong = fc.tuple(valid, fc.integer({ min: 1025, max: 2100 })).map(([text, length]) => text.padEnd(length, text.at(-1) ?? 'a'));
  return fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: spoiled, weight: 3 }, overLong, fc.constant(''), fc.string({ unit: 'binary', maxLength: 40 }));
}

const pattern = (regex: RegExp) => fc.stringMatching(regex);
const slug = (max: number) => pattern(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}$/).filter((text) => text.length >= 2 && text.length <= max);
const aadId = pattern(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
const anyKey = fc.string({ unit: 'binary', minLength: 1, maxLength: 60 });

/** One write path that turns user text into a key, and how to find what it stored. */
interface KeyPath {
  name: string;
  valid: fc.Arbitrary<string>;
  store(text: string): Promise<unknown>;
  /** The text the stored key holds for `text`, read back through the repository; undefined when nothing is found. */
  readBack(text: string): Promise<string | undefined>;
  /** What the stored key must be (default: the text itself). */
  expected?: (text: string) => string;
}

async function keyPaths(app: AppServices): Promise<KeyPath[]> {
  const [item] = await app.checkItems.list();
  const [type] = await app.trainingTypes.list();
  const [obligation] = await app.labelCalendar.list();
  const [meeting] = await app.clu.list();
  const [record] = await app.trainingRecords.listAll();
  const [complaint] = await app.complaints.listYear(2026);
  const [signal] = await app.fraudSignals.listYear(2026);
  const person = await app.people.get('00000000-0000-0000-0000-0000000000020');
  if (!item || !type || !obligation || !meeting || !record || !complaint || !signal || !person) throw new Error('the demo seed changed');
  const strip = <T extends { etag?: string }>({ etag: _etag, ...rest }: T) => rest;
  const quarter = '2026-Q4';
  const reminder = { recipientId: person.id, key: 'probe:key', notBefore: '2026-11-23T08:00:00.000Z', text: { fr: { title: 'R', detail: '' }, en: { title: 'R', detail: '' } } };
  const { id: _signalId, etag: _signalEtag, ...signalDraft } = signal;
  const at = '2026-11-23T09:00:00.000Z';
  return [
    { name: 'ServicesRepository.upsertMany(code)', valid: pattern(/^[A-Z0-9][A-Z0-9-]{1,19}$/), store: (t) => app.services.upsertMany([{ code: t, name: 'Service' }]), readBack: async (t) => (await app.services.get(t))?.code },
    { name: 'CheckItemsRepository.save(id)', valid: pattern(/^[A-Z0-9][A-Z0-9-]{1,39}$/), store: (t) => app.checkItems.save({ ...strip(item), id: t }), readBack: async (t) => (await app.checkItems.get(t))?.id },
    { name: 'TrainingTypesRepository.save(id)', valid: slug(60), store: (t) => app.trainingTypes.save({ ...strip(type), id: t }), readBack: async (t) => (await app.trainingTypes.get(t))?.id },
    { name: 'LabelCalendarRepository.writeAll(id)', valid: slug(40), store: (t) => app.labelCalendar.writeAll([{ obligation: { ...strip(obligation), id: t } }]), readBack: async (t) => (await app.labelCalendar.get(t))?.id },
    { name: 'CluMeetingsRepository.create(id)', valid: pattern(/^CLU-\d{4}(-\d{1,2})?$/), store: (t) => app.clu.create({ ...strip(meeting), id: t }), readBack: async (t) => (await app.clu.get(t))?.id },
    { name: 'CluMeetingsRepository.saveAnswer(personId)', valid: aadId, store: (t) => app.clu.saveAnswer({ meetingId: meeting.id, personId: t, answer: 'present', answeredAt: at, forStartsAt: meeting.startsAt }, undefined), readBack: async (t) => (await app.clu.answerOf(meeting.id, t))?.personId },
    { name: 'PeopleRepository.create(id)', valid: aadId, store: (t) => app.people.create({ ...strip(person), id: t }), readBack: async (t) => (await app.people.get(t))?.id },
    { name: 'CheckAnswersRepository.record(quarter)', valid: pattern(/^\d{4}-Q[1-4]$/), store: (t) => app.checkAnswers.record({ itemId: item.id, quarter: t, answer: 'verified', answeredBy: person.id, answeredAt: at, late: false }), readBack: async (t) => (await app.checkAnswers.get(t, item.id))?.quarter },
    { name: 'CheckAnswersRepository.record(itemId)', valid: pattern(/^[A-Z0-9][A-Z0-9-]{1,39}$/), store: (t) => app.checkAnswers.record({ itemId: t, quarter, answer: 'verified', answeredBy: person.id, answeredAt: at, late: false }), readBack: async (t) => (await app.checkAnswers.get(quarter, t))?.itemId },
    { name: 'TrainingRecordsRepository.add(personId)', valid: aadId, store: (t) => app.trainingRecords.add({ ...record, personId: t }), readBack: async (t) => (await app.trainingRecords.get(t, record.typeId, record.completedOn))?.personId },
    { name: 'TrainingRecordsRepository.add(typeId)', valid: slug(60), store: (t) => app.trainingRecords.add({ ...record, typeId: t }), readBack: async (t) => (await app.trainingRecords.get(record.personId, t, record.completedOn))?.typeId },
    { name: 'TrainingRecordsRepository.add(completedOn)', valid: day, store: (t) => app.trainingRecords.add({ ...record, completedOn: t }), readBack: async (t) => (await app.trainingRecords.get(record.personId, record.typeId, t))?.completedOn },
    { name: 'FraudVolumesRepository.set(period)', valid: pattern(/^\d{4}(-Q[1-4])?$/), store: (t) => app.fraudVolumes.set({ service: 'BMI', period: t as `${number}`, volume: 10, enteredBy: person.id, enteredAt: at }), readBack: async (t) => (await app.fraudVolumes.get('BMI', t as `${number}`))?.period },
    { name: 'FraudVolumesRepository.set(service)', valid: fc.constantFrom('BMI', 'CERT', 'PERMIS', 'SIV', 'AUTRE'), store: (t) => app.fraudVolumes.set({ service: t as 'BMI', period: '2026', volume: 10, enteredBy: person.id, enteredAt: at }), readBack: async (t) => (await app.fraudVolumes.get(t as 'BMI', '2026'))?.service },
    { name: 'ReportIndicatorsRepository.set(indicatorId)', valid: slug(60), store: (t) => app.reportIndicators.set({ indicatorId: t, period: '2026-Q1', value: 1, enteredBy: person.id, enteredAt: at }), readBack: async (t) => (await app.reportIndicators.get(t, '2026-Q1'))?.indicatorId },
    { name: 'ReportIndicatorsRepository.set(period)', valid: pattern(/^\d{4}(-Q[1-4])?$/), store: (t) => app.reportIndicators.set({ indicatorId: 'taux-connexions', period: t as '2026', value: 1, enteredBy: person.id, enteredAt: at }), readBack: async (t) => (await app.reportIndicators.get('taux-connexions', t as '2026'))?.period },
    { name: 'OutboxRepository.enqueue(recipientId)', valid: anyKey, store: (t) => app.outbox.enqueue([{ ...reminder, recipientId: t }], new Date(at)), readBack: async (t) => (await app.outbox.get(t, reminder.key))?.recipientId },
    { name: 'OutboxRepository.enqueue(key)', valid: anyKey, store: (t) => app.outbox.enqueue([{ ...reminder, key: t }], new Date(at)), readBack: async (t) => (await app.outbox.get(person.id, t))?.key },
    { name: 'SharedCardCopiesRepository.addRecipients(topic)', valid: anyKey, store: (t) => app.sharedCards.addRecipients(t, [person.id], at), readBack: async (t) => (await app.sharedCards.list(t))[0]?.topic },
    { name: 'SharedCardCopiesRepository.addRecipients(recipientId)', valid: anyKey, store: (t) => app.sharedCards.addRecipients('probe-topic', [t], at), readBack: async (t) => (await app.sharedCards.list('probe-topic')).find((copy) => copy.recipientId === t)?.recipientId },
    { name: 'ConversationReferenceRepository.remember(scope)', valid: anyKey, store: (t) => app.conversations.remember(t, person.id, '{}', at, true), readBack: async (t) => (await app.conversations.get(t, person.id))?.scope },
    { name: 'ConversationReferenceRepository.remember(key)', valid: anyKey, store: (t) => app.conversations.remember('personal', t, '{}', at, true), readBack: async (t) => (await app.conversations.get('personal', t))?.key },
    { name: 'LeaseRepository.acquire(name)', valid: anyKey, store: (t) => app.leases.acquire(t, 'probe', new Date(at), 1000), readBack: async (t) => (await app.store.table(tableNames.leases).getEntity('lease', t)).rowKey },
    { name: 'ActionItemsRepository.claimOrigin(origin)', valid: fc.tuple(pattern(/^[A-Z0-9][A-Z0-9-]{1,39}$/), pattern(/^\d{4}-Q[1-4]$/)).map(([id, q]) => `check|${id}|${q}`), store: (t) => app.actions.claimOrigin(t, new Date(at)), readBack: async (t) => (await app.store.table(tableNames.actionItems).getEntity(`origin|${t}`, 'guard')).partitionKey, expected: (t) => `origin|${t}` },
    { name: 'ComplaintsRepository.create(receivedOn)', valid: day, store: (t) => app.complaints.create({ ...strip(complaint), receivedOn: t }, { actorId: person.id, action: 'complaint.create', entityType: 'complaint', entityId: '' }, new Date(at)), readBack: async (t) => (await app.complaints.listYear(Number(t.slice(0, 4)))).find((c) => c.receivedOn === t)?.receivedOn },
    { name: 'FraudSignalsRepository.create(detectedOn)', valid: day, store: (t) => app.fraudSignals.create({ ...signalDraft, detectedOn: t }), readBack: async (t) => (await app.fraudSignals.listPartition(signal.service, Number(t.slice(0, 4)))).find((s) => s.detectedOn === t)?.detectedOn },
  ];
}

const isValidationError = (error: unknown) => error instanceof InvalidStorageInputError || error instanceof ZodError;

describe('storage keys built from user text (issue 10)', () => {
  let app: AppServices;
  let captured: CapturedRequests;
  beforeAll(async () => {
    app = await freshAppServices();
    await seedDemo(app);
    captured = captureRequests(app);
  });

  it('accepts as a key exactly the text Azure Tables allows, and never changes it', () => {
    fc.assert(
      fc.property(userText(anyKey), (text) => {
        expect(isSafeKey(text)).toBe(!mustRefuse(text));
        if (mustRefuse(text)) expect(() => storageKey(text, 'probe')).toThrow(InvalidStorageInputError);
        else expect(storageKey(text, 'probe')).toBe(text);
      }),
      { numRuns: 1000 * soakFactor() },
    );
  });

  it('quotes every filter value as one literal, and refuses anything but text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.anything()), (value) => {
        let literal: string;
        try {
          literal = filterLiteral(value);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidStorageInputError);
          return;
        }
        expect(typeof value).toBe('string');
        // One quoted literal: quotes inside are doubled, so none closes it early.
        expect(literal).toMatch(/^'(?:[^']|'')*'$/);
        expect(literal.slice(1, -1).replace(/''/g, "'")).toBe(value);
      }),
      { numRuns: 1000 * soakFactor() },
    );
  });

  it('refuses bad keys on every write path before any request, and stores good ones as typed', async () => {
    const paths = await keyPaths(app);
    const numRuns = 60 * soakFactor();
    let refused = 0;
    let stored = 0;
    let unchecked = 0;
    for (const path of paths) {
      await fc.assert(
        fc.asyncProperty(userText(path.valid), async (text) => {
          captured.reset();
          let refusal: unknown;
          try {
            await path.store(text);
          } catch (error) {
            if (!isValidationError(error) && !(error instanceof ConcurrentUpdateError)) throw error;
            if (isValidationError(error)) refusal = error;
          }
          const requests = captured.filters.length + captured.keys.length;
          if (refusal !== undefined) {
            refused += 1;
            if (requests > 0) unchecked += 1;
            expect({ path: path.name, requests }).toEqual({ path: path.name, requests: 0 });
            return;
          }
          stored += 1;
          if (mustRefuse(text)) unchecked += 1;
          expect({ path: path.name, text, stored: mustRefuse(text) ? 'bad key stored' : 'ok' }).toEqual({ path: path.name, text, stored: 'ok' });
          expect(await path.readBack(text)).toBe((path.expected ?? ((t: string) => t))(text));
        }),
        { numRuns },
      );
    }
    recordReliabilityRow({
      section: 'bad-input',
      id: 'storage-keys-user-text',
      what: `user text with / \\ # ? control characters, lone surrogates, empty or over 1 KiB as keys on ${paths.length} write paths`,
      cases: refused + stored,
      lost: unchecked,
      duplicates: null,
      recoveryMs: null,
      outcome: `${refused} refused before any request, ${stored} stored and read back unchanged, ${unchecked} reached storage unchecked`,
    });
    expect(refused + stored).toBeGreaterThanOrEqual(1000);
  });
});

describe('a value refused as a key, as the user sees it', () => {
  it('reads as « Valeur refusée », not as an error to report nor as an outage', () => {
    const notice = describeFailure(new InvalidStorageInputError('service code'), 'fr');
    expect(notice).toMatchObject({ title: 'Valeur refusée', storageDown: false });
    expect(notice.text).toContain('Rien n’a été enregistré');
  });

  it('answers typed commands whose words cannot be keys in French, never with an error notice', async () => {
    const harness = await startBotHarness(testConnectionString(), systemClock);
    try {
      const commands = ['gérer les contrôles a/b#?', 'formations x/y', 'formations x\u0001y', "action 2021-07' or true or '", 'historique 2021/07#', 'réclamation R-2026-0001/..', "signalement BMI-2026-0001' or PartitionKey ne '", 'volumes BMI/ 2026-T1 12', 'indicateur x/y 2025 5', 'affecter a/b#?'];
      for (const text of commands) {
        harness.connector.clear();
        await harness.post(messageActivity(harness.connector.url, text));
        const reply = harness.connector.sent.at(-1)?.text ?? cardTexts(harness.connector.cards().at(-1)).join('\n');
        expect({ text, reply: reply.length > 0 }).toEqual({ text, reply: true });
        expect({ text, reply }).not.toEqual({ text, reply: expect.stringMatching(/Une erreur est survenue|momentanément indisponible|Valeur refusée/) });
      }
    } finally {
      await harness.stop();
    }
  });
});
