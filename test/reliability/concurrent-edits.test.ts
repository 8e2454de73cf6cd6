import { adele, alex, cardActionActivity, installActivity, isaiah, megan } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { addSecondDeciders, cardsSentTo, createAwaitingApproval, createBmiAction, invokeText, nestor, noa, type Persona } from '../support/fault-kit';
import { recordReliabilityRow, soakFactor } from '../support/reliability-report';
import { movableClock, testConnectionString } from '../support/test-storage';

const monday = '2026-11-23T09:00:00.000Z'; // 10:00 in Paris
const rounds = 5 * soakFactor();

/** A fraud signal of BMI as Adele would send it; the file reference makes each round's signal its own. */
const fraudForm = (round: number) => ({
  service: 'BMI',
  titleType: 'titre-sejour',
  nature: 'faux-bulletin-salaire',
  detectedOn: '2026-11-20',
  fileReference: `2026-BMI-${7000 + round}`,
  description: 'Bulletins de salaire d’une entreprise radiée, mise en page incohérente',
  article40: 'false',
  article40On: '',
});

describe('two people change the same record at the same moment: one wins, the other is told', () => {
  let harness: BotHarness;
  const clock = movableClock(monday);

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), clock);
    await addSecondDeciders(harness.bot.app, monday);
    for (const person of [alex, megan, adele, isaiah, nestor, noa]) await harness.post(installActivity(harness.connector.url, person));
  });
  afterAll(() => harness.stop());

  const app = () => harness.bot.app;
  /** Clicks posted at the same moment (each after its own `delayMs`, if any); answers each one's card text. */
  const atOnce = async (clicks: { verb: string; data: Record<string, unknown>; from: Persona; delayMs?: number }[]) => {
    const post = async (click: (typeof clicks)[number]) => {
      if (click.delayMs) await new Promise((resolve) => setTimeout(resolve, click.delayMs));
      return harness.post(cardActionActivity(harness.connector.url, click.verb, click.data, click.from));
    };
    const responses = await Promise.all(clicks.map(post));
    expect(responses.map((response) => response.status)).toEqual(clicks.map(() => 200));
    return responses.map(invokeText);
  };
  const historyOf = async (id: string, actions: string[]) => (await app().actions.history(id)).filter((entry) => actions.includes(entry.action));

  it(`records one approval when two managers of the service approve the same closure at once (${rounds} rounds); the other reads « Déjà approuvée par … »`, async () => {
    let lost = 0;
    let duplicates = 0;
    for (let round = 0; round < rounds; round += 1) {
      clock.advance(60_000);
      const item = await createAwaitingApproval(app(), `Approbation simultanée ${round}`, clock.now());
      harness.connector.clear();
      const [byMegan = '', byNestor = ''] = await atOnce([
        { verb: 'action.transition', data: { id: item.id, revision: item.revision, step: 'approve' }, from: megan },
        { verb: 'action.transition', data: { id: item.id, revision: item.revision, step: 'approve', approveComment: 'Vu sur place' }, from: nestor },
      ]);
      const stored = await app().actions.get(item.id);
      const decisions = await historyOf(item.id, ['action.approve', 'action.reject']);
      const winner = stored?.decision?.by === megan.aadObjectId ? megan : nestor;
      const [won, lostText] = winner === megan ? [byMegan, byNestor] : [byNestor, byMegan];
      expect(stored).toMatchObject({ state: 'closed', revision: item.revision + 1 });
      expect(decisions).toHaveLength(1);
      expect(won).toContain('Clôture approuvée');
      expect(lostText).toContain(`Déjà approuvée par ${winner.name}`);
      // The owner hears of it once.
      await harness.bot.sharedCards.settle();
      const told = cardsSentTo(harness, adele).filter((text) => text.includes(`Décision sur l’action ${item.id}`)).length;
      expect(told).toBe(1);
      if (decisions.length === 0 || told === 0) lost += 1;
      duplicates += Math.max(0, decisions.length - 1) + Math.max(0, told - 1);
    }
    recordReliabilityRow({
      section: 'faults',
      id: 'concurrent-closure-approvals',
      what: 'Two managers of the service approve the same closure at the same moment',
      cases: rounds,
      lost,
      duplicates,
      recoveryMs: null,
      outcome: 'one approval written (ETag); the other manager reads « Déjà approuvée par <nom> le … »; the owner is told once',
    });
  });

  it(`lets one of an edit and « Déclarer réalisée » win when the owner and the quality officer click at once (${rounds} rounds), and sends no card for the loser`, async () => {
    const wins = { edit: 0, markDone: 0 };
    let halfWritten = 0;
    for (let round = 0; round < rounds; round += 1) {
      clock.advance(60_000);
      const item = await createBmiAction(app(), `Modification pendant la clôture ${round}`, clock.now());
      harness.connector.clear();
      const [byOwner = '', byOfficer = ''] = await atOnce([
        // « Déclarer réalisée » lists the approvers' copies before its write: the edit leaves a little later on
        // some rounds, so that either may win.
        { verb: 'action.transition', data: { id: item.id, revision: item.revision, step: 'edit', editDeadline: '2026-12-31' }, from: adele, delayMs: (round % 3) * 40 },
        { verb: 'action.transition', data: { id: item.id, revision: item.revision, step: 'mark-done', verification: 'Vérifié sur place', effective: 'oui' }, from: alex },
      ]);
      const stored = await app().actions.get(item.id);
      const changes = await historyOf(item.id, ['action.edit', 'action.mark-done']);
      expect(changes).toHaveLength(1);
      expect(stored?.revision).toBe(item.revision + 1);
      await harness.bot.sharedCards.settle();
      await harness.bot.sharedCards.resume(); // the next sweep: copies listed by the losing click must not go out
      const requests = cardsSentTo(harness, megan).filter((text) => text.includes(`Clôture à valider — action ${item.id}`)).length;
      if (stored?.state === 'awaiting-approval') {
        wins.markDone += 1;
        expect(stored.deadline).toBe(item.deadline);
        expect(byOfficer).toContain('Envoyée pour validation');
        expect(byOwner).toContain(`Impossible de modifier l’action ${item.id} : elle est « réalisée, à valider »`);
        expect(requests).toBe(1);
      } else {
        wins.edit += 1;
        expect(stored).toMatchObject({ state: 'in-progress', deadline: '2026-12-31' });
        expect(byOwner).toContain('Enregistré.');
        expect(byOfficer).toContain(`L’action ${item.id} a changé depuis l’affichage de cette carte`);
        expect(requests).toBe(0);
      }
      if (changes.length !== 1) halfWritten += 1;
    }
    recordReliabilityRow({
      section: 'faults',
      id: 'concurrent-edit-and-closure',
      what: 'The owner edits an action while the quality officer marks it done (approval request), at the same moment',
      cases: rounds,
      lost: 0,
      duplicates: halfWritten,
      recoveryMs: null,
      outcome: `one change written each time (edit ${wins.edit}, closure ${wins.markDone}); the loser reads why (card changed, or action awaiting approval); no approval card for a closure that lost`,
    });
  });

  it(`lets one of an approval and a cancellation win on a closure awaiting approval (${rounds} rounds)`, async () => {
    const wins = { approve: 0, cancel: 0 };
    for (let round = 0; round < rounds; round += 1) {
      clock.advance(60_000);
      const item = await createAwaitingApproval(app(), `Annulation pendant l’approbation ${round}`, clock.now());
      const [byManager = '', byOfficer = ''] = await atOnce([
        { verb: 'action.transition', data: { id: item.id, revision: item.revision, step: 'approve' }, from: megan },
        { verb: 'action.transition', data: { id: item.id, revision: item.revision, step: 'cancel', cancelReason: 'Doublon de l’action précédente' }, from: alex },
      ]);
      const stored = await app().actions.get(item.id);
      expect(await historyOf(item.id, ['action.approve', 'action.cancel'])).toHaveLength(1);
      if (stored?.state === 'closed') {
        wins.approve += 1;
        expect(byManager).toContain('Clôture approuvée');
        expect(byOfficer).toContain(`Impossible d’annuler l’action ${item.id} : elle est « clôturée »`);
      } else {
        wins.cancel += 1;
        expect(stored?.state).toBe('cancelled');
        expect(byOfficer).toContain('Enregistré.');
        expect(byManager).toContain(`Impossible de valider l’action ${item.id} : elle est « annulée »`);
      }
    }
    recordReliabilityRow({
      section: 'faults',
      id: 'concurrent-approval-and-cancel',
      what: 'A manager approves a closure while the quality officer cancels the action, at the same moment',
      cases: rounds,
      lost: 0,
      duplicates: 0,
      recoveryMs: null,
      outcome: `one change written each time (approved ${wins.approve}, cancelled ${wins.cancel}); the loser reads the state it found`,
    });
  });

  it(`records one qualification when two fraud referents qualify the same signal at once (${rounds} rounds); the author is told once, of the winner's`, async () => {
    let duplicates = 0;
    let lost = 0;
    for (let round = 0; round < rounds; round += 1) {
      clock.advance(60_000);
      const submitted = invokeText(await harness.post(cardActionActivity(harness.connector.url, 'fraud.submit', fraudForm(round), adele)));
      const id = /Signalement (BMI-2026-\d+) enregistré/.exec(submitted)?.[1] ?? '';
      await harness.bot.sharedCards.settle();
      const signal = await app().fraudSignals.get(id);
      const roundMs = Date.parse(signal?.submittedAt ?? '');
      clock.advance(1_000);
      harness.connector.clear();
      const [byIsaiah = '', byNoa = ''] = await atOnce([
        { verb: 'fraud.qualify', data: { id, round: roundMs, outcome: 'confirmed' }, from: isaiah },
        { verb: 'fraud.qualify', data: { id, round: roundMs, outcome: 'not-confirmed' }, from: noa },
      ]);
      const stored = await app().fraudSignals.get(id);
      const winner = stored?.state === 'confirmed' ? isaiah : noa;
      const [won, lostText] = winner === isaiah ? [byIsaiah, byNoa] : [byNoa, byIsaiah];
      expect(stored?.qualification?.by).toBe(winner.aadObjectId);
      expect(stored?.revision).toBe((signal?.revision ?? 0) + 1);
      expect(won).toContain('Qualification enregistrée');
      expect(lostText).toContain(`Déjà qualifié par ${winner.name}`);
      const qualified = (await app().audit.listMonth('2026-11', { entityId: id, limit: 1000 })).filter((entry) => entry.action === 'fraud.qualify');
      expect(qualified).toHaveLength(1);
      // Both clicks listed an outcome card for the author before writing: only the winner's goes out.
      await harness.bot.sharedCards.settle();
      await harness.bot.sharedCards.resume();
      const outcomes = cardsSentTo(harness, adele).filter((text) => text.includes(`Qualification de votre signalement ${id}`));
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]).toContain(`Qualifié par ${winner.name}`);
      if (qualified.length === 0 || outcomes.length === 0) lost += 1;
      duplicates += Math.max(0, qualified.length - 1) + Math.max(0, outcomes.length - 1);
    }
    recordReliabilityRow({
      section: 'faults',
      id: 'concurrent-fraud-qualifications',
      what: 'Two fraud referents qualify the same signal at the same moment (confirmed / not confirmed)',
      cases: rounds,
      lost,
      duplicates,
      recoveryMs: null,
      outcome: 'one qualification written (ETag) and audited; the other referent reads « Déjà qualifié par <nom> … »; the author gets one card, with the winner’s outcome',
    });
  });
});
