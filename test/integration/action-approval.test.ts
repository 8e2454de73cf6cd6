import { adele, alex, cardActionActivity, installActivity, lynne, megan, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { cardTexts } from '../support/card-validation';
import { createBmiAction } from '../support/fault-kit';
import { movableClock, testConnectionString } from '../support/test-storage';

const monday = '2026-11-23T09:00:00.000Z'; // 10:00 in Paris
type InvokeBody = { value: unknown };

describe('action plan: closure approved in chat on a shared card', () => {
  let harness: BotHarness;
  const clock = movableClock(monday);

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), clock);
    for (const person of [alex, megan, adele, lynne]) await harness.post(installActivity(harness.connector.url, person));
  });
  afterAll(() => harness.stop());

  const create = async (finding: string) => createBmiAction(harness.bot.app, finding, clock.now());
  const click = async (data: Record<string, unknown>, from = adele) => {
    clock.advance(1_000); // history entries sort by instant
    const response = await harness.post(cardActionActivity(harness.connector.url, 'action.transition', data, from));
    return { status: response.status, card: (response.body as InvokeBody).value, text: cardTexts((response.body as InvokeBody).value).join('\n') };
  };
  const cardsTo = (person: { id: string }) =>
    harness.connector.sent.filter((activity) => activity.conversationId === `personal-chat-${person.id}`).flatMap((a) => (a.attachments ?? []).map((x) => x.content));

  it('shows the owner what they may do, and a manager of another service a read-only card', async () => {
    const item = await create('Boîte à suggestions peu visible');
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, 'action 2026-1', adele));
    const own = cardTexts(harness.connector.cards().at(-1)).join('\n');
    expect(own).toContain('Action 2026-01');
    expect(own).toContain('Déclarer réalisée');
    await harness.post(messageActivity(harness.connector.url, `action ${item.id}`, lynne));
    const other = cardTexts(harness.connector.cards().at(-1)).join('\n');
    expect(other).toContain('aucune opération ne vous revient');
    expect(other).not.toContain('Déclarer réalisée');
  });

  it('refuses a closure without the effectiveness check, writing nothing', async () => {
    const refused = await click({ id: '2026-01', revision: 0, step: 'mark-done', verification: '  ', effective: 'oui' });
    expect(refused.text).toContain('vérification de l’efficacité');
    expect(await harness.bot.app.actions.get('2026-01')).toMatchObject({ state: 'in-progress', revision: 0 });
    expect(await harness.bot.app.actions.history('2026-01')).toHaveLength(1);
  });

  it('sends the approval card to BMI’s manager and the quality officer when the owner marks it done', async () => {
    harness.connector.clear();
    const done = await click({ id: '2026-01', revision: 0, step: 'mark-done', verification: '12 suggestions reçues en un mois', effective: 'oui' });
    expect(done.text).toContain('Envoyée pour validation à : Alex Wilber, Megan Bowen');
    expect(done.text).not.toContain('Approuver la clôture'); // the owner does not approve their own work
    await harness.bot.sharedCards.settle();
    for (const approver of [megan, alex]) {
      const [card] = cardsTo(approver);
      expect(cardTexts(card).join('\n')).toContain('Clôture à valider — action 2026-01');
      expect(cardTexts(card)).toContain('Approuver la clôture');
      expect((card as { refresh?: { userIds?: string[] } }).refresh?.userIds).toEqual(expect.arrayContaining([megan.aadObjectId, alex.aadObjectId]));
    }
    expect(cardsTo(lynne)).toHaveLength(0);
  });

  it('refuses the approval of someone who is not an approver', async () => {
    const byOwner = await click({ id: '2026-01', revision: 1, step: 'approve' }, adele);
    expect(byOwner.text).toContain('Seuls les encadrants des services concernés');
    const byOtherManager = await click({ id: '2026-01', revision: 1, step: 'approve' }, lynne);
    expect(byOtherManager.text).toContain('Seuls les encadrants des services concernés');
    expect(await harness.bot.app.actions.get('2026-01')).toMatchObject({ state: 'awaiting-approval', revision: 1 });
  });

  it('records exactly one decision when two approvers click at the same moment; the other sees it', async () => {
    harness.connector.clear();
    const [byMegan, byAlex] = await Promise.all([
      click({ id: '2026-01', revision: 1, step: 'approve', approveComment: 'Vu en réunion de service' }, megan),
      click({ id: '2026-01', revision: 1, step: 'reject', rejectReason: 'Il manque la photo' }, alex),
    ]);
    const item = await harness.bot.app.actions.get('2026-01');
    const decisions = (await harness.bot.app.actions.history('2026-01')).filter((entry) => entry.action === 'action.approve' || entry.action === 'action.reject');
    expect(decisions).toHaveLength(1);
    const winner = item?.decision?.outcome === 'approved' ? { won: byMegan, lost: byAlex, phrase: 'Déjà approuvée par Megan Bowen' } : { won: byAlex, lost: byMegan, phrase: 'Clôture déjà refusée par Alex Wilber' };
    expect(winner.won.text).toMatch(/Clôture (approuvée|refusée)/);
    expect(winner.lost.text).toContain(winner.phrase);
  });

  it('redraws every sent copy with the decision and tells the owner', async () => {
    await harness.bot.sharedCards.settle();
    const item = await harness.bot.app.actions.get('2026-01');
    const decided = item?.decision?.outcome === 'approved' ? 'Approuvée par Megan Bowen' : 'Clôture refusée par Alex Wilber';
    const redrawn = harness.connector.updated.filter((update) => [megan, alex].some((p) => update.conversationId === `personal-chat-${p.id}`));
    expect(redrawn.length).toBeGreaterThanOrEqual(2);
    for (const update of redrawn) {
      const texts = cardTexts(update.attachments?.[0]?.content).join('\n');
      expect(texts).toContain(decided);
      expect(texts).not.toContain('Approuver la clôture');
    }
    const toOwner = cardsTo(adele).map((card) => cardTexts(card).join('\n'));
    expect(toOwner.some((text) => text.includes('Décision sur l’action 2026-01') && text.includes(decided))).toBe(true);
  });

  it('answers a second click with the recorded decision and changes nothing', async () => {
    const before = await harness.bot.app.actions.get('2026-01');
    const again = await click({ id: '2026-01', revision: 1, step: 'approve' }, megan);
    expect(again.text).toMatch(/Déjà approuvée par|Clôture déjà refusée par/);
    expect(await harness.bot.app.actions.get('2026-01')).toMatchObject({ revision: before?.revision, state: before?.state });
  });

  it('processes a replayed invoke once', async () => {
    const item = await create('Affichage des horaires incomplet');
    const activity = cardActionActivity(harness.connector.url, 'action.transition', { id: item.id, revision: 0, step: 'update-progress', progressNote: 'Devis demandé' }, adele);
    clock.advance(1_000);
    const first = await harness.post(activity);
    const replay = await harness.post(activity);
    expect(cardTexts((first.body as InvokeBody).value).join('\n')).toContain('Enregistré.');
    expect(cardTexts((replay.body as InvokeBody).value).join('\n')).not.toContain('Enregistré.');
    expect(await harness.bot.app.actions.get(item.id)).toMatchObject({ revision: 1, progress: 'Devis demandé' });
  });

  it('refuses a stale card: the item changed since it was drawn', async () => {
    const stale = await click({ id: '2026-02', revision: 0, step: 'update-progress', progressNote: 'autre chose' });
    expect(stale.text).toContain('a changé depuis l’affichage de cette carte');
    expect(await harness.bot.app.actions.get('2026-02')).toMatchObject({ revision: 1, progress: 'Devis demandé' });
  });

  it('puts a rejected closure back in progress with the reason; marking it done again opens a new round', async () => {
    await click({ id: '2026-02', revision: 1, step: 'mark-done', verification: 'Affiche refaite', effective: 'oui' });
    clock.advance(60_000);
    const rejected = await click({ id: '2026-02', revision: 2, step: 'reject', rejectReason: 'Les horaires du samedi manquent' }, megan);
    expect(rejected.text).toContain('Clôture refusée : l’action revient « en cours »');
    expect(await harness.bot.app.actions.get('2026-02')).toMatchObject({ state: 'in-progress', decision: { outcome: 'rejected', comment: 'Les horaires du samedi manquent' } });
    await harness.bot.sharedCards.settle();
    harness.connector.clear();
    clock.advance(60_000);
    await click({ id: '2026-02', revision: 3, step: 'mark-done', verification: 'Affiche refaite avec le samedi', effective: 'oui' });
    await harness.bot.sharedCards.settle();
    expect(cardsTo(megan).map((card) => cardTexts(card).join('\n'))).toEqual([expect.stringContaining('Approuver la clôture')]);
    const history = await harness.bot.app.actions.history('2026-02');
    expect(history.map((entry) => entry.action)).toEqual(['action.mark-done', 'action.reject', 'action.mark-done', 'action.update-progress', 'action.create']);
  });

  it('shows the history of an action, newest first, with the reasons given', async () => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, 'historique 2026-02', lynne));
    const texts = cardTexts(harness.connector.cards().at(-1));
    const whats = texts.filter((text) => text.startsWith('**')).map((text) => text.replace(/\*\*(.*)\*\*.*/, '$1'));
    expect(whats).toEqual(['Déclarée réalisée', 'Clôture refusée', 'Déclarée réalisée', 'Avancement noté', 'Création']);
    expect(texts).toContain('Les horaires du samedi manquent');
    await harness.post(messageActivity(harness.connector.url, 'historique 2099-01', lynne));
    expect(cardTexts(harness.connector.cards().at(-1)).join('\n')).toContain('Aucune action ne porte le numéro 2099-01');
  });

  it('reminds the owner of an open action before its deadline through the sweep, with a button to open it', async () => {
    const item = await create('Plaquette d’accueil à mettre à jour');
    harness.connector.clear();
    // 2026-12-15 minus 14 working days is 2026-11-25: the stage is reached on Wednesday morning.
    const report = await harness.bot.reminders.runOnce(new Date('2026-11-25T09:00:00.000Z'));
    expect(report.planned).toBeGreaterThan(0);
    const toAdele = cardsTo(adele).map((card) => cardTexts(card).join('\n'));
    expect(toAdele.some((text) => text.includes(item.id) && text.includes('Voir l’action'))).toBe(true);
  });

  it('finishes at the next sweep the approval cards a crash left unsent, and drops those of a round that never happened', async () => {
    const app = harness.bot.app;
    const item = await create('Message téléphonique à réenregistrer');
    // The state a crash leaves between the two writes of « Déclarer réalisée »: copies listed, item marked done, nothing sent.
    const submittedAt = clock.now().toISOString();
    const next = { ...item, state: 'awaiting-approval' as const, verification: 'Message réenregistré', effective: true, submittedAt, submittedBy: adele.aadObjectId, revision: 1 };
    await app.sharedCards.addRecipients(`action-approval|${item.id}|${Date.parse(submittedAt)}`, [megan.aadObjectId], submittedAt);
    await app.actions.update(item, next, { actorId: adele.aadObjectId, action: 'action.mark-done', entityType: 'action', entityId: item.id }, clock.now());
    // And copies listed for a round whose write lost the race.
    const never = `action-approval|${item.id}|${Date.parse(submittedAt) - 5_000}`;
    await app.sharedCards.addRecipients(never, [megan.aadObjectId], submittedAt);
    harness.connector.clear();

    await harness.bot.reminders.runOnce(clock.now());
    const toMegan = cardsTo(megan).map((card) => cardTexts(card).join('\n')).filter((text) => text.includes(`Clôture à valider — action ${item.id}`));
    expect(toMegan).toHaveLength(1);
    expect(await app.sharedCards.list(never)).toEqual([expect.objectContaining({ status: 'dropped' })]);
    expect(await app.sharedCards.needingWork()).toEqual([]);
  });
});
