import { systemClock } from '../../services/clock';
import { cardProblems, cardTexts } from '../support/card-validation';
import { adele, alex, cardActionActivity, installActivity, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { testConnectionString } from '../support/test-storage';

type InvokeBody = { statusCode: number; type: string; value: Record<string, unknown> };

describe('the bot through its real HTTP pipeline (CloudAdapter, routing, Azurite)', () => {
  let harness: BotHarness;
  let url: string;

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), systemClock);
    url = harness.connector.url;
  });
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  const lastCardTexts = () => cardTexts(harness.connector.cards().at(-1)).join('\n');

  it('greets on install with a French welcome card and stores the conversation reference', async () => {
    expect((await harness.post(installActivity(url))).status).toBe(200);
    expect(lastCardTexts()).toContain('Bienvenue dans Qualibot');
    const stored = await harness.bot.app.conversations.get('personal', alex.aadObjectId);
    expect(stored?.active).toBe(true);
    expect(JSON.parse(stored?.reference ?? '{}')).toMatchObject({ serviceUrl: url, conversation: { id: `personal-chat-${alex.id}` } });
  });

  it.each(['aide', 'help', '?', 'Aide !', 'AIDE'])('answers %j with the help card listing commands and who may use them', async (text) => {
    await harness.post(messageActivity(url, text));
    const card = harness.connector.cards().at(-1);
    expect(cardProblems(card as never)).toEqual([]);
    const texts = lastCardTexts();
    expect(texts).toContain('Ce que Qualibot sait faire');
    expect(texts).toContain('**qui suis-je**');
    expect(texts).toContain('Administrateur');
  });

  it('speaks French even to an English Teams client, and English once asked with "langue en"', async () => {
    await harness.post(messageActivity(url, 'help', adele, { locale: 'en-US' }));
    expect(lastCardTexts()).toContain('Ce que Qualibot sait faire');
    await harness.post(messageActivity(url, 'langue en', adele));
    expect(harness.connector.sent.at(-1)?.text).toBe('Noted: I will answer in English.');
    await harness.post(messageActivity(url, 'help', adele));
    expect(lastCardTexts()).toContain('What Qualibot can do');
    await harness.post(messageActivity(url, 'language français', adele));
    expect(harness.connector.sent.at(-1)?.text).toContain('en français');
    expect((await harness.bot.app.people.get(adele.aadObjectId))?.language).toBe('fr');
  });

  it('takes a button delivered as an imBack value without text as that text', async () => {
    await harness.post(messageActivity(url, '', alex, { value: { msteams: { type: 'imBack', value: 'qui suis-je' } } }));
    expect(lastCardTexts()).toContain('Responsable qualité, Administrateur');
  });

  it.each([
    ['aid', 'aide'],
    ['météo', undefined], // « statu » used to be here: it is now a typo of « statut » (issue 7)
  ])('answers the unknown %j in French with the closest commands', async (text, suggestion) => {
    await harness.post(messageActivity(url, text));
    const texts = lastCardTexts();
    expect(texts).toContain(`Je n’ai pas compris « ${text} »`);
    if (suggestion) expect(texts).toContain('Vouliez-vous dire');
    expect(harness.connector.sent).toHaveLength(1);
  });

  it('answers "qui suis-je" with name, service and roles', async () => {
    await harness.post(messageActivity(url, 'Qui suis-je ?'));
    const texts = lastCardTexts();
    expect(texts).toContain('Alex Wilber');
    expect(texts).toContain('Secrétariat général commun départemental (SGCD)');
    expect(texts).toContain('Responsable qualité, Administrateur');
  });

  it('registers a stranger as an agent to assign, and shows them to the admin', async () => {
    const stranger = { id: 'user-x', aadObjectId: 'abcdefab-1234-4321-8888-0123456789ab', name: 'Sam Inconnu' };
    await harness.post(messageActivity(url, 'whoami', stranger));
    expect(lastCardTexts()).toContain('Non affecté');
    await harness.post(messageActivity(url, 'annuaire'));
    expect(lastCardTexts()).toContain('Sam Inconnu');
  });

  it('refuses an admin command to an agent, in French, naming the role', async () => {
    await harness.post(messageActivity(url, 'annuaire', adele));
    expect(lastCardTexts()).toContain('réservée aux rôles : Administrateur');
  });

  it('shows a commitment with its text, and pages the référentiel', async () => {
    await harness.post(messageActivity(url, 'engagement e17'));
    expect(lastCardTexts()).toContain('10 jours ouvrés');
    const page = await harness.post(cardActionActivity(url, 'commitments.page', { page: 1 }));
    const body = page.body as InvokeBody;
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardTexts(body.value).join('\n')).toContain('page 2 / 2');
  });

  it('processes a redelivered message once', async () => {
    const activity = messageActivity(url, 'aide');
    await harness.post(activity);
    await harness.post(activity);
    expect(harness.connector.sent).toHaveLength(1);
  });

  it('answers an unknown verb, malformed data or a forbidden verb with an error card and writes nothing', async () => {
    const before = await harness.bot.app.people.list();
    const unknown = (await harness.post(cardActionActivity(url, 'launch.missiles', {}))).body as InvokeBody;
    expect(cardTexts(unknown.value).join()).toContain('Action inconnue');
    const malformed = await harness.post({ ...cardActionActivity(url, 'x', {}), value: { nothing: true } });
    expect(cardTexts((malformed.body as InvokeBody).value).join()).toContain('Action illisible');
    const forbidden = (await harness.post(cardActionActivity(url, 'person.save', { personId: adele.aadObjectId }, adele))).body as InvokeBody;
    expect(cardTexts(forbidden.value).join()).toContain('Action non autorisée');
    expect(await harness.bot.app.people.list()).toEqual(before);
  });

  it('returns the person form with French errors next to the fields when a save is incomplete', async () => {
    const person = (await harness.bot.app.people.get(adele.aadObjectId))!;
    const body = (await harness.post(cardActionActivity(url, 'person.save', { personId: person.id, etag: person.etag, service: '', roles: '' })))
      .body as InvokeBody;
    const texts = cardTexts(body.value).join('\n');
    expect(texts).toContain('Choisissez un service.');
    expect(texts).toContain('Choisissez au moins un rôle.');
    expect((await harness.bot.app.people.get(adele.aadObjectId))?.etag).toBe(person.etag);
  });

  it('saves a person with the form’s ETag and refuses the same stale form afterwards', async () => {
    const person = (await harness.bot.app.people.get(adele.aadObjectId))!;
    const data = { personId: person.id, etag: person.etag, service: 'CERT', roles: 'agent,manager' };
    const saved = (await harness.post(cardActionActivity(url, 'person.save', data))).body as InvokeBody;
    expect(cardTexts(saved.value).join()).toContain('Fiche enregistrée');
    expect(await harness.bot.app.people.get(adele.aadObjectId)).toMatchObject({ service: 'CERT', roles: ['agent', 'manager'] });
    const stale = (await harness.post(cardActionActivity(url, 'person.save', { ...data, service: 'BMI' }))).body as InvokeBody;
    expect(cardTexts(stale.value).join()).toContain('modifiée par quelqu’un d’autre');
    expect((await harness.bot.app.people.get(adele.aadObjectId))?.service).toBe('CERT');
  });

  it('stops the last admin from removing their own admin role', async () => {
    // Patti is the demo's other admin: take her role away first, so Alex is the last one.
    const patti = (await harness.bot.app.people.get('00000000-0000-0000-0000-0000000000024'))!;
    await harness.post(cardActionActivity(url, 'person.save', { personId: patti.id, etag: patti.etag, service: 'SIDSIC', roles: 'agent' }));
    const me = (await harness.bot.app.people.get(alex.aadObjectId))!;
    const body = (await harness.post(cardActionActivity(url, 'person.save', { personId: me.id, etag: me.etag, service: 'SGCD', roles: 'rq' })))
      .body as InvokeBody;
    expect(cardTexts(body.value).join()).toContain('dernier administrateur');
    expect((await harness.bot.app.people.get(alex.aadObjectId))?.roles).toContain('admin');
  });

  it('imports a directory all or nothing, reporting bad lines by number', async () => {
    const id = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    const bad = `aadObjectId;nom;service;rôles\n${id};Zoé Import;BMI;agent\nnope;X;BMI;agent`;
    const refused = (await harness.post(cardActionActivity(url, 'directory.import', { csv: bad }))).body as InvokeBody;
    expect(cardTexts(refused.value).join('\n')).toContain('Ligne 3 : identifiant « nope » invalide');
    expect(await harness.bot.app.people.get(id)).toBeUndefined();
    const good = `aadObjectId;nom;service;rôles\n${id};Zoé Import;BMI;agent`;
    const imported = (await harness.post(cardActionActivity(url, 'directory.import', { csv: good }))).body as InvokeBody;
    expect(cardTexts(imported.value).join()).toContain('1 personne(s) ajoutée(s)');
    expect(await harness.bot.app.people.get(id)).toMatchObject({ name: 'Zoé Import', service: 'BMI', toAssign: false });
  });

  it('marks the conversation inactive when the bot is uninstalled', async () => {
    await harness.post({ ...installActivity(url, adele), type: 'installationUpdate', action: 'remove', membersAdded: undefined });
    expect(await harness.bot.app.conversations.get('personal', adele.aadObjectId)).toMatchObject({ active: false });
  });
});
