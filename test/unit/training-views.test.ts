import { countsText, formCardData, maxPeopleChoices, overviewCardData, stateText, statusCardData } from '../../bot/handlers/training-views';
import { maxCardBytes } from '../../cards/render';
import { trainingFormCard } from '../../cards/training-form';
import { trainingOverviewCard } from '../../cards/training-overview';
import type { Person } from '../../services/directory/person';
import { defaultTrainingTypes } from '../../services/training/default-training-types';
import { trainingOverview } from '../../services/training/training-overview';
import type { TrainingRecord } from '../../services/training/training-record';
import { cardProblems } from '../support/card-validation';

const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

function person(n: number, overrides: Partial<Person> = {}): Person {
  return { id: id(n), name: `Agent ${n}`, service: 'BMI', roles: ['agent'], toAssign: false, createdAt: '2022-01-10T09:00:00.000Z', ...overrides };
}

const today = '2027-01-04';
const adele = person(22, { name: 'Adele Vance' });
const fraud: TrainingRecord = {
  personId: adele.id,
  typeId: 'lutte-contre-la-fraude',
  completedOn: '2023-02-14',
  title: 'Fraude documentaire',
  mode: 'e-learning',
  declaredBy: adele.id,
  declaredAt: '2023-02-15T09:00:00.000Z',
};

describe('what a training line says', () => {
  it('names each state in French and English', () => {
    expect(stateText({ typeId: 'x', state: 'valid', expiresOn: '2029-01-01', daysLeft: 700 }, 'fr')).toBe('Valide');
    expect(stateText({ typeId: 'x', state: 'expiring', expiresOn: '2027-02-14', daysLeft: 41 }, 'fr')).toBe('À renouveler (dans 41 jours)');
    expect(stateText({ typeId: 'x', state: 'expiring', expiresOn: '2027-01-05', daysLeft: 1 }, 'fr')).toBe('À renouveler (dans 1 jour)');
    expect(stateText({ typeId: 'x', state: 'expired', expiresOn: '2026-08-18', daysLeft: -139 }, 'fr')).toBe('Expirée depuis le 18/08/2026');
    expect(stateText({ typeId: 'x', state: 'missing' }, 'fr')).toBe('Jamais déclarée');
    expect(stateText({ typeId: 'x', state: 'expired', expiresOn: '2026-08-18', daysLeft: -139 }, 'en')).toBe('Expired since 2026-08-18');
  });

  it('counts states with singular and plural, leaving out the empty ones', () => {
    expect(countsText({ valid: 1, expiring: 0, expired: 2, missing: 1 }, 'fr')).toBe('1 valide, 2 expirées, 1 jamais déclarée');
    expect(countsText({ valid: 0, expiring: 3, expired: 0, missing: 0 }, 'en')).toBe('3 to renew');
  });
});

describe('the status card of one person', () => {
  it('has one line per required training, with the latest completion and a button sending the type and the person', () => {
    const data = statusCardData({ person: adele, viewerId: adele.id, types: defaultTrainingTypes, records: [fraud], today, locale: 'fr' });
    expect(data.heading).toBe('Mes formations');
    expect(data.summary).toBe('1 à renouveler, 2 jamais déclarées');
    expect(data.lines.map((line) => [line.typeId, line.state, line.color])).toEqual([
      ['formation-continue', 'Jamais déclarée', 'Attention'],
      ['lutte-contre-la-fraude', 'À renouveler (dans 41 jours)', 'Warning'],
      ['plan-formation-titres-etrangers', 'Jamais déclarée', 'Attention'],
    ]);
    expect(data.lines[1]?.detail).toBe('« Fraude documentaire » suivie le 14/02/2023 (e-learning) — échéance le 14/02/2027');
  });

  it('is titled with the person’s name for a manager or the quality officer', () => {
    expect(statusCardData({ person: adele, viewerId: id(21), types: defaultTrainingTypes, records: [], today, locale: 'fr' }).heading).toBe(
      'Formations de Adele Vance',
    );
  });
});

