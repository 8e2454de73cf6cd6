import { adele, alex, cardActionActivity, installActivity, isaiah, lynne, megan, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { cardTexts } from '../support/card-validation';
import { movableClock, testConnectionString } from '../support/test-storage';

const monday = '2026-11-23T09:00:00.000Z'; // 10:00 in Paris
/** A second fraud referent, added to the test directory: two people may qualify at the same moment. */
const noa = { id: 'user-id-31', aadObjectId: '00000000-0000-0000-0000-0000000000031', name: 'Noa Référente' };
type InvokeBody = { value: unknown };

const form = {
  service: 'BMI',
  titleType: 'titre-sejour',
  nature: 'faux-bulletin-salaire',
  detectedOn: '2026-11-20',
  fileReference: '2026-BMI-00412',
  description: 'Bulletins de salaire d’une entreprise radiée, mise en page incohérente',
  article40: 'false',
  article40On: '',
};

describe('fraud signals: reported by an agent, qualified by a referent on a shared card', () => {
  let harness: BotHarness;
  const clock = movableClock(monday);

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), clock);
    await harness.bot.app.people.create({ id: noa.aadObjectId, name: noa.name, service: 'SG', roles: ['agent', 'fraud-referent'], toAssign: false, createdAt: monday });
    for (const person of [alex, megan, adele, lynne, isaiah, noa]) await harness.post(installActivity(harness.connector.url, person));
  });
  afterAll(() => harness.stop());

  const app = () => harness.bot.app;
  const click = async (verb: string, data: Record<string, unknown>, from: { id: string; aadObjectId: string; name: string }) => {
    clock.advance(1_000);
    const response = await harness.post(cardActionActivity(harness.connector.url, verb, data, from));
    return { status: response.status, card: (response.body as InvokeBody).value, text: cardTexts((response.body as InvokeBody).value).join('\n') };
  };
  const say = async (text: string, from: { id: string; aadObjectId: string; name: string }) => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, text, from));
    const last = harness.connector.sent.at(-1);
    return [last?.text ?? '', ...cardTexts(last?.attachments?.[0]?.content)].filter(Boolean).join('\n');
  };
  const cardsTo = (person: { id: string }) =>
    harness.connector.sent.filter((activity) => activity.conversationId === `personal-chat-${person.id}`).flatMap((a) => (a.attachments ?? []).map((x) => x.content));
  const fraudAudit = async () => (await app().audit.listMonth('2026-11', { limit: 1000 })).filter((entry) => entry.action.startsWith('fraud.'));

  it('refuses free text holding personal data, a detection date in the future and an unknown service, writing nothing', async () => {
    const phone = await click('fraud.submit', { ...form, description: 'Employeur joint au 06 12 34 56 78' }, adele);
    expect(phone.text).toContain('Ce texte semble contenir un numéro de téléphone');
    expect(JSON.stringify(phone.card)).toContain('Employeur joint au 06 12 34 56 78'); // the value typed is kept
    const mail = await click('fraud.submit', { ...form, fileReference: 'dossier de jean.dupont@example.fr' }, adele);
    expect(mail.text).toContain('une adresse e-mail');
    const future = await click('fraud.submit', { ...form, detectedOn: '2026-11-24', service: 'SGCD' }, adele);
    expect(future.text).toContain('La date de détection ne peut pas être dans le futur.');
    expect(future.text).toContain('Choisissez le service concerné dans la liste.');
    expect(await app().fraudSignals.listYear(2026)).toEqual([]);
    expect(await app().fraudSignals.listByAuthor(adele.aadObjectId)).toEqual([]);
    expect(await fraudAudit()).toEqual([]);
    expect(await app().sharedCards.needingWork()).toEqual([]);
  });

  it('stores a signal, confirms it to the author, and sends the qualification card to every fraud referent', async () => {
    harness.connector.clear();
    const submitted = await click('fraud.submit', form, adele);
    expect(submitted.text).toContain('Signalement BMI-2026-0001 enregistré. Transmis pour qualification à : Isaiah Langer, Noa Référente.');
    expect(submitted.text).not.toContain('Confirmer');
    await harness.bot.sharedCards.settle();
    for (const referent of [isaiah, noa]) {
      const [card] = cardsTo(referent);
      expect(cardTexts(card).join('\n')).toContain('Signalement à qualifier — BMI-2026-0001');
      expect(cardTexts(card)).toEqual(expect.arrayContaining(['Confirmer', 'Non confirmée', 'À compléter']));
    }
    expect(cardsTo(alex)).toHaveLength(0);
    expect(cardsTo(megan)).toHaveLength(0);
    const stored = await harness.bot.app.store.table('FraudSignals').getEntity('BMI|2026', 'BMI-2026-0001');
    expect(stored.state).toBe('submitted');
    const audit = await fraudAudit();
    expect(audit.filter((entry) => entry.action === 'fraud.submit')).toHaveLength(1);
    // Sending the card to each referent is a read by someone other than the author.
    expect(audit.filter((entry) => entry.action === 'fraud.read').map((entry) => entry.actorId).sort()).toEqual([noa.aadObjectId, isaiah.aadObjectId].sort());
  });

  it('records exactly one qualification when two referents click at the same moment; the other sees it', async () => {
    const round = Date.parse((await app().fraudSignals.get('BMI-2026-0001'))?.submittedAt ?? '');
    harness.connector.clear();
    const [byIsaiah, byNoa] = await Promise.all([
      harness.post(cardActionActivity(harness.connector.url, 'fraud.qualify', { id: 'BMI-2026-0001', round, outcome: 'confirmed' }, isaiah)),
      harness.post(cardActionActivity(harness.connector.url, 'fraud.qualify', { id: 'BMI-2026-0001', round, outcome: 'not-confirmed' }, noa)),
    ]);
    const texts = [byIsaiah, byNoa].map((response) => cardTexts((response.body as InvokeBody).value).join('\n'));
    const signal = await app().fraudSignals.get('BMI-2026-0001');
    expect(signal?.state === 'confirmed' || signal?.state === 'not-confirmed').toBe(true);
    const [won, lost] = signal?.state === 'confirmed' ? texts : [...texts].reverse();
    const winner = signal?.state === 'confirmed' ? 'Isaiah Langer' : 'Noa Référente';
    expect(won).toContain('Qualification enregistrée');
    expect(won).toContain('Adele Vance en est informé(e)');
    expect(lost).toContain(`Déjà qualifié par ${winner}`);
    expect((await fraudAudit()).filter((entry) => entry.action === 'fraud.qualify')).toHaveLength(1);
  });

  it('redraws every referent’s copy with the outcome and tells the author', async () => {
    await harness.bot.sharedCards.settle();
    const signal = await app().fraudSignals.get('BMI-2026-0001');
    const winner = signal?.qualification?.by === isaiah.aadObjectId ? 'Isaiah Langer' : 'Noa Référente';
    const redrawn = harness.connector.updated.filter((update) => [isaiah, noa].some((p) => update.conversationId === `personal-chat-${p.id}`));
    expect(redrawn.length).toBeGreaterThanOrEqual(2);
    for (const update of redrawn) {
      const texts = cardTexts(update.attachments?.[0]?.content);
      expect(texts.join('\n')).toContain(`Qualifié par ${winner}`);
      expect(texts).not.toContain('Confirmer');
    }
    const toAuthor = cardsTo(adele).map((card) => cardTexts(card).join('\n'));
    expect(toAuthor.some((text) => text.includes('Qualification de votre signalement BMI-2026-0001') && text.includes(`Qualifié par ${winner}`))).toBe(true);
  });

  it('sends a question back to the author, refuses an answer with personal data, and starts a new round on a clean answer', async () => {
    const second = await click('fraud.submit', { ...form, detectedOn: '2026-11-21', fileReference: '2026-BMI-00418' }, adele);
    expect(second.text).toContain('Signalement BMI-2026-0002 enregistré');
    await harness.bot.sharedCards.settle();
    const first = await app().fraudSignals.get('BMI-2026-0002');
    const firstRound = Date.parse(first?.submittedAt ?? '');
    const asked = await click('fraud.qualify', { id: 'BMI-2026-0002', round: firstRound, outcome: 'to-complete', question: 'Le bulletin d’avril est-il aussi au dossier ?' }, isaiah);
    expect(asked.text).toContain('Qualification enregistrée : à compléter par l’auteur.');
    harness.connector.clear();
    await harness.bot.sharedCards.settle();
    const outcome = cardsTo(adele).map((card) => cardTexts(card));
    expect(outcome.some((texts) => texts.join('\n').includes('Le bulletin d’avril est-il aussi au dossier ?') && texts.includes('Répondre'))).toBe(true);

    const questionRound = Date.parse((await app().fraudSignals.get('BMI-2026-0002'))?.qualification?.at ?? '');
    const refused = await click('fraud.answer', { id: 'BMI-2026-0002', round: questionRound, answer: 'Oui ; le demandeur est né le 12/03/1985' }, adele);
    expect(refused.text).toContain('une date de naissance');
    expect(await app().fraudSignals.get('BMI-2026-0002')).toMatchObject({ state: 'to-complete', revision: 1 });

    harness.connector.clear();
    const answered = await click('fraud.answer', { id: 'BMI-2026-0002', round: questionRound, answer: 'Oui, avec la même anomalie de mise en page.' }, adele);
    expect(answered.text).toContain('Réponse envoyée. Le signalement revient au référent fraude : Isaiah Langer, Noa Référente.');
    await harness.bot.sharedCards.settle();
    const fresh = cardsTo(isaiah).map((card) => cardTexts(card));
    expect(fresh.some((texts) => texts.join('\n').includes('Oui, avec la même anomalie') && texts.includes('Confirmer'))).toBe(true);
    const stale = await click('fraud.qualify', { id: 'BMI-2026-0002', round: firstRound, outcome: 'confirmed' }, noa);
    expect(stale.text).toContain('Cette carte n’est plus à jour');
    expect(await app().fraudSignals.get('BMI-2026-0002')).toMatchObject({ state: 'submitted', revision: 2 });
  });

  it('audits the quality officer opening someone’s signal, and not the author opening her own', async () => {
    const before = (await fraudAudit()).filter((entry) => entry.action === 'fraud.read').length;
    expect(await say('signalement BMI-2026-0001', adele)).toContain('Signalement BMI-2026-0001');
    expect((await fraudAudit()).filter((entry) => entry.action === 'fraud.read')).toHaveLength(before);
    expect(await say('signalement bmi-2026-1', alex)).toContain('Signalement BMI-2026-0001');
    const reads = (await fraudAudit()).filter((entry) => entry.action === 'fraud.read');
    expect(reads).toHaveLength(before + 1);
    expect(reads[0]).toMatchObject({ actorId: alex.aadObjectId, entityType: 'fraud-signal', entityId: 'BMI-2026-0001', after: { via: 'command' } });
  });

  it('answers someone who may not see a signal exactly as for a number that does not exist, and writes nothing', async () => {
    const auditBefore = (await fraudAudit()).length;
    const hidden = await say('signalement BMI-2026-0001', megan);
    const missing = await say('signalement BMI-2026-0099', megan);
    expect(hidden.replace('BMI-2026-0001', '<n>')).toBe(missing.replace('BMI-2026-0099', '<n>'));
    expect(hidden).toContain('Aucun signalement BMI-2026-0001 ne vous est accessible');
    const opened = await click('fraud.open', { id: 'BMI-2026-0001' }, lynne);
    const qualified = await click('fraud.qualify', { id: 'BMI-2026-0002', round: 0, outcome: 'confirmed' }, megan);
    const nowhere = await click('fraud.qualify', { id: 'BMI-2026-0098', round: 0, outcome: 'confirmed' }, megan);
    expect(opened.text).toBe(missing.replace('BMI-2026-0099', 'BMI-2026-0001'));
    expect(qualified.text.replace('BMI-2026-0002', '<n>')).toBe(nowhere.text.replace('BMI-2026-0098', '<n>'));
    expect((await fraudAudit()).length).toBe(auditBefore);
    expect(await say('mes signalements', megan)).toContain('Vous n’avez encore signalé aucune fraude');
    const mine = await say('mes signalements', adele);
    expect(mine).toContain('BMI-2026-0001');
    expect(mine).toContain('BMI-2026-0002');
  });
});
