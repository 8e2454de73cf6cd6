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

  it('tells the training types catalogue from « formations », « mes formations » and « déclarer une formation »', () => {
    expect(matched('types de formation')).toEqual({ name: 'trainingTypes', argument: '' });
    expect(matched('Types de formations')).toEqual({ name: 'trainingTypes', argument: '' });
    expect(matched('catalogue des formations')).toEqual({ name: 'trainingTypes', argument: '' });
    expect(matched('Training types')).toEqual({ name: 'trainingTypes', argument: '' });
    expect(matched('training BMI')).toEqual({ name: 'training', argument: 'BMI' });
    expect(matched('formations types')).toEqual({ name: 'training', argument: 'types' });
    expect(matched('mes formations')?.name).toBe('myTraining');
    expect(matched('déclarer une formation')?.name).toBe('declareTraining');
  });

  it('tells exporting and importing the action plan from showing it, with an optional year to export', () => {
    expect(matched('exporter plan d action')).toEqual({ name: 'exportPlan', argument: '' });
    expect(matched("Exporter le plan d'action 2026")).toEqual({ name: 'exportPlan', argument: '2026' });
    expect(matched('exporter le plan d’actions complet')).toEqual({ name: 'exportPlan', argument: 'complet' });
    expect(matched('export action plan 2021')).toEqual({ name: 'exportPlan', argument: '2021' });
    expect(matched('export plan')).toEqual({ name: 'exportPlan', argument: '' });
    expect(matched("importer plan d'action")).toEqual({ name: 'importPlan', argument: '' });
    expect(matched('Importer le plan d’action')).toEqual({ name: 'importPlan', argument: '' });
    expect(matched('import action plan')).toEqual({ name: 'importPlan', argument: '' });
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

  it('tells « nouvelle réclamation » from « réclamations » and « réclamation R-2026-0012 »', () => {
    expect(matched('nouvelle réclamation')).toEqual({ name: 'newComplaint', argument: '' });
    expect(matched('Nouvelle Réclamation : horaires du hall')).toEqual({ name: 'newComplaint', argument: 'horaires du hall' });
    expect(matched('new complaint')?.name).toBe('newComplaint');
    expect(matched('réclamations')).toEqual({ name: 'complaints', argument: '' });
    expect(matched('Réclamations 2025')).toEqual({ name: 'complaints', argument: '2025' });
    expect(matched('mes réclamations')?.name).toBe('complaints');
    expect(matched('réclamation R-2026-0012')).toEqual({ name: 'complaint', argument: 'R-2026-0012' });
    expect(matched('reclamation r-2026-12')).toEqual({ name: 'complaint', argument: 'r-2026-12' });
    expect(matched('complaints')?.name).toBe('complaints');
    expect(matched('nouvelle action')?.name).toBe('newAction');
  });

  it('tells « clu » from « planifier le clu » and from the action plan', () => {
    expect(matched('clu')).toEqual({ name: 'clu', argument: '' });
    expect(matched('CLU')).toEqual({ name: 'clu', argument: '' });
    expect(matched('Comité local des usagers')?.name).toBe('clu');
    expect(matched('planifier le CLU')).toEqual({ name: 'scheduleClu', argument: '' });
    expect(matched('planifier clu')?.name).toBe('scheduleClu');
    expect(matched('schedule the CLU')?.name).toBe('scheduleClu');
    expect(matched('plan')?.name).toBe('actionPlan');
    expect(matched('plan d’action')?.name).toBe('actionPlan');
    expect(matched('planifier')).toBeUndefined();
  });

  it('tells « calendrier » from « calendrier tout » and from the other commands', () => {
    expect(matched('calendrier')).toEqual({ name: 'labelCalendar', argument: '' });
    expect(matched('Calendrier !')?.name).toBe('labelCalendar');
    expect(matched('échéances du label')?.name).toBe('labelCalendar');
    expect(matched('label calendar')?.name).toBe('labelCalendar');
    expect(matched('calendrier tout')).toEqual({ name: 'labelCalendarAll', argument: '' });
    expect(matched('Calendrier complet')?.name).toBe('labelCalendarAll');
    expect(matched('label calendar all')?.name).toBe('labelCalendarAll');
    expect(matched('calendrier 2027')).toBeUndefined();
    const typo = matchCommand('calendier', commands);
    expect(typo.kind === 'unknown' && typo.suggestions).toContain('labelCalendar');
    expect(matched('clu')?.name).toBe('clu');
  });

  it('reads « statut » and its synonyms, keeping the area words for the overview to read', () => {
    expect(matched('statut')).toEqual({ name: 'status', argument: '' });
    expect(matched('Tableau de bord')).toEqual({ name: 'status', argument: '' });
    expect(matched('État')?.name).toBe('status');
    expect(matched("statut plan d'action")).toEqual({ name: 'status', argument: "plan d'action" });
    expect(matched('actions en retard')).toEqual({ name: 'actionPlan', argument: 'en retard' });
    expect(matched('formations expirées')).toEqual({ name: 'training', argument: 'expirées' });
    expect(matched('en retard actions')).toBeUndefined(); // read by the view layer (services/status/view-intent.ts)
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

describe('matching the yearly report, its indicators and the exports (issue 7)', () => {
  it('tells « bilan » and « indicateur » from the fraud indicators and the fraud report', () => {
    expect(matched('bilan')).toEqual({ name: 'report', argument: '' });
    expect(matched('Bilan 2025')).toEqual({ name: 'report', argument: '2025' });
    expect(matched('bilan qualité 2020')).toEqual({ name: 'report', argument: '2020' });
    expect(matched('report 2025')).toEqual({ name: 'report', argument: '2025' });
    expect(matched('report fraud')?.name).toBe('reportFraud');
    expect(matched('indicateur delai-cni-passeports 2025-T1 5,9')).toEqual({ name: 'indicators', argument: 'delai-cni-passeports 2025-T1 5,9' });
    expect(matched('indicateurs')).toEqual({ name: 'indicators', argument: '' });
    expect(matched('indicateurs fraude')?.name).toBe('fraud');
  });

  it('sends « exporter <liste> » to the exports and keeps « exporter le plan d’action » for the plan', () => {
    expect(matched('exporter réclamations 2026')).toEqual({ name: 'export', argument: 'réclamations 2026' });
    expect(matched('Exporter fraude')).toEqual({ name: 'export', argument: 'fraude' });
    expect(matched('export audit 2026-11')).toEqual({ name: 'export', argument: 'audit 2026-11' });
    expect(matched('exporter bilan 2025')).toEqual({ name: 'export', argument: 'bilan 2025' });
    expect(matched('exporter le plan d’action 2026')).toEqual({ name: 'exportPlan', argument: '2026' });
    expect(matched('export plan')).toEqual({ name: 'exportPlan', argument: '' });
  });
});
