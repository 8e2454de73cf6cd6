import { writeFileSync } from 'node:fs';
import { TableClient } from '@azure/data-tables';
import { commandTable } from '../../bot/commands';
import { verbRegistry } from '../../bot/verbs';
import { tableNames } from '../../services/storage/table-names';
import { alex, adele, cardActionActivity, installActivity, isaiah, lynne, megan, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { cardTexts } from '../support/card-validation';
import { recordReliabilityRow } from '../support/reliability-report';
import { movableClock, testConnectionString } from '../support/test-storage';
import { AccessFixtures } from './access-fixtures';
import { commandProbes } from './access-command-probes';
import { roles, type AccessRequest, type Probe, type Role } from './access-probes';
import { verbProbes } from './access-verb-probes';

/**
 * Who may do what (issue 10), written from DOMAIN.md « People and roles » and the README's command table, not read
 * from the code's audiences. ✓ = served, · = refused. Objects belong to BMI and are carried by Adele (agent of BMI):
 * « BMI mgr » manages the owning service, « CERT mgr » another one. The quality officer is Alex without his admin
 * role, the admin is Patti (IT), the unknown person has never been seen by the directory. A row « … — <BMI> » asks
 * whether the list shows that object (everyone may run the command; what it lists is the point).
 */
const expectedTable = `
  row                                   | agent | BMI mgr | CERT mgr | RQ | fraud ref | admin | unknown
  aide                                  |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  qui suis-je                           |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  langue fr                             |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  statut                                |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  statut — ligne fraude                 |   ·   |    ·    |    ·     | ✓  |     ✓     |   ·   |    ·
  statut fraude                         |   ·   |    ·    |    ·     | ✓  |     ✓     |   ·   |    ·
  contrôles                             |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  gérer les contrôles BMI               |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  importer les contrôles                |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  mes formations                        |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  formations BMI                        |   ·   |    ✓    |    ·     | ✓  |     ·     |   ✓   |    ·
  déclarer une formation Adele Vance    |   ✓   |    ✓    |    ·     | ✓  |     ·     |   ·   |    ·
  types de formation                    |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  plan d’action                         |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  nouvelle action Affiche absente       |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  action <BMI>                          |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  historique <BMI>                      |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  exporter le plan d’action 2026        |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  importer le plan d’action             |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  bilan 2025                            |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  indicateur cni 2026-T3 5,9            |   ·   |    ·    |    ·     | ✓  |     ·     |   ·   |    ·
  exporter réclamations 2026            |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  exporter fraude 2025                  |   ·   |    ·    |    ·     | ✓  |     ✓     |   ·   |    ·
  exporter audit 2026-11                |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  signaler une fraude                   |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  mes signalements                      |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  mes signalements — <BMI>              |   ✓   |    ·    |    ·     | ·  |     ·     |   ·   |    ·
  signalement <BMI>                     |   ✓   |    ·    |    ·     | ✓  |     ✓     |   ·   |    ·
  fraude 2025                           |   ·   |    ·    |    ·     | ✓  |     ✓     |   ·   |    ·
  volumes BMI 2026-T3 100               |   ·   |    ✓    |    ·     | ✓  |     ·     |   ·   |    ·
  nouvelle réclamation                  |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  réclamations                          |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  réclamations — <BMI>                  |   ✓   |    ✓    |    ·     | ✓  |     ·     |   ✓   |    ·
  réclamation <BMI>                     |   ✓   |    ✓    |    ·     | ✓  |     ·     |   ✓   |    ·
  clu                                   |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  planifier le clu                      |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  calendrier                            |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  calendrier tout                       |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  mes rappels                           |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  rappels maintenant                    |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  engagements                           |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  engagement E.17                       |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  annuaire                              |   ·   |    ·    |    ·     | ·  |     ·     |   ✓   |    ·
  affecter adele.vance@cher.gouv.fr     |   ·   |    ·    |    ·     | ·  |     ·     |   ✓   |    ·
  services                              |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  service BMI …                         |   ·   |    ·    |    ·     | ·  |     ·     |   ✓   |    ·
  importer annuaire                     |   ·   |    ·    |    ·     | ·  |     ·     |   ✓   |    ·
  command.run aide                      |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  command.run bilan                     |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  check.open                            |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  check.answer                          |   ✓   |    ·    |    ·     | ·  |     ·     |   ·   |    ·
  training.declareForm                  |   ✓   |    ✓    |    ·     | ✓  |     ·     |   ·   |    ·
  training.declare                      |   ✓   |    ✓    |    ·     | ✓  |     ·     |   ·   |    ·
  trainingType.form                     |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  trainingType.save                     |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  trainingType.retire                   |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  trainingType.restore                  |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  checkItem.form                        |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  checkItem.save                        |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  checkItem.retire                      |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  checkItem.restore                     |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  checkItem.importForm                  |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  checkItem.import                      |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  action.open                           |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  action.refresh                        |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  action.transition accept              |   ·   |    ·    |    ·     | ✓  |     ·     |   ·   |    ·
  action.transition refuse-proposal     |   ·   |    ·    |    ·     | ✓  |     ·     |   ·   |    ·
  action.transition start               |   ✓   |    ✓    |    ·     | ✓  |     ·     |   ·   |    ·
  action.transition update-progress     |   ✓   |    ✓    |    ·     | ✓  |     ·     |   ·   |    ·
  action.transition edit                |   ✓   |    ·    |    ·     | ✓  |     ·     |   ·   |    ·
  action.transition mark-done           |   ✓   |    ·    |    ·     | ✓  |     ·     |   ·   |    ·
  action.transition approve             |   ·   |    ✓    |    ·     | ✓  |     ·     |   ·   |    ·
  action.transition reject              |   ·   |    ✓    |    ·     | ✓  |     ·     |   ·   |    ·
  action.transition cancel              |   ·   |    ·    |    ·     | ✓  |     ·     |   ·   |    ·
  action.history                        |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  actionPlan.import                     |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  action.proposeForm                    |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  action.propose                        |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  action.fromCheck                      |   ✓   |    ✓    |    ·     | ✓  |     ·     |   ·   |    ·
  fraud.form                            |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  fraud.submit                          |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  fraud.open                            |   ✓   |    ·    |    ·     | ✓  |     ✓     |   ·   |    ·
  fraud.qualify                         |   ·   |    ·    |    ·     | ·  |     ✓     |   ·   |    ·
  fraud.answer                          |   ✓   |    ·    |    ·     | ·  |     ·     |   ·   |    ·
  fraudVolumes.save                     |   ·   |    ✓    |    ·     | ✓  |     ·     |   ·   |    ·
  complaint.form                        |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  complaint.submit                      |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  complaint.open                        |   ✓   |    ✓    |    ·     | ✓  |     ·     |   ✓   |    ·
  complaint.list                        |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  complaint.acknowledge                 |   ✓   |    ✓    |    ·     | ✓  |     ·     |   ·   |    ·
  complaint.reply                       |   ✓   |    ✓    |    ·     | ✓  |     ·     |   ·   |    ·
  complaint.reassign                    |   ·   |    ✓    |    ·     | ✓  |     ·     |   ·   |    ·
  complaint.close                       |   ·   |    ✓    |    ·     | ✓  |     ·     |   ·   |    ·
  clu.form                              |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  clu.save                              |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  clu.answer                            |   ·   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ·
  clu.held                              |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  clu.minutes                           |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  clu.cancel                            |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  labelCalendar.doneForm                |   ✓   |    ·    |    ·     | ✓  |     ·     |   ·   |    ·
  labelCalendar.done                    |   ✓   |    ·    |    ·     | ✓  |     ·     |   ·   |    ·
  labelCalendar.form                    |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  labelCalendar.save                    |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  labelCalendar.retire                  |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  labelCalendar.restore                 |   ·   |    ·    |    ·     | ✓  |     ·     |   ✓   |    ·
  commitments.page                      |   ✓   |    ✓    |    ✓     | ✓  |     ✓     |   ✓   |    ✓
  person.edit                           |   ·   |    ·    |    ·     | ·  |     ·     |   ✓   |    ·
  person.save                           |   ·   |    ·    |    ·     | ·  |     ·     |   ✓   |    ·
  directory.importForm                  |   ·   |    ·    |    ·     | ·  |     ·     |   ✓   |    ·
  directory.import                      |   ·   |    ·    |    ·     | ·  |     ·     |   ✓   |    ·
`;

/** The table as row name → the roles served. */
function readExpectedTable(): Map<string, Set<Role>> {
  const rows = expectedTable.trim().split('\n').slice(1);
  return new Map(
    rows.map((line) => {
      const [name = '', ...cells] = line.split('|').map((cell) => cell.trim());
      if (cells.length !== roles.length || cells.some((cell) => cell !== '✓' && cell !== '·')) throw new Error(`bad row in the expected table: ${line}`);
      return [name, new Set(roles.filter((_, index) => cells[index] === '✓'))];
    }),
  );
}

type Account = { id: string; aadObjectId: string; name: string };
/** Patti Fernandez: an admin (IT, SIDSIC) with no other role than agent. */
const patti: Account = { id: 'user-id-4', aadObjectId: '00000000-0000-0000-0000-0000000000024', name: 'Patti Fernandez' };
/** Someone the directory has never seen: registered at first contact, waiting for an admin. */
const stranger: Account = { id: 'user-id-9010', aadObjectId: 'c0ffee00-0000-4000-8000-00000000a10e', name: 'Dominique Inconnu' };
const people: Record<Role, Account> = { agent: adele, managerOfOwner: megan, managerOfOther: lynne, qualityOfficer: alex, fraudReferent: isaiah, admin: patti, unknown: stranger };

/** The routers' refusals (message-router, card-router, command.run, the views of « statut »), whatever the row. */
const routerRefusal = /Commande réservée|Action non autorisée|Cette commande est réservée à d’autres rôles|Vue réservée/;
/** Answers that say the request itself went wrong: a cell must never end so. */
const brokenAnswer = /Une erreur est survenue|Données invalides|Action inconnue|Action illisible|Service momentanément indisponible/;

/** Tables a turn writes whoever acts: deduplication and conversation references. */
const plumbingTables = new Set<string>([tableNames.processedActivities, tableNames.conversations]);
const writeMethods = ['createEntity', 'upsertEntity', 'updateEntity', 'deleteEntity', 'submitTransaction'] as const;

interface Cell {
  probe: Probe;
  role: Role;
  answer: string;
  /** The answer as sent: the activities' text and cards, or the invoke's body. */
  raw: string;
  outcome: 'allowed' | 'denied' | 'unclassified';
  writes: string[];
  /** For a fraud row refused to someone who may not know of the signal: the answer (as sent) for a missing number. */
  missingAnswer?: string;
  secretId?: string;
  /** Milliseconds its batch took, for the dump. */
  ms: number;
}

const probes = [...commandProbes, ...verbProbes];
/** Cells sent at once. */
const batchSize = 12;
const missingSignal = 'BMI-2026-9999';

describe('access matrix: every role × every command and card verb (issue 10)', () => {
  let harness: BotHarness;
  let fixtures: AccessFixtures;
  const clock = movableClock('2026-11-23T09:00:00.000Z'); // a Monday, 10:00 in Paris
  const cells: Cell[] = [];
  const writes: string[] = [];
  let recording = false;
  let conversations = 0;
  const originals = new Map<string, unknown>();

  /** Counts business-table writes while a cell runs, by wrapping the table client every repository uses. */
  function watchWrites(): void {
    const prototype = TableClient.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of writeMethods) {
      const original = prototype[method];
      if (!original) throw new Error(`TableClient has no ${method}`);
      originals.set(method, original);
      prototype[method] = function (this: TableClient, ...args: unknown[]) {
        const table = Object.values(tableNames).find((name) => this.tableName.endsWith(name)) ?? this.tableName;
        if (recording && !plumbingTables.has(table)) writes.push(`${method} ${table}`);
        return original.apply(this, args);
      };
    }
  }

  /**
   * Sends one request as `from` and returns what they read. Each message has its own conversation: several cells of
   * one person may run at once.
   */
  async function send(request: AccessRequest, from: Account): Promise<{ text: string; raw: string }> {
    clock.advance(1_000);
    if ('text' in request) {
      conversations += 1;
      const conversation = { id: `personal-chat-${from.id}-${conversations}`, conversationType: 'personal', tenantId: '00000000-0000-0000-0000-0000000000001' };
      await harness.post(messageActivity(harness.connector.url, request.text, from, { conversation }));
      const mine = harness.connector.sent.filter((activity) => activity.conversationId === conversation.id);
      const text = mine.flatMap((activity) => [activity.text ?? '', ...cardTexts(activity.attachments?.map((a) => a.content))]).filter(Boolean).join('\n');
      return { text, raw: JSON.stringify(mine.map((activity) => [activity.text, activity.attachments])) };
    }
    const response = await harness.post(cardActionActivity(harness.connector.url, request.verb, request.data, from));
    return { text: cardTexts((response.body as { value?: unknown }).value).join('\n'), raw: JSON.stringify(response.body) };
  }

  /** Runs requests while counting the business-table writes they make together. */
  async function watched<T>(run: () => Promise<T>): Promise<{ result: T; written: string[] }> {
    await harness.bot.sharedCards.settle();
    writes.length = 0;
    recording = true;
    try {
      const result = await run();
      await harness.bot.sharedCards.settle();
      return { result, written: [...writes] };
    } finally {
      recording = false;
    }
  }

  /** Served when the answer shows what the row asks for; refused when a router or the handler says no. */
  function classify(probe: Probe, request: AccessRequest, answer: string): Cell['outcome'] {
    if (brokenAnswer.test(answer)) return 'unclassified';
    if (routerRefusal.test(answer)) return 'denied';
    if (probe.granted.test(answer) && (request.shows === undefined || answer.includes(request.shows))) return 'allowed';
    return probe.refused?.test(answer) ? 'denied' : 'unclassified';
  }

  type Planned = { probe: Probe; role: Role; request: AccessRequest };

  /**
   * Every cell's request, before any runs. Refused cells change nothing: one request (one set of objects) serves them
   * all; each served cell has its own.
   */
  async function plan(served: (probe: Probe, role: Role) => boolean): Promise<Planned[]> {
    const planned: Planned[] = [];
    for (const probe of probes) {
      let shared: AccessRequest | undefined;
      for (const role of roles) {
        clock.advance(1_000);
        const request = served(probe, role) ? await probe.request(fixtures, role) : (shared ??= await probe.request(fixtures, role));
        planned.push({ probe, role, request });
      }
    }
    return planned;
  }

  /** Sends cells at once; what the batch writes counts for each of its cells. */
  async function run(group: Planned[]): Promise<Cell[]> {
    harness.connector.clear();
    const started = Date.now();
    const batch = await watched(() => Promise.all(group.map(({ request, role }) => send(request, people[role]))));
    return group.map(({ probe, role, request }, index): Cell => {
      const { text: answer, raw } = batch.result[index] ?? { text: '', raw: '' };
      return { probe, role, answer, raw, outcome: classify(probe, request, answer), writes: batch.written, secretId: request.secretId, ms: Date.now() - started };
    });
  }

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), clock, {}, { actionPlan: true });
    const { app } = harness.bot;
    // Alex is the demo's quality officer and admin: the admin column is Patti's, so here he is quality officer only.
    const alexStored = await app.people.get(alex.aadObjectId);
    if (!alexStored) throw new Error('Alex is in the demo directory');
    await app.people.update({ ...alexStored, roles: ['rq'] });
    for (const person of Object.values(people)) await harness.post(installActivity(harness.connector.url, person));
    fixtures = new AccessFixtures(app);
    watchWrites();
    const expected = readExpectedTable();
    const served = (probe: Probe, role: Role) => expected.get(probe.name)?.has(role) ?? false;
    const planned = await plan(served);
    // The machine is slow: first every cell the table refuses, many at once (a write among them fails the batch);
    // then row by row those it serves, one at a time for rows whose allowed people change the same thing.
    const refusals = planned.filter(({ probe, role }) => !served(probe, role));
    for (let start = 0; start < refusals.length; start += batchSize) cells.push(...(await run(refusals.slice(start, start + batchSize))));
    for (const probe of probes) {
      const group = planned.filter((cell) => cell.probe === probe && served(probe, cell.role));
      for (const part of probe.serial ? group.map((cell) => [cell]) : [group]) if (part.length > 0) cells.push(...(await run(part)));
    }
    // For a fraud signal refused to someone outside its circle: the answer to the same request for a missing number.
    const secret = cells.filter((cell) => cell.probe.secretFrom && cell.secretId && !cell.probe.secretFrom.includes(cell.role));
    await Promise.all(
      secret.map(async (cell) => {
        const request = planned.find((c) => c.probe === cell.probe && c.role === cell.role)?.request;
        cell.missingAnswer = (await send(JSON.parse(JSON.stringify(request).replaceAll(cell.secretId ?? '', missingSignal)) as AccessRequest, people[cell.role])).raw;
      }),
    );
    // QUALIBOT_ACCESS_DUMP=<file> keeps every cell's answer, to read when a row's words change.
    const dump = process.env.QUALIBOT_ACCESS_DUMP;
    if (dump) writeFileSync(dump, JSON.stringify(cells.map(({ probe, role, answer, outcome, writes: w, ms }) => ({ row: probe.name, role, outcome, ms, writes: w, answer })), null, 1));
  }, 300_000);

  afterAll(async () => {
    const prototype = TableClient.prototype as unknown as Record<string, unknown>;
    for (const [method, original] of originals) prototype[method] = original;
    await harness?.stop();
  });

  it('has a row for every command of bot/commands.ts and every verb of bot/verbs.ts, and a probe for every row', () => {
    const covered = new Set(probes.map((probe) => ('command' in probe.covers ? `command ${probe.covers.command}` : `verb ${probe.covers.verb}`)));
    const missing = [...Object.keys(commandTable).map((name) => `command ${name}`), ...Object.keys(verbRegistry).map((name) => `verb ${name}`)].filter((name) => !covered.has(name));
    expect(missing).toEqual([]);
    expect([...readExpectedTable().keys()].sort()).toEqual(probes.map((probe) => probe.name).sort());
  });

  it('serves exactly the people the table names, and refuses everyone else', () => {
    const expected = readExpectedTable();
    const wrong = cells
      .filter((cell) => cell.outcome !== (expected.get(cell.probe.name)?.has(cell.role) ? 'allowed' : 'denied'))
      .map((cell) => `${cell.probe.name} × ${cell.role}: ${cell.outcome} — ${cell.answer.replace(/\s+/g, ' ').slice(0, 160)}`);
    expect(wrong).toEqual([]);
    expect(cells).toHaveLength(probes.length * roles.length);
  });

  it('writes nothing to the business tables when it refuses', () => {
    const written = cells.filter((cell) => cell.outcome === 'denied' && cell.writes.length > 0).map((cell) => `${cell.probe.name} × ${cell.role}: ${cell.writes.join(', ')}`);
    expect(written).toEqual([]);
  });

  it('answers a fraud signal refused to someone outside its circle byte for byte as a number that does not exist', () => {
    const secret = cells.filter((cell) => cell.missingAnswer !== undefined);
    expect(secret.length).toBeGreaterThanOrEqual(4 * 4);
    for (const cell of secret) {
      const scrub = (raw: string, id: string) => `${cell.probe.name} × ${cell.role}: ${raw.replaceAll(id, '<numéro>')}`;
      expect(scrub(cell.raw, cell.secretId ?? '')).toBe(scrub(cell.missingAnswer ?? '', missingSignal));
    }
  });

  it('records its row of the reliability report', () => {
    const expected = readExpectedTable();
    const wronglyGranted = cells.filter((cell) => cell.outcome === 'allowed' && !expected.get(cell.probe.name)?.has(cell.role)).length;
    const refusals = cells.filter((cell) => cell.outcome === 'denied').length;
    recordReliabilityRow({
      section: 'access',
      id: 'access-matrix',
      what: `${roles.length} roles × ${probes.length} requests covering the ${Object.keys(commandTable).length} commands and ${Object.keys(verbRegistry).length} card verbs, through the HTTP pipeline`,
      cases: cells.length,
      lost: wronglyGranted,
      duplicates: null,
      recoveryMs: null,
      outcome: `${refusals} refusals, none writing; fraud refusals read as an unknown number; ${wronglyGranted} cell(s) wrongly granted`,
    });
    expect(wronglyGranted).toBe(0);
  });
});