describe('the overview card of a group', () => {
  const crowd = Array.from({ length: 3000 }, (_, n) => person(1000 + n, { name: `Agent ${String(n).padStart(4, '0')} au nom assez long`, roles: ['agent', 'rq'] }));
  const overview = trainingOverview(crowd, defaultTrainingTypes, [], today);

  it('lists only people to act on for the quality officer, capped with « … et N autre(s) », and stays under 40 KB', () => {
    const data = overviewCardData({ overview, scope: { kind: 'all' }, today, locale: 'fr' });
    expect(data.people).toHaveLength(20);
    expect(data.moreText).toBe('… et 2980 autre(s)');
    expect(data.people[0]?.states).toBe(
      'Formation continue (4.2) : jamais déclarée · Formation des référents qualité (4.4) : jamais déclarée · Sensibilisation à la lutte contre la fraude (23.1) : jamais déclarée · +1',
    );
    const card = trainingOverviewCard(data, 'fr');
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(maxCardBytes);
    expect(cardProblems(card)).toEqual([]);
  });

  it('lists everyone of a manager’s service, up to date or not', () => {
    const team = [person(1, { name: 'Zoé' }), person(2, { name: 'Bruno' })];
    const records = ['formation-continue', 'lutte-contre-la-fraude', 'plan-formation-titres-etrangers'].map((typeId) => ({
      ...fraud,
      personId: team[0]!.id,
      typeId,
      completedOn: '2026-06-01',
    }));
    const data = overviewCardData({ overview: trainingOverview(team, defaultTrainingTypes, records, today), scope: { kind: 'service', service: 'BMI' }, today, locale: 'fr' });
    expect(data.scopeText).toBe('Service BMI — 2 personne(s), au 04/01/2027');
    expect(data.people.map((line) => [line.name, line.states, line.color])).toEqual([
      ['Bruno', expect.stringContaining('jamais déclarée'), 'Attention'],
      ['Zoé', 'Tout est à jour', 'Good'],
    ]);
    expect(data.moreText).toBe('');
  });
});

describe('the declaration form', () => {
  const values = { personId: adele.id, typeId: 'formation-continue', completedOn: '2027-01-05', title: 'Accueil', mode: 'e-learning' };

  it('says for whom instead of asking when the viewer may declare only for themself, errors next to the fields', () => {
    const errors = [
      { field: 'completedOn' as const, message: 'La date ne peut pas être dans le futur.' },
      { field: 'declaredBy' as const, message: 'Refusé.' },
    ];
    const data = formCardData({ declarable: [adele], types: defaultTrainingTypes, values, errors, today, locale: 'fr' });
    expect(data).toMatchObject({ showPersonChooser: false, forText: 'Pour : Adele Vance — BMI', people: [], completedOn: '2027-01-05', title: 'Accueil' });
    expect(data.completedOnError).toBe('La date ne peut pas être dans le futur.');
    expect(data.formError).toBe('Refusé.');
    expect(data.types).toHaveLength(defaultTrainingTypes.length);
  });

  it('caps the person chooser, keeps the chosen person in it, says how to reach the others, and stays under 40 KB', () => {
    const everyone = Array.from({ length: 2000 }, (_, n) => person(5000 + n, { name: `Personne ${n} avec un nom de longueur moyenne` }));
    const chosen = everyone[1999]!;
    const data = formCardData({ declarable: everyone, types: defaultTrainingTypes, values: { ...values, personId: chosen.id }, errors: [], today, locale: 'fr' });
    expect(data.people).toHaveLength(maxPeopleChoices);
    expect(data.people.at(-1)?.id).toBe(chosen.id);
    expect(data.personId).toBe(chosen.id);
    expect(data.peopleHint).toContain('déclarer une formation <nom>');
    expect(Buffer.byteLength(JSON.stringify(trainingFormCard(data, 'fr')))).toBeLessThan(maxCardBytes);
  });
});
