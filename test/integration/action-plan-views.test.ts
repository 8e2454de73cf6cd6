import { seedDemo, type SeedReport } from '../../services/demo/seed-demo';
import { adele, alex, cardActionActivity, installActivity, lynne, megan, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { cardTexts } from '../support/card-validation';
import { movableClock, testConnectionString } from '../support/test-storage';

const monday = '2026-11-23T09:00:00.000Z'; // 10:00 in Paris, in 2026-Q4
type InvokeBody = { value: unknown };
type Person = { id: string; aadObjectId: string };
type Button = { title: string; verb: string; data: Record<string, unknown> };

/** Every Action.Execute of a card, with its title and data. */
function buttonsOf(card: unknown): Button[] {
  if (Array.isArray(card)) return card.flatMap(buttonsOf);
  if (!card || typeof card !== 'object') return [];
  const record = card as Record<string, unknown>;
  const own = record.type === 'Action.Execute' ? [{ title: String(record.title), verb: String(record.verb), data: (record.data ?? {}) as Record<string, unknown> }] : [];
  return [...own, ...Object.values(record).flatMap(buttonsOf)];
}

/** The value of the input with this id. */
function inputValue(card: unknown, id: string): unknown {
  if (Array.isArray(card)) return card.map((part) => inputValue(part, id)).find((value) => value !== undefined);
  if (!card || typeof card !== 'object') return undefined;
  const record = card as Record<string, unknown>;
  if (record.id === id && typeof record.type === 'string' && record.type.startsWith('Input.')) return record.value;
  return Object.values(record)
    .map((part) => inputValue(part, id))
    .find((value) => value !== undefined);
}

describe('action plan: the list per role, proposals and one-click actions from a check problem', () => {
  let harness: BotHarness;
  let firstSeed: SeedReport;
  const clock = movableClock(monday);

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), clock, {}, { seed: false });
    firstSeed = await seedDemo(harness.bot.app);
    for (const person of [alex, megan, adele, lynne]) await harness.post(installActivity(harness.connector.url, person));
  });
  afterAll(() => harness.stop());

  /** The card a chat message gets back. */
  const ask = async (text: string, from: Person) => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, text, from));
    const card = harness.connector.cards().at(-1);
    return { card, text: cardTexts(card).join('\n') };
  };
  /** The card a button click gets back. */
  const click = async (verb: string, data: Record<string, unknown>, from: Person) => {
    clock.advance(1_000); // history rows sort by instant
    const response = await harness.post(cardActionActivity(harness.connector.url, verb, data, from));
    const card = (response.body as InvokeBody).value;
    return { card, text: cardTexts(card).join('\n') };
  };
  const cardsTo = (person: { id: string }) =>
    harness.connector.sent.filter((activity) => activity.conversationId === `personal-chat-${person.id}`).flatMap((a) => (a.attachments ?? []).map((x) => x.content));
  const lineIds = (card: unknown) => buttonsOf(card).filter((button) => button.verb === 'action.open').map((button) => button.data.id);
  const count = async () => (await harness.bot.app.actions.list()).length;

  it('seeds the demo plan: the seed’s twelve 2021 rows and this year’s seven', () => {
    expect(firstSeed.actionsAdded).toBe(19);
  });

  it('shows the quality officer the whole plan as it stands, with the counts and « Nouvelle action »', async () => {
    const { card, text } = await ask('plan d’action', alex);
    expect(text).toContain('Plan d’action — Toutes les actions');
    expect(text).toContain('4 ouvertes · 1 en retard · 1 à valider · 1 proposition');
    expect(lineIds(card)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    expect(text).toContain('En cours — en retard');
    expect(text).toContain('Camille Martin');
    expect(buttonsOf(card).filter((button) => button.verb !== 'action.open')).toEqual([{ title: 'Nouvelle action', verb: 'action.proposeForm', data: {} }]);
  });

  it('applies the filter words, says which it understood and which it did not', async () => {
    const late = await ask("plan d'action en retard", alex);
    expect(late.text).toContain('Filtres : en retard');
    expect(lineIds(late.card)).toEqual(['2026-02']);
    const year = await ask('plan 2021', alex);
    expect(lineIds(year.card)).toHaveLength(12);
    const odd = await ask('actions urgent BMI', alex);
    expect(odd.text).toContain('Mots non compris : urgent.');
    expect(odd.text).toContain('Filtres : BMI');
    expect(lineIds(odd.card)).toEqual(['2026-01', '2026-04', '2026-05']);
  });

  it('scopes a manager to their service and an agent to their own actions', async () => {
    const bmi = await ask('plan d’action', megan);
    expect(bmi.text).toContain('Plan d’action — Service BMI');
    expect(lineIds(bmi.card)).toEqual(['2026-01', '2026-04', '2026-05']);
    const own = await ask('mes actions', adele);
    expect(own.text).toContain('Plan d’action — Vos actions');
    expect(lineIds(own.card)).toEqual(['2026-01', '2026-05']);
    const cert = await ask('plan à valider', lynne);
    expect(cert.text).toContain('Aucune action ne correspond.');
    expect((await ask('action 2026-03', lynne)).text).toContain('Action 2026-03'); // « action » is still the single action
  });

  it('refuses a proposal with errors next to the fields, keeps what was typed and writes nothing', async () => {
    const before = await count();
    const form = await ask('nouvelle action', adele);
    expect(form.text).toContain('Nouvelle action');
    expect(inputValue(form.card, 'ownerId')).toBe(adele.aadObjectId);
    const refused = await click('action.propose', { finding: ' ', action: 'Déplacer la boîte', sources: '', deadline: '2020-01-01', services: 'XYZ' }, adele);
    expect(refused.text).toContain('Rien n’a été enregistré');
    expect(refused.text).toContain('Indiquez le constat.');
    expect(refused.text).toContain('Indiquez la source du constat');
    expect(refused.text).toContain('L’échéance ne peut pas être dans le passé');
    expect(refused.text).toContain('Service « XYZ » inconnu.');
    expect(inputValue(refused.card, 'action')).toBe('Déplacer la boîte');
    const unreadable = await click('action.propose', { finding: ['pas', 'un texte'], action: 'Déplacer la boîte' }, adele);
    expect(unreadable.text).toContain('illisibles');
    expect(inputValue(unreadable.card, 'action')).toBe('Déplacer la boîte');
    expect(await count()).toBe(before);
  });

  it('sends an agent’s proposal to the quality officer, who accepts it from the card he receives', async () => {
    harness.connector.clear();
    const proposal = {
      finding: 'Boîte à suggestions peu visible dans le hall',
      action: 'Placer l’urne à la sortie des usagers',
      references: 'E3 § 3-1',
      sources: 'enquete-satisfaction',
      services: 'BMI',
      ownerId: adele.aadObjectId,
    };
    const proposed = await click('action.propose', proposal, adele);
    expect(proposed.text).toContain('Action 2026-08 proposée : le responsable qualité l’examinera.');
    expect(await harness.bot.app.actions.get('2026-08')).toMatchObject({ state: 'proposed', createdBy: adele.aadObjectId, references: ['E3 § 3-1'] });
    expect((await harness.bot.app.actions.history('2026-08')).map((entry) => entry.action)).toEqual(['action.propose']);
    expect(await harness.bot.app.audit.listMonth('2026-11', { entityId: '2026-08' })).toHaveLength(1);
    await harness.bot.sharedCards.settle();
    const [toAlex] = cardsTo(alex);
    expect(cardTexts(toAlex)).toEqual(expect.arrayContaining(['Action 2026-08', 'Inscrire au plan', 'Refuser la proposition']));
    expect(cardsTo(megan)).toHaveLength(0);

    const accept = buttonsOf(toAlex).find((button) => button.data.step === 'accept');
    const accepted = await click('action.transition', { ...accept?.data, acceptDeadline: '2027-01-29' }, alex);
    expect(accepted.text).toContain('Prévue');
    expect(await harness.bot.app.actions.get('2026-08')).toMatchObject({ state: 'planned', deadline: '2027-01-29' });
    await harness.bot.sharedCards.settle();
    const redrawn = harness.connector.updated.filter((update) => update.conversationId === `personal-chat-${alex.id}`);
    expect(redrawn.map((update) => cardTexts(update.attachments?.[0]?.content).join('\n'))).toEqual([expect.not.stringContaining('Inscrire au plan')]);
  });

  it('lets the quality officer write straight into the plan with a deadline, or keep a proposal without one', async () => {
    harness.connector.clear();
    const base = { finding: 'Plaquette d’accueil à refaire', action: 'Refaire la plaquette', sources: 'contexte-local', services: 'BREC,SGCD' };
    const planned = await click('action.propose', { ...base, deadline: '2027-02-15' }, alex);
    expect(planned.text).toContain('Action 2026-09 inscrite au plan.');
    expect(await harness.bot.app.actions.get('2026-09')).toMatchObject({ state: 'planned', services: ['BREC', 'SGCD'], ownerId: alex.aadObjectId });
    expect((await harness.bot.app.actions.history('2026-09')).map((entry) => entry.action)).toEqual(['action.create']);
    const kept = await click('action.propose', base, alex);
    expect(kept.text).toContain('Action 2026-10 proposée : inscrivez-la au plan en fixant son échéance.');
    expect(kept.text).toContain('Inscrire au plan');
    await harness.bot.sharedCards.settle();
    expect(harness.connector.sent).toHaveLength(0);
  });

  it('turns a « Problème » answer into a proposal in one click, and a second click opens it', async () => {
    const ref = { itemId: 'ETRANGERS-DELAIS', quarter: '2026-Q4' };
    const answered = await click('check.answer', { ...ref, answer: 'problem', problem: 'Délais du T3 non publiés sur le site' }, megan);
    expect(answered.text).toContain('Problème signalé');
    expect(buttonsOf(answered.card).map((button) => button.title)).toContain('Créer une action');
    expect(buttonsOf((await click('check.open', ref, lynne)).card).map((button) => button.title)).not.toContain('Créer une action');
    expect(buttonsOf((await click('check.open', ref, alex)).card).map((button) => button.title)).toContain('Créer une action');
    expect((await click('action.fromCheck', ref, lynne)).text).toContain('Seuls le responsable du contrôle');

    harness.connector.clear();
    const created = await click('action.fromCheck', ref, megan);
    expect(created.text).toContain('Action 2026-11 proposée : le responsable qualité l’examinera.');
    expect(await harness.bot.app.actions.get('2026-11')).toMatchObject({
      state: 'proposed',
      finding: 'Délais moyens des titres de séjour : Délais du T3 non publiés sur le site',
      references: ['E.32'],
      sources: ['controle-trimestriel'],
      services: ['BMI'],
      ownerId: megan.aadObjectId,
      origin: { kind: 'check', checkItemId: ref.itemId, quarter: ref.quarter },
    });
    await harness.bot.sharedCards.settle();
    expect(cardTexts(cardsTo(alex)[0])).toEqual(expect.arrayContaining(['Action 2026-11', 'Inscrire au plan']));

    const before = await count();
    const again = await click('action.fromCheck', ref, alex);
    expect(again.text).toContain('Une action existe déjà pour ce contrôle : 2026-11.');
    expect(await count()).toBe(before);
    const check = await click('check.open', ref, megan);
    expect(check.text).toContain('Action 2026-11 ouverte');
    expect(buttonsOf(check.card)).toEqual([{ title: 'Ouvrir', verb: 'action.open', data: { id: '2026-11' } }]);
  });

  it('makes one action when « Créer une action » is clicked twice at the same moment', async () => {
    const ref = { itemId: 'WEB-HORAIRES', quarter: '2026-Q4' };
    await click('check.answer', { ...ref, answer: 'problem', problem: 'Horaires du samedi absents du site' }, alex);
    const before = await count();
    const [first, second] = await Promise.all([click('action.fromCheck', ref, alex), click('action.fromCheck', ref, alex)]);
    expect(await count()).toBe(before + 1);
    const texts = [first.text, second.text];
    expect(texts.filter((text) => /Action 2026-\d+ proposée/.test(text))).toHaveLength(1);
    expect(texts.some((text) => text.includes('Une action existe déjà') || text.includes('en cours de création'))).toBe(true);
  });

  it('shows the demo’s action on the check it came from once the problem is answered', async () => {
    const answered = await click('check.answer', { itemId: 'POINT-NUMERIQUE', quarter: '2026-Q4', answer: 'problem', problem: 'Affiche toujours absente' }, adele);
    expect(answered.text).toContain('Action 2026-05 ouverte (proposée).');
    expect(buttonsOf(answered.card).map((button) => button.title)).toEqual(['Ouvrir']);
  });

  it('seeds nothing a second time and keeps what changed since', async () => {
    const before = await count();
    expect(await seedDemo(harness.bot.app)).toMatchObject({ actionsAdded: 0, peopleAdded: 0 });
    expect(await count()).toBe(before);
    expect(await harness.bot.app.actions.get('2026-08')).toMatchObject({ state: 'planned' });
  });
});
