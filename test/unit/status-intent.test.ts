import fc from 'fast-check';
import { meaningOf, readViewFilters, readViewIntent, typoTolerance } from '../../services/status/view-intent';

const codes = ['BMI', 'CERT', 'SGCD', 'ACCUEIL', 'DC'];
const read = (text: string) => readViewIntent(text, codes);

/** Messages and what they must lead to; the property tests below vary them. */
const examples: [string, { command: string; argument: string }][] = [
  ['statut', { command: 'status', argument: '' }],
  ['tableau de bord', { command: 'status', argument: '' }],
  ["statut plan d'action", { command: 'actionPlan', argument: '' }],
  ['actions en retard', { command: 'actionPlan', argument: 'en retard' }],
  ['actions à valider', { command: 'actionPlan', argument: 'à valider' }],
  ['propositions d actions', { command: 'actionPlan', argument: 'propositions' }],
  ['formations expirées', { command: 'training', argument: 'expirées' }],
  ['formations à renouveler', { command: 'training', argument: 'à renouveler' }],
  ['réclamations en retard', { command: 'complaints', argument: 'en retard' }],
  ['réclamations en attente', { command: 'complaints', argument: 'en attente' }],
  ['contrôles du trimestre', { command: 'checks', argument: '' }],
  ['comité local des usagers', { command: 'clu', argument: '' }],
  ['échéances du label', { command: 'labelCalendar', argument: '' }],
  ['statut fraude', { command: 'fraud', argument: '' }],
];

describe('reading a message as a view, whatever the wording (issue 7)', () => {
  it.each(examples)('reads %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('reads any word order', () => {
    expect(read('en retard actions')).toEqual({ command: 'actionPlan', argument: 'en retard' });
    expect(read('expirées formations')).toEqual({ command: 'training', argument: 'expirées' });
    expect(read("plan d'action statut")).toEqual({ command: 'actionPlan', argument: '' });
    expect(read('en retard, les réclamations')).toEqual({ command: 'complaints', argument: 'en retard' });
  });

  it('reads singular for plural, no accents, any case, small typos', () => {
    expect(read('formation expiree')).toEqual({ command: 'training', argument: 'expirées' });
    expect(read('RECLAMATIONS EN RETARD')).toEqual({ command: 'complaints', argument: 'en retard' });
    expect(read('reclamatoins en retard')).toEqual({ command: 'complaints', argument: 'en retard' });
    expect(read('formatons expirés')).toEqual({ command: 'training', argument: 'expirées' });
    expect(read('statuts')).toEqual({ command: 'status', argument: '' });
    expect(read('actions en retrad')).toBeUndefined(); // two letters swapped in a 6-letter word: too far to guess
  });

  it('keeps years and service codes for the views that read them, in a fixed order', () => {
    expect(read('bmi actions en retard 2026')).toEqual({ command: 'actionPlan', argument: 'en retard 2026 BMI' });
    expect(read('formations expirées du service cert')).toEqual({ command: 'training', argument: 'expirées CERT' });
    expect(read('2025 réclamations')).toEqual({ command: 'complaints', argument: '2025' });
    expect(read('réclamations en retard 2025')).toBeUndefined();
    expect(read('clu 2026')).toBeUndefined();
  });

  it('leaves alone what is not a view: other commands, several views, words not understood', () => {
    expect(read('nouvelle actoin')).toBeUndefined();
    expect(read('proposer une actoin')).toBeUndefined();
    expect(read('déclarer formatoin')).toBeUndefined();
    expect(read('types de formatoins')).toBeUndefined();
    expect(read('plan de formation')).toBeUndefined();
    expect(read('demandes d information')).toBeUndefined();
    expect(read('aide moi à remplir')).toBeUndefined();
    expect(read('en retard')).toBeUndefined();
    expect(read('formations à valider')).toBeUndefined();
    expect(read('bonjour les actions')).toBeUndefined();
    expect(read('')).toBeUndefined();
    expect(read('actions '.repeat(13))).toBeUndefined();
  });

  it('tolerates typos by the length of the word: none up to 4 letters, one up to 9, two from 10', () => {
    expect([typoTolerance('clu'), typoTolerance('plan'), typoTolerance('action'), typoTolerance('reclamation')]).toEqual([0, 0, 1, 2]);
    expect(meaningOf('plen')).toBeUndefined();
    expect(meaningOf('infrmation')).toBeUndefined();
  });

  it('reads the filters of a view’s own words for its handler', () => {
    expect(readViewFilters('expirées BMI', ['expired', 'expiring'], codes)).toEqual({ filters: ['expired'], services: ['BMI'] });
    expect(readViewFilters('à renouveler', ['expired', 'expiring'], codes)).toEqual({ filters: ['expiring'], services: [] });
    expect(readViewFilters('BMI', ['expired', 'expiring'], codes)).toBeUndefined();
    expect(readViewFilters('expirées hier', ['expired', 'expiring'], codes)).toBeUndefined();
    expect(readViewFilters('en retard', ['overdue', 'pending'])).toEqual({ filters: ['overdue'], services: [] });
    expect(readViewFilters('2025', ['overdue', 'pending'])).toBeUndefined();
  });
});

