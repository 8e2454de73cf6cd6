import { commandTable, type CommandName } from '../../bot/commands';
import type { CommandDefinition } from '../../bot/command-definition';
import { verbRegistry } from '../../bot/verbs';
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

describe('the fraud commands', () => {
  it.each([
    ['signaler une fraude', 'reportFraud', ''],
    ['Signaler une FRAUDE !', 'reportFraud', ''],
    ['report fraud', 'reportFraud', ''],
    ['mes signalements', 'mySignals', ''],
    ['signalement BMI-2026-0004', 'fraudSignal', 'BMI-2026-0004'],
    ['signal bmi-2026-4', 'fraudSignal', 'bmi-2026-4'],
    ['fraude', 'fraud', ''],
    ['Fraude 2024', 'fraud', '2024'],
    ['taux de fraude 2025', 'fraud', '2025'],
    ['volumes BMI 2025-T1 12 500', 'fraudVolumes', 'BMI 2025-T1 12 500'],
    ['volumes', 'fraudVolumes', ''],
  ])('reads %j as %s with %j', (text, name, argument) => {
    expect(matched(text)).toEqual({ name, argument });
  });

  it('opens the form and the signals to everyone, the indicators to referents and the quality officer, volumes to the quality officer and managers', () => {
    expect(commandTable.reportFraud.audience).toBe('everyone');
    expect(commandTable.mySignals.audience).toBe('everyone');
    // Everyone may ask for a number: who may see it is decided per signal, with the not-found answer otherwise.
    expect(commandTable.fraudSignal.audience).toBe('everyone');
    expect(commandTable.fraud.audience).toEqual(['fraud-referent', 'rq']);
    expect(commandTable.fraudVolumes.audience).toEqual(['rq', 'manager']);
  });

  it('decides who may act on a signal inside the verbs, so that a signal one may not see answers as one that does not exist', () => {
    for (const verb of ['fraud.open', 'fraud.qualify', 'fraud.answer', 'fraud.submit', 'fraud.form'] as const) expect(verbRegistry[verb].audience).toBe('everyone');
    expect(verbRegistry['fraudVolumes.save'].audience).toEqual(['rq', 'manager']);
  });
});
