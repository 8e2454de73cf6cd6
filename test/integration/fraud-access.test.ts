import { roundOf } from '../../services/fraud/fraud-signal';
import { questionRoundOf } from '../../services/fraud/fraud-rules';
import { adele, alex, cardActionActivity, installActivity, isaiah, lynne, megan, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { cardTexts } from '../support/card-validation';
import { movableClock, testConnectionString } from '../support/test-storage';

const monday = '2026-11-23T09:00:00.000Z';
type Account = { id: string; aadObjectId: string; name: string };
type InvokeBody = { value: unknown };

const louis: Account = { id: 'user-id-104', aadObjectId: '00000000-0000-0000-0000-0000000000104', name: 'Louis Thomas' };
const patti: Account = { id: 'user-id-4', aadObjectId: '00000000-0000-0000-0000-0000000000024', name: 'Patti Fernandez' };
const stranger: Account = { id: 'user-id-777', aadObjectId: '00000000-0000-0000-0000-0000000000777', name: 'Camille Inconnue' };

/** Every role of the access matrix, with who plays it in the demo directory. */
const roles = {
  'agent, author': adele,
  'agent, not the author': louis,
  'manager of the service (BMI)': megan,
  'manager of another service (CERT)': lynne,
  'quality officer': alex,
  'fraud referent': isaiah,
  administrator: patti,
  'person unknown to the directory': stranger,
} satisfies Record<string, Account>;
type RoleName = keyof typeof roles;
const everyone = Object.keys(roles) as RoleName[];

/** What each person reads: the expected words, and whether the answer must be the one for a missing number. */
type Outcome = { contains: string } | 'not-found';

describe('fraud access matrix: every role × every fraud command and verb', () => {
  let harness: BotHarness;
  const clock = movableClock(monday);
  let submittedRound = 0;
  let questionRound = 0;

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), clock);
    for (const person of Object.values(roles)) await harness.post(installActivity(harness.connector.url, person));
    const base = {
      service: 'BMI' as const,
      titleType: 'titre-sejour' as const,
      nature: 'faux-bulletin-salaire' as const,
      detectedOn: '2026-11-20',
      fileReference: '2026-BMI-00412',
      description: 'Bulletins de salaire d’une entreprise radiée',
      article40: { reported: false },
      authorId: adele.aadObjectId,
      createdAt: monday,
      submittedAt: monday,
      exchanges: [],
      revision: 0,
    };
    const submitted = await harness.bot.app.fraudSignals.create({ ...base, state: 'submitted' });
    const asked = '2026-11-23T08:00:00.000Z';
    const toComplete = await harness.bot.app.fraudSignals.create({
      ...base,
      state: 'to-complete',
      qualification: { by: isaiah.aadObjectId, at: asked, outcome: 'to-complete', question: 'Le bulletin d’avril est-il au dossier ?' },
      exchanges: [{ question: 'Le bulletin d’avril est-il au dossier ?', askedBy: isaiah.aadObjectId, askedAt: asked }],
      revision: 1,
    });
    expect([submitted.id, toComplete.id]).toEqual(['BMI-2026-0001', 'BMI-2026-0002']);
    submittedRound = roundOf(submitted);
    questionRound = questionRoundOf(toComplete);
  });
  afterAll(() => harness.stop());

  const say = async (text: string, from: Account) => {
    harness.connector.clear();
    clock.advance(1_000);
    await harness.post(messageActivity(harness.connector.url, text, from));
    const last = harness.connector.sent.at(-1);
    return [last?.text ?? '', ...cardTexts(last?.attachments?.[0]?.content)].filter(Boolean).join('\n');
  };
  const click = async (verb: string, data: Record<string, unknown>, from: Account) => {
    clock.advance(1_000);
    const response = await harness.post(cardActionActivity(harness.connector.url, verb, data, from));
    return cardTexts((response.body as InvokeBody).value).join('\n');
  };
  /** Checks an answer; 'not-found' must be word for word the answer to a number that does not exist. */
  const expectOutcome = (got: string, outcome: Outcome, missing: string, id: string) => {
    if (outcome === 'not-found') expect(got.replaceAll(id, '<n>')).toBe(missing.replaceAll('BMI-2026-0999', '<n>'));
    else expect(got).toContain(outcome.contains);
  };
  const readers: RoleName[] = ['agent, author', 'quality officer', 'fraud referent'];
  const reserved = { contains: 'Commande réservée' };

  it.each(everyone)('« signaler une fraude » opens the form for: %s', async (role) => {
    expect(await say('signaler une fraude', roles[role])).toContain('Envoyer le signalement');
  });

  it.each(everyone)('« fraude » for: %s', async (role) => {
    const expected = role === 'quality officer' || role === 'fraud referent' ? { contains: 'Fraude — indicateurs 2026' } : reserved;
    expectOutcome(await say('fraude', roles[role]), expected, '', '');
  });

  it.each(everyone)('« signalement <n> » for: %s', async (role) => {
    const missing = await say('signalement BMI-2026-0999', roles[role]);
    const expected: Outcome = readers.includes(role) ? { contains: 'Signalement BMI-2026-0001' } : 'not-found';
    expectOutcome(await say('signalement BMI-2026-0001', roles[role]), expected, missing, 'BMI-2026-0001');
  });

  it.each(everyone)('the « Voir » button (fraud.open) for: %s', async (role) => {
    const missing = await click('fraud.open', { id: 'BMI-2026-0999' }, roles[role]);
    const expected: Outcome = readers.includes(role) ? { contains: 'Signalement BMI-2026-0001' } : 'not-found';
    expectOutcome(await click('fraud.open', { id: 'BMI-2026-0001' }, roles[role]), expected, missing, 'BMI-2026-0001');
  });

  it.each(everyone)('« volumes BMI 2026-T3 100 » for: %s', async (role) => {
    const expected =
      role === 'quality officer' || role === 'manager of the service (BMI)'
        ? { contains: 'Volume enregistré — BMI, T3 2026' }
        : role === 'manager of another service (CERT)'
          ? { contains: 'Vous ne pouvez saisir les volumes que de CERT.' }
          : reserved;
    expectOutcome(await say('volumes BMI 2026-T3 100', roles[role]), expected, '', '');
  });

  // The referent comes last: the first qualification settles the signal.
  it.each([...everyone.filter((role) => role !== 'fraud referent'), 'fraud referent' as const])('« Confirmer » (fraud.qualify) for: %s', async (role) => {
    const missing = await click('fraud.qualify', { id: 'BMI-2026-0999', round: submittedRound, outcome: 'confirmed' }, roles[role]);
    const got = await click('fraud.qualify', { id: 'BMI-2026-0001', round: submittedRound, outcome: 'confirmed' }, roles[role]);
    const expected: Outcome =
      role === 'fraud referent'
        ? { contains: 'Qualification enregistrée : fraude confirmée. Adele Vance en est informé(e).' }
        : role === 'agent, author' || role === 'quality officer'
          ? { contains: 'Seul un référent fraude qualifie un signalement.' }
          : 'not-found';
    expectOutcome(got, expected, missing, 'BMI-2026-0001');
    expect((await harness.bot.app.fraudSignals.get('BMI-2026-0001'))?.state).toBe(role === 'fraud referent' ? 'confirmed' : 'submitted');
  });

  // The author comes last: the answer settles the question.
  it.each([...everyone.filter((role) => role !== 'agent, author'), 'agent, author' as const])('« Répondre » (fraud.answer) for: %s', async (role) => {
    const data = { round: questionRound, answer: 'Oui, avec la même anomalie.' };
    const missing = await click('fraud.answer', { ...data, id: 'BMI-2026-0999' }, roles[role]);
    const got = await click('fraud.answer', { ...data, id: 'BMI-2026-0002' }, roles[role]);
    const expected: Outcome =
      role === 'agent, author'
        ? { contains: 'Réponse envoyée. Le signalement revient au référent fraude : Isaiah Langer.' }
        : role === 'quality officer' || role === 'fraud referent'
          ? { contains: 'Seul l’auteur du signalement répond aux questions du référent.' }
          : 'not-found';
    expectOutcome(got, expected, missing, 'BMI-2026-0002');
    expect((await harness.bot.app.fraudSignals.get('BMI-2026-0002'))?.state).toBe(role === 'agent, author' ? 'submitted' : 'to-complete');
  });

  it('wrote only what the allowed people did: reads by the quality officer and the referent, their volumes and decisions', async () => {
    const audit = (await harness.bot.app.audit.listMonth('2026-11', { limit: 1000 })).filter((entry) => entry.action.startsWith('fraud.'));
    const who = (action: string) => [...new Set(audit.filter((entry) => entry.action === action).map((entry) => entry.actorId))].sort();
    expect(who('fraud.read')).toEqual([alex.aadObjectId, isaiah.aadObjectId].sort());
    expect(who('fraud.volume')).toEqual([alex.aadObjectId, megan.aadObjectId].sort());
    expect(who('fraud.qualify')).toEqual([isaiah.aadObjectId]);
    expect(who('fraud.answer')).toEqual([adele.aadObjectId]);
    expect(audit.map((entry) => entry.action).sort()).not.toContain('fraud.submit');
    expect(await harness.bot.app.people.get(stranger.aadObjectId)).toMatchObject({ toAssign: true, roles: ['agent'] });
  });
});