/** Words of a message, shuffled. */
const shuffled = (words: string[]) => fc.shuffledSubarray(words, { minLength: words.length, maxLength: words.length });

/** The meaningful words of an example (longer than 4 letters: those a typo may touch). */
const typoable = (word: string) => word.length >= 5 && /^[a-z]+$/.test(word);

/** Folds accents away or adds them back, and changes case letter by letter. */
function recase(word: string, mask: boolean[]): string {
  return [...word].map((letter, index) => (mask[index % mask.length] ? letter.toUpperCase() : letter.toLowerCase())).join('');
}

const plain = (word: string) => word.normalize('NFKD').replace(/\p{Diacritic}/gu, '');

describe('view reading properties', () => {
  const cases = examples.map(([text, expected]) => ({ words: text.replace(/[’']/g, ' ').split(/\s+/), expected }));

  it('does not care about word order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases).chain((c) => fc.tuple(fc.constant(c), shuffled(c.words))), ([c, words]) => {
        expect(read(words.join(' '))).toEqual(c.expected);
      }),
      { numRuns: 300 },
    );
  });

  it('does not care about case nor accents', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), fc.boolean(), (c, mask, strip) => {
        const text = c.words.map((word) => recase(strip ? plain(word) : word, mask)).join(' ');
        expect(read(text)).toEqual(c.expected);
      }),
      { numRuns: 300 },
    );
  });

  it('does not care about a plural s added or taken away', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.nat(), (c, pick) => {
        const words = c.words.map(plain);
        const candidates = words.map((word, index) => ({ word, index })).filter(({ word }) => typoable(word));
        fc.pre(candidates.length > 0);
        const { word, index } = candidates[pick % candidates.length] ?? { word: '', index: 0 };
        const changed = word.endsWith('s') ? word.slice(0, -1) : `${word}s`;
        const text = words.map((w, i) => (i === index ? changed : w)).join(' ');
        expect(read(text)).toEqual(c.expected);
      }),
      { numRuns: 300 },
    );
  });

  it('does not care about one letter typed wrong, left out or doubled in a word of five letters or more', () => {
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.nat(), fc.nat(), letter, fc.constantFrom('substitute', 'delete', 'double'), (c, pick, at, replacement, kind) => {
        const words = c.words.map(plain);
        const candidates = words.map((word, index) => ({ word, index })).filter(({ word }) => typoable(word));
        fc.pre(candidates.length > 0);
        const { word, index } = candidates[pick % candidates.length] ?? { word: '', index: 0 };
        const position = at % word.length;
        const typo =
          kind === 'substitute'
            ? word.slice(0, position) + replacement + word.slice(position + 1)
            : kind === 'delete'
              ? word.slice(0, position) + word.slice(position + 1)
              : word.slice(0, position + 1) + word.slice(position);
        const text = words.map((w, i) => (i === index ? typo : w)).join(' ');
        const result = read(text);
        // A typo may come as close to another word of the vocabulary (« declamation » is as near « déclaration », a
        // command word): then it is not guessed, but it never leads to another view.
        if (result !== undefined) expect(result).toEqual(c.expected);
        else expect(meaningOf(typo)).not.toEqual(meaningOf(word));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws, and only ever leads to a read-only view', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (text) => {
        const result = read(text);
        if (result) expect(['status', 'actionPlan', 'checks', 'training', 'complaints', 'fraud', 'clu', 'labelCalendar']).toContain(result.command);
      }),
      { numRuns: 1000 },
    );
  });
});
