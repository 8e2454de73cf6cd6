import fc from 'fast-check';
import { commandTable, type CommandName } from '../../bot/commands';
import type { CommandDefinition } from '../../bot/command-definition';
import { matchCommand } from '../../services/text/command-matcher';

const commands = (Object.entries(commandTable) as [CommandName, CommandDefinition][]).map(([name, c]) => ({
  name,
  phrasings: c.phrasings,
  takesArgument: c.takesArgument,
}));

function matched(text: string) {
  const result = matchCommand(text, commands);
  return result.kind === 'match' ? result.match : undefined;
}

describe('matching messages to commands', () => {
  it.each(['aide', 'help', '?', 'Aide !', 'AIDE', '  aide  ', 'Help?'])('reads %j as the help command', (text) => {
    expect(matched(text)).toEqual({ name: 'help', argument: '' });
  });

  it.each(['qui suis-je', 'Qui suis-je ?', 'QUI SUIS JE', 'whoami', 'Who am I?'])('reads %j as whoami', (text) => {
    expect(matched(text)?.name).toBe('whoami');
  });

  it('keeps the argument as typed, punctuation included', () => {
    expect(matched('engagement E.17')).toEqual({ name: 'commitment', argument: 'E.17' });
    expect(matched('Engagement  ES47')).toEqual({ name: 'commitment', argument: 'ES47' });
  });

  it('prefers the longest phrasing ("engagements" is the list, not "engagement" + "s")', () => {
    expect(matched('engagements')?.name).toBe('commitments');
    expect(matched('importer l’annuaire')?.name).toBe('importDirectory');
  });

  it('tells « mes formations » from « formations » and « déclarer une formation »', () => {
    expect(matched('mes formations')).toEqual({ name: 'myTraining', argument: '' });
    expect(matched('Mes Formations !')?.name).toBe('myTraining');
    expect(matched('formations')).toEqual({ name: 'training', argument: '' });
    expect(matched('Formations BMI')).toEqual({ name: 'training', argument: 'BMI' });
    expect(matched('suivi des formations')).toEqual({ name: 'training', argument: '' });
    expect(matched('Déclarer une formation')).toEqual({ name: 'declareTraining', argument: '' });
    expect(matched('declarer une formation Adele Vance')).toEqual({ name: 'declareTraining', argument: 'Adele Vance' });
    expect(matched('declare training')?.name).toBe('declareTraining');
  });

  it('does not run a command that takes no argument when words follow it', () => {
    expect(matched('aide moi à remplir')).toBeUndefined();
  });

  it.each([
    ['aid', 'help'],
    ['aidee', 'help'],
    ['qui suis j', 'whoami'],
    ['engagment E.17', 'commitment'],
    ['annuare', 'directory'],
  ])('suggests the closest command for the typo %j', (text, expected) => {
    const result = matchCommand(text, commands);
    expect(result.kind).toBe('unknown');
    expect(result.kind === 'unknown' && result.suggestions).toContain(expected);
  });

  it('suggests nothing for plain gibberish', () => {
    expect(matchCommand('xqzwv blorp', commands)).toEqual({ kind: 'unknown', suggestions: [] });
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const result = matchCommand(text, commands);
        expect(['match', 'unknown']).toContain(result.kind);
      }),
      { numRuns: 1000 },
    );
  });
});
