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

describe('the action plan commands', () => {
  it.each([
    ['plan d’action', ''],
    ["plan d'action en retard", 'en retard'],
    ['Plan d action à valider', 'à valider'],
    ['plan 2021', '2021'],
    ['actions BMI', 'BMI'],
    ['mes actions', ''],
    ['action plan overdue', 'overdue'],
    ['plan d’actions toutes', 'toutes'],
  ])('reads %j as the plan with the filter words %j', (text, argument) => {
    expect(matched(text)).toEqual({ name: 'actionPlan', argument });
  });

  it('keeps « action 2021-07 » and « historique 2021-07 » apart from the plan (« actions » is not « action »)', () => {
    expect(matched('action 2021-07')).toEqual({ name: 'action', argument: '2021-07' });
    expect(matched('Action 2021-7')).toEqual({ name: 'action', argument: '2021-7' });
    expect(matched('actions 2021')).toEqual({ name: 'actionPlan', argument: '2021' });
    expect(matched('historique 2021-07')).toEqual({ name: 'actionHistory', argument: '2021-07' });
  });

  it.each(['nouvelle action', 'Nouvelle Action !', 'proposer une action', 'new action'])('reads %j as the new action form', (text) => {
    expect(matched(text)).toEqual({ name: 'newAction', argument: '' });
  });

  it('takes the words after « nouvelle action » as the finding', () => {
    expect(matched('nouvelle action Affiche absente du hall')).toEqual({ name: 'newAction', argument: 'Affiche absente du hall' });
  });

  it('sends any « action <number> » to the action and any « plan d’action <words> » to the plan', () => {
    const word = fc.stringMatching(/^[a-z0-9éà]{1,12}$/);
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 999 }), (year, row) => {
        expect(matched(`action ${year}-${row}`)?.name).toBe('action');
      }),
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
        expect(matched(`plan d’action ${words.join(' ')}`)).toEqual({ name: 'actionPlan', argument: words.join(' ') });
      }),
    );
  });
});
