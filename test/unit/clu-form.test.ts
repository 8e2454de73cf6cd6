import { cluMeetingSchema, nextCluMeetingId, standardCluAgenda } from '../../services/clu/clu-meeting';
import { formatOutsideMembers, parseOutsideMember, validateCluForm, type CluFormInput } from '../../services/clu/clu-form';
import { calendar, cast, heldMeeting, people, plannedMeeting } from './clu-fixtures';

// Monday 23 November 2026, 10:00 in Paris (UTC+1).
const now = new Date('2026-11-23T09:00:00.000Z');
const form: CluFormInput = {
  date: '2027-02-16',
  time: '14:00',
  place: 'Préfecture du Cher, salle Jean Moulin',
  audio: 'true',
  dialIn: '01 23 45 67 89, code 4321',
  chair: 'Rose Morel',
  agenda: '1/ Présentation du bilan qualité 2026\n2. Présentation du plan d’actions 2027\n\n- Questions diverses',
  members: `${cast.megan.id},lynne.robbins@cher.gouv.fr`,
  outsideMembers: 'M. Lagonotte ; UDAF du Cher\nM. Personnat — UFC-Que Choisir du Cher\nM. Belhadj (Défenseur des droits)',
};
const validate = (input: CluFormInput, options: Partial<Parameters<typeof validateCluForm>[1]> = {}) =>
  validateCluForm(input, { actor: cast.rq, people, meetings: [heldMeeting()], now, calendar, ...options });

