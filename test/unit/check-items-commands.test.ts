import { commandTable, type CommandName } from '../../bot/commands';
import type { CommandDefinition } from '../../bot/command-definition';
import { matchCommand } from '../../services/text/command-matcher';

const commands = (Object.entries(commandTable) as [CommandName, CommandDefinition][]).map(([name, c]) => ({
  name,
  phrasings: c.phrasings,
  takesArgument: c.takesArgument,
}));

const matched = (text: string) => {
  const result = matchCommand(text, commands);
  return result.kind === 'match' ? result.match : undefined;
};

describe('check item commands next to « contrôles »', () => {
  it.each(['gérer les contrôles', 'Gerer les controles', 'gérer contrôles', 'éléments de contrôle', 'elements de controle', 'Manage checks'])(
    'reads %j as managing check items, not as the quarter’s checks',
    (text) => {
      expect(matched(text)).toEqual({ name: 'manageChecks', argument: '' });
    },
  );

  it('keeps a service code after « gérer les contrôles »', () => {
    expect(matched('gérer les contrôles BMI')).toEqual({ name: 'manageChecks', argument: 'BMI' });
  });

  it.each(['importer controles', 'importer les contrôles', 'Importer les éléments de contrôle', 'import checks'])('reads %j as the check items import', (text) => {
    expect(matched(text)).toEqual({ name: 'importChecks', argument: '' });
  });

  it('still reads « contrôles [trimestre] » and « importer annuaire » as before', () => {
    expect(matched('contrôles')).toEqual({ name: 'checks', argument: '' });
    expect(matched('contrôles T4 2026')).toEqual({ name: 'checks', argument: 'T4 2026' });
    expect(matched('checks 2026-Q4')).toEqual({ name: 'checks', argument: '2026-Q4' });
    expect(matched('importer annuaire')?.name).toBe('importDirectory');
  });

  it('reserves both commands to the quality officer and admins', () => {
    expect(commandTable.manageChecks.audience).toEqual(['rq', 'admin']);
    expect(commandTable.importChecks.audience).toEqual(['rq', 'admin']);
  });
});
