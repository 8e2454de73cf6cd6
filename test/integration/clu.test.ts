import { seedDemo } from '../../services/demo/seed-demo';
import { cluReminderSource } from '../../services/clu/clu-reminder-source';
import { WorkingCalendar } from '../../services/reminders/calendar';
import { adele, alex, cardActionActivity, installActivity, lynne, megan, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { cardTexts } from '../support/card-validation';
import { freshAppServices, movableClock, testConnectionString } from '../support/test-storage';

const monday = '2026-11-23T09:00:00.000Z'; // 10:00 in Paris
type InvokeBody = { value: unknown };

function inputOf(card: unknown, id: string): Record<string, unknown> | undefined {
  if (Array.isArray(card)) return card.map((item) => inputOf(item, id)).find(Boolean);
  if (!card || typeof card !== 'object') return undefined;
  const record = card as Record<string, unknown>;
  if (record.id === id && typeof record.type === 'string' && record.type.startsWith('Input.')) return record;
  return Object.values(record).map((value) => inputOf(value, id)).find(Boolean);
}

/** The meeting Alex schedules: Tuesday 16 February 2027 at 14:00, Megan, Lynne and himself invited. */
const form = {
  id: '',
  revision: '0',
  date: '2027-02-16',
  time: '14:00',
  place: 'Préfecture du Cher, salle Jean Moulin',
  audio: 'true',
  dialIn: '01 23 45 67 89, code 4321',
  chair: 'Rose Morel',
  agenda: 'Présentation du bilan qualité 2026\nPrésentation du plan d’actions 2027\nQuestions diverses',
  members: [megan.aadObjectId, lynne.aadObjectId, alex.aadObjectId].join(','),
  outsideMembers: 'M. Lagonotte ; UDAF du Cher\nM. Personnat ; UFC-Que Choisir du Cher\nM. Beaume ; APF France handicap\nM. Belhadj ; Défenseur des droits',
};
const topic = 'clu-invitation|CLU-2027';

describe('the CLU in chat: scheduled by card, invitations answered, moved, held, minutes (issue 7)', () => {
  let harness: BotHarness;
  const clock = movableClock(monday);

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), clock);
    for (const person of [alex, megan, lynne, adele]) await harness.post(installActivity(harness.connector.url, person));
  });
  afterAll(() => harness.stop());

  const app = () => harness.bot.app;
  const say = async (text: string, from = alex) => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, text, from));
    const card = harness.connector.cards().at(-1);
    return { card, text: cardTexts(card).join('\n') };
  };
  const click = async (verb: string, data: Record<string, unknown>, from = alex) => {
    clock.advance(1_000);
    const response = await harness.post(cardActionActivity(harness.connector.url, verb, data, from));
    const card = (response.body as InvokeBody).value;
    return { status: response.status, card, text: cardTexts(card).join('\n') };
  };
  const texts = (activities: { conversationId: string; attachments?: { content: unknown }[] }[], person: { id: string }) =>
    activities.filter((activity) => activity.conversationId === `personal-chat-${person.id}`).flatMap((a) => (a.attachments ?? []).map((x) => cardTexts(x.content).join('\n')));

  it('shows everyone that nothing is planned, and the quality officer a form prefilled with the standard agenda', async () => {
    expect((await say('clu', adele)).text).toContain('Aucune réunion n’est planifiée pour le moment.');
    const overview = await say('clu');
    expect(overview.text).toContain('Aucune réunion enregistrée : planifiez la première');
    expect(overview.text).toContain('Planifier');
    const { card, text } = await say('planifier le CLU');
    expect(text).toContain('Planifier le CLU');
    expect(inputOf(card, 'agenda')?.value).toBe(
      'Présentation du bilan qualité 2025\nPrésentation du plan d’actions 2026\nPrésentation des programmes nationaux (Services Publics +)\nRecueil des souhaits et suggestions des membres\nQuestions diverses',
    );
    expect(inputOf(card, 'date')?.min).toBe('2026-11-23');
    expect(String(inputOf(card, 'members')?.value)).toContain(megan.aadObjectId);
    expect((await say('planifier le clu', adele)).text).toContain('est réservée aux rôles');
  });

  it('refuses a date in the past and an unknown member with French messages, writing nothing', async () => {
    const past = await click('clu.save', { ...form, date: '2026-11-20' });
    expect(past.text).toContain('La date de la réunion est passée (maintenant : 23/11/2026 à 10:00) : choisissez une date à venir.');
    expect(past.text).toContain('Rien n’a été enregistré');
    expect(inputOf(past.card, 'agenda')?.value).toBe(form.agenda);
    const unknown = await click('clu.save', { ...form, members: `${megan.aadObjectId},inconnu@cher.gouv.fr` });
    expect(unknown.text).toContain('Membre inconnu de l’annuaire : « inconnu@cher.gouv.fr »');
    const noOrganisation = await click('clu.save', { ...form, outsideMembers: 'M. Lagonotte' });
    expect(noOrganisation.text).toContain('indiquez l’organisme après un point-virgule');
    const unreadable = await click('clu.save', { ...form, agenda: 42 });
    expect(unreadable.text).toContain('illisibles');
    expect(await app().clu.list()).toEqual([]);
    expect(await app().sharedCards.list(topic)).toEqual([]);
    expect(await app().audit.listMonth('2026-11', { entityId: 'CLU-2027' })).toEqual([]);
  });

  it('schedules the meeting and sends each internal member their invitation; audited', async () => {
    harness.connector.clear();
    const saved = await click('clu.save', form);
    expect(saved.text).toContain('Réunion CLU-2027 planifiée le mardi 16 février 2027 à 14:00. Invitations envoyées à 3 membre(s) interne(s).');
    expect(saved.text).toContain('Réponses : 0 présent(s) · 0 excusé(s) · 3 sans réponse');
    await harness.bot.sharedCards.settle();
    for (const person of [megan, lynne, alex]) {
      const invitation = texts(harness.connector.sent, person).join('\n');
      expect(invitation).toContain('Invitation — Comité local des usagers');
      expect(invitation).toContain('mardi 16 février 2027 à 14:00');
      expect(invitation).toContain('Vous n’avez pas encore répondu.');
    }
    expect(texts(harness.connector.sent, adele)).toEqual([]);
    expect(await app().clu.get('CLU-2027')).toMatchObject({ state: 'scheduled', startsAt: '2027-02-16T13:00:00.000Z', chairName: 'Rose Morel', minutesDueOn: '2027-03-16', revision: 0 });
    expect(await app().audit.listMonth('2026-11', { entityId: 'CLU-2027' })).toEqual([expect.objectContaining({ action: 'clu.schedule', actorId: alex.aadObjectId })]);
    const second = await click('clu.save', { ...form, date: '2027-03-02' });
    expect(second.text).toContain('Une réunion est déjà planifiée le mardi 16 février 2027 à 14:00');
  });

  it('records Megan’s « présent » on her invitation; the quality officer’s `clu` shows it; others may not answer', async () => {
    const answered = await click('clu.answer', { id: 'CLU-2027', answer: 'present', from: 'invitation' }, megan);
    expect(answered.text).toContain('Réponse enregistrée : présent(e).');
    expect(answered.text).toContain('Votre réponse : présent(e) (le 23/11/2026).');
    const again = await click('clu.answer', { id: 'CLU-2027', answer: 'present', from: 'invitation' }, megan);
    expect(again.text).toContain('Votre réponse était déjà enregistrée : présent(e).');
    expect(await app().clu.answers('CLU-2027')).toEqual([expect.objectContaining({ personId: megan.aadObjectId, answer: 'present' })]);

    harness.connector.clear();
    const excused = await click('clu.answer', { id: 'CLU-2027', answer: 'excused', from: 'overview' }, lynne);
    expect(excused.text).toContain('Comité local des usagers (CLU)');
    expect(excused.text).toContain('Votre réponse : excusé(e)');
    await harness.bot.sharedCards.settle();
    expect(texts(harness.connector.updated, lynne).join('\n')).toContain('Votre réponse : excusé(e)');

    const outsider = await click('clu.answer', { id: 'CLU-2027', answer: 'present' }, adele);
    expect(outsider.text).toContain('Vous ne figurez pas parmi les membres invités à cette réunion.');

    const { text } = await say('clu');
    expect(text).toContain('Réponses : 1 présent(s) · 1 excusé(s) · 1 sans réponse');
    expect(text).toMatch(/Megan Bowen \(BMI\)\nPrésent\(e\) — le 23\/11\/2026/);
    expect(text).toMatch(/Lynne Robbins \(CERT\)\nExcusé\(e\) — le 23\/11\/2026/);
    expect(text).toMatch(/Alex Wilber \(SGCD\)\nSans réponse/);
    expect(text).toContain('UDAF du Cher');
    const own = await say('clu', megan);
    expect(own.text).toContain('Votre réponse : présent(e)');
    expect(own.text).not.toContain('Réponses :');
    expect((await app().audit.listMonth('2026-11', { entityId: 'CLU-2027' })).map((entry) => entry.action)).toEqual(['clu.answer', 'clu.answer', 'clu.schedule']);
  });

  it('moves the meeting: every invitation is redrawn with the new date and asks again; a stale form is refused', async () => {
    const edit = await click('clu.form', { id: 'CLU-2027' });
    expect(edit.text).toContain('Modifier la réunion CLU-2027');
    expect(inputOf(edit.card, 'date')?.value).toBe('2027-02-16');
    expect(inputOf(edit.card, 'time')?.value).toBe('14:00');
    harness.connector.clear();
    const moved = await click('clu.save', { ...form, id: 'CLU-2027', revision: '0', date: '2027-02-23' });
    expect(moved.text).toContain('Réunion CLU-2027 modifiée (mardi 23 février 2027 à 14:00). Les invitations sont mises à jour.');
    await harness.bot.sharedCards.settle();
    for (const person of [megan, lynne, alex]) expect(texts(harness.connector.updated, person).join('\n')).toContain('mardi 23 février 2027 à 14:00');
    expect(texts(harness.connector.updated, megan).join('\n')).toContain('La date a changé : vous aviez répondu « présent(e) » pour le 16/02/2027. Confirmez votre réponse.');
    const stale = await click('clu.save', { ...form, id: 'CLU-2027', revision: '0', date: '2027-03-02' });
    expect(stale.text).toContain('Cette carte n’est plus à jour');
    expect(await app().clu.get('CLU-2027')).toMatchObject({ startsAt: '2027-02-23T13:00:00.000Z', revision: 1 });
    const past = await click('clu.save', { ...form, id: 'CLU-2027', revision: '1', date: '2026-11-01' });
    expect(past.text).toContain('La date de la réunion est passée');
    expect((await app().clu.get('CLU-2027'))?.revision).toBe(1);
  });

  it('reminds the members a week before, except those excused for the current date', async () => {
    harness.connector.clear();
    await harness.bot.reminders.runOnce(new Date('2027-02-16T08:00:00.000Z'));
    for (const person of [megan, lynne, alex]) expect(texts(harness.connector.sent, person).join('\n')).toContain('CLU dans 7 jours : mardi 23 février 2027 à 14:00');
    expect(texts(harness.connector.sent, adele).join('\n')).not.toContain('CLU');
    await click('clu.answer', { id: 'CLU-2027', answer: 'excused' }, lynne);
    harness.connector.clear();
    await harness.bot.reminders.runOnce(new Date('2027-02-22T08:00:00.000Z'));
    expect(texts(harness.connector.sent, megan).join('\n')).toContain('CLU demain : mardi 23 février 2027 à 14:00');
    expect(texts(harness.connector.sent, lynne).join('\n')).not.toContain('CLU demain');
  });

  it('marks the meeting held, asks for the minutes weekly until their date is recorded', async () => {
    clock.advance(Date.parse('2027-02-24T09:00:00.000Z') - clock.now().getTime());
    const overview = await say('clu');
    expect(overview.text).toContain('La réunion du 23/02/2027 (CLU-2027) est passée : marquez-la comme tenue, ou annulez-la.');
    expect(inputOf(overview.card, 'heldOn')).toMatchObject({ value: '2027-02-23', min: '2027-02-23', max: '2027-02-24' });
    harness.connector.clear();
    const held = await click('clu.held', { id: 'CLU-2027', revision: '1', heldOn: '2027-02-23' });
    expect(held.text).toContain('Réunion CLU-2027 marquée comme tenue le 23/02/2027. Compte rendu attendu le 23/03/2027 ; prochaine réunion à tenir avant le 23/02/2028.');
    await harness.bot.sharedCards.settle();
    expect(texts(harness.connector.updated, megan).join('\n')).toContain('Réunion tenue le 23/02/2027');
    const late = await click('clu.answer', { id: 'CLU-2027', answer: 'present' }, lynne);
    expect(late.text).toContain('n’est plus planifiée');

    harness.connector.clear();
    await harness.bot.reminders.runOnce(new Date('2027-03-23T08:00:00.000Z'));
    expect(texts(harness.connector.sent, alex).join('\n')).toContain('Compte rendu du CLU du 23/02/2027 attendu le 23/03/2027');
    clock.advance(Date.parse('2027-03-24T09:00:00.000Z') - clock.now().getTime());
    const early = await click('clu.minutes', { id: 'CLU-2027', revision: '2', minutesOn: '2027-02-20' });
    expect(early.text).toContain('Le compte rendu ne peut pas précéder la réunion (23/02/2027).');
    const minutes = await click('clu.minutes', { id: 'CLU-2027', revision: '2', minutesOn: '2027-03-24' });
    expect(minutes.text).toContain('Compte rendu de la réunion CLU-2027 enregistré (diffusé le 24/03/2027). Les rappels s’arrêtent.');
    expect(minutes.text).toContain('Tenue — compte rendu diffusé le 24/03/2027');
    harness.connector.clear();
    await harness.bot.reminders.runOnce(new Date('2027-03-30T08:00:00.000Z'));
    expect(texts(harness.connector.sent, alex).join('\n')).not.toContain('Compte rendu du CLU');
    expect(await app().clu.get('CLU-2027')).toMatchObject({ state: 'held', heldOn: '2027-02-23', minutesRecordedOn: '2027-03-24', revision: 3 });
  });

  it('cancels a planned meeting: every invitation shows it and the next one is due again from the last held', async () => {
    const saved = await click('clu.save', { ...form, date: '2027-06-15', members: megan.aadObjectId });
    expect(saved.text).toContain('Réunion CLU-2027-2 planifiée le mardi 15 juin 2027 à 14:00. Invitations envoyées à 1 membre(s) interne(s).');
    await harness.bot.sharedCards.settle();
    harness.connector.clear();
    const cancelled = await click('clu.cancel', { id: 'CLU-2027-2', revision: '0', cancelReason: 'Report à l’automne' });
    expect(cancelled.text).toContain('Réunion CLU-2027-2 annulée. Les membres invités le voient sur leur invitation.');
    expect(cancelled.text).toContain('Prochaine réunion à tenir avant le 23/02/2028 (12 mois après celle du 23/02/2027).');
    expect(cancelled.text).toContain('Annulée : Report à l’automne');
    await harness.bot.sharedCards.settle();
    expect(texts(harness.connector.updated, megan).join('\n')).toContain('Réunion annulée : Report à l’automne');
    expect(texts(harness.connector.updated, megan).join('\n')).not.toContain('Présent(e)');
  });

  it('keeps the steps to the quality officer', async () => {
    const refused = await click('clu.held', { id: 'CLU-2027', revision: '3', heldOn: '2027-02-23' }, megan);
    expect(refused.text).toContain('Cette action est réservée à d’autres rôles');
  });
});

describe('demo CLU', () => {
  it('is seeded once, held 11 months ago with its minutes, so the « 1 month ahead » reminder is due now', async () => {
    const clock = movableClock(monday);
    const app = await freshAppServices(clock);
    expect((await seedDemo(app)).cluMeetingsAdded).toBe(1);
    expect((await seedDemo(app)).cluMeetingsAdded).toBe(0);
    const [meeting] = await app.clu.list();
    expect(meeting).toMatchObject({ id: 'CLU-2025', state: 'held', heldOn: '2025-12-23', minutesRecordedOn: '2026-01-13' });
    expect(meeting?.outsideMembers.map((member) => member.organisation).join(' | ')).toMatch(/UDAF.*UFC-Que Choisir.*APF.*Défenseur des droits/);
    expect(await app.clu.answers('CLU-2025')).toHaveLength(5);
    const planned = await cluReminderSource(app, new WorkingCalendar({ timeZone: 'Europe/Paris' })).plan({ now: clock.now() });
    expect(planned.map((reminder) => [reminder.key, reminder.recipientId])).toEqual([['clu-due:2026-12-23:before-1m', alex.aadObjectId]]);
  });
});