describe('the CLU meeting form (issue 7)', () => {
  it('builds the meeting: Paris time to UTC, chair from the directory, numbering stripped, members by id or e-mail', () => {
    const result = validate(form);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.meeting).toEqual({
      id: 'CLU-2027',
      startsAt: '2027-02-16T13:00:00.000Z',
      place: 'Préfecture du Cher, salle Jean Moulin',
      audioConference: true,
      dialIn: '01 23 45 67 89, code 4321',
      chairId: cast.rose.id,
      chairName: 'Rose Morel',
      agenda: ['Présentation du bilan qualité 2026', 'Présentation du plan d’actions 2027', 'Questions diverses'],
      memberIds: [cast.megan.id, cast.lynne.id],
      outsideMembers: [
        { name: 'M. Lagonotte', organisation: 'UDAF du Cher' },
        { name: 'M. Personnat', organisation: 'UFC-Que Choisir du Cher' },
        { name: 'M. Belhadj', organisation: 'Défenseur des droits' },
      ],
      minutesDueOn: '2027-03-16',
      state: 'scheduled',
      scheduledAt: now.toISOString(),
      createdBy: cast.rq.id,
      createdAt: now.toISOString(),
      revision: 0,
    });
    expect(cluMeetingSchema.safeParse(result.meeting).success).toBe(true);
  });

  it('reads summer time, keeps a free chair name, and accepts audio conference alone', () => {
    const result = validate({ ...form, date: '2027-06-15', time: '09:30', place: '', audio: 'true', dialIn: '', chair: 'Mme Leduc, secrétaire générale' });
    expect(result.ok && result.meeting).toMatchObject({ startsAt: '2027-06-15T07:30:00.000Z', place: undefined, audioConference: true, chairId: undefined, chairName: 'Mme Leduc, secrétaire générale' });
  });

  it('reports every problem at once in French: past date, unknown member, empty agenda, organisation missing, no place', () => {
    const result = validate({
      ...form,
      date: '2026-11-23',
      time: '09:00',
      place: '',
      audio: 'false',
      agenda: '\n  \n',
      members: `${cast.megan.id},inconnu@cher.gouv.fr,Jean Personne`,
      outsideMembers: 'M. Lagonotte ; UDAF du Cher\nM. Personnat',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { field: 'date', message: 'La date de la réunion est passée (maintenant : 23/11/2026 à 10:00) : choisissez une date à venir.' },
      { field: 'place', message: 'Indiquez le lieu de la réunion, ou cochez l’audio-conférence.' },
      { field: 'agenda', message: 'L’ordre du jour est vide : indiquez au moins un point, un par ligne.' },
      {
        field: 'members',
        message: 'Membre inconnu de l’annuaire : « inconnu@cher.gouv.fr », « Jean Personne ». Choisissez dans la liste ou donnez l’adresse e-mail d’une personne de l’annuaire.',
      },
      { field: 'outsideMembers', message: 'Ligne 2 (« M. Personnat ») : indiquez l’organisme après un point-virgule, par exemple « M. Lagonotte ; UDAF du Cher ».' },
    ]);
  });

  it('speaks English when asked, and refuses missing or malformed date, time and chair', () => {
    const result = validate({ ...form, date: '16/02/2027', time: '25:00', chair: ' ' }, { locale: 'en' });
    expect(!result.ok && result.errors).toEqual([
      { field: 'date', message: 'Invalid date: expected YYYY-MM-DD, for instance 2027-02-16.' },
      { field: 'time', message: 'Invalid time: expected HH:MM, for instance 14:00.' },
      { field: 'chair', message: 'Give who chairs it (for instance the secretary general).' },
    ]);
    const empty = validate({});
    expect(!empty.ok && empty.errors.map((error) => error.field)).toEqual(['date', 'time', 'place', 'chair', 'agenda']);
  });

  it('takes a date more than two years ahead for a typo, and an agenda point too long', () => {
    const result = validate({ ...form, date: '2029-02-16', agenda: `${'x'.repeat(301)}` });
    expect(!result.ok && result.errors.map((error) => error.message)).toEqual(['La réunion est à plus de deux ans : vérifiez l’année.', 'Le point 1 dépasse 300 caractères.']);
  });

  it('refuses a second meeting while one is planned, and edits the planned one: same number, next revision', () => {
    const planned = plannedMeeting();
    const second = validate(form, { meetings: [heldMeeting(), planned] });
    expect(!second.ok && second.errors).toEqual([{ field: 'form', message: 'Une réunion est déjà planifiée le mardi 16 mars 2027 à 14:00 : modifiez-la plutôt (« clu »).' }]);
    const edited = validate({ ...form, date: '2027-03-16', time: '14:00', agenda: 'Questions diverses' }, { meetings: [heldMeeting(), planned], current: planned });
    expect(edited.ok && edited.meeting).toMatchObject({ id: 'CLU-2027', revision: 1, scheduledAt: planned.scheduledAt, agenda: ['Questions diverses'], createdAt: planned.createdAt });
    const moved = validate({ ...form, date: '2027-03-23' }, { meetings: [heldMeeting(), planned], current: planned });
    expect(moved.ok && moved.meeting).toMatchObject({ id: 'CLU-2027', startsAt: '2027-03-23T13:00:00.000Z', scheduledAt: now.toISOString(), minutesDueOn: '2027-04-23' });
    const held = validate(form, { current: heldMeeting() });
    expect(!held.ok && held.errors[0]).toEqual({ field: 'form', message: 'Cette réunion est tenue, annulée ou déjà commencée : elle ne se modifie plus.' });
  });

  it('numbers a second meeting of the same year CLU-2027-2', () => {
    expect(nextCluMeetingId(2027, [])).toBe('CLU-2027');
    expect(nextCluMeetingId(2027, ['CLU-2026', 'CLU-2027'])).toBe('CLU-2027-2');
    expect(nextCluMeetingId(2027, ['CLU-2027', 'CLU-2027-2'])).toBe('CLU-2027-3');
    const cancelled = plannedMeeting({ state: 'cancelled', cancelledAt: '2027-01-10T09:00:00.000Z', startsAt: '2027-01-19T13:00:00.000Z' });
    const result = validate(form, { meetings: [heldMeeting(), cancelled] });
    expect(result.ok && result.meeting.id).toBe('CLU-2027-2');
  });

  it('reads outside members written « nom ; organisme », with a dash, a tab or in brackets, and writes them back', () => {
    expect(parseOutsideMember('M. Lagonotte ; UDAF du Cher')).toEqual({ name: 'M. Lagonotte', organisation: 'UDAF du Cher' });
    expect(parseOutsideMember('M. Personnat - UFC-Que Choisir')).toEqual({ name: 'M. Personnat', organisation: 'UFC-Que Choisir' });
    expect(parseOutsideMember('M. Beaume\tAPF')).toEqual({ name: 'M. Beaume', organisation: 'APF' });
    expect(parseOutsideMember('Jean-Pierre Martin (Association des Maires du Cher)')).toEqual({ name: 'Jean-Pierre Martin', organisation: 'Association des Maires du Cher' });
    expect(parseOutsideMember('UFC-Que Choisir')).toEqual({ name: 'UFC-Que Choisir', organisation: '' });
    expect(formatOutsideMembers([{ name: 'M. Lagonotte', organisation: 'UDAF du Cher' }])).toBe('M. Lagonotte ; UDAF du Cher');
  });

  it('prefills the standard agenda of CLU 2021 (seed 003)', () => {
    expect(standardCluAgenda(2027)).toEqual([
      'Présentation du bilan qualité 2026',
      'Présentation du plan d’actions 2027',
      'Présentation des programmes nationaux (Services Publics +)',
      'Recueil des souhaits et suggestions des membres',
      'Questions diverses',
    ]);
  });
});
