import { actionItemSchema, actionSourceLabels, actionSources, actionStateLabels, actionStates, isOverdue } from '../../services/action-plan/action-item';
import { itemIn } from './action-fixtures';

const issuesOf = (value: unknown) => {
  const result = actionItemSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('an action item (DOMAIN §3, the columns of the seed’s 2021 plan)', () => {
  it('names every source and state in French and English', () => {
    expect(Object.keys(actionSourceLabels)).toEqual([...actionSources]);
    expect(Object.keys(actionStateLabels)).toEqual([...actionStates]);
    expect(actionSourceLabels.autodiagnostic.fr).toBe('Auto-diagnostic');
  });

  it('ties fields to the state: an open action has a deadline, one awaiting approval its verification, a cancelled one its reason', () => {
    expect(issuesOf({ ...itemIn('planned'), deadline: undefined })).toEqual(['échéance obligatoire pour une action ouverte']);
    expect(issuesOf({ ...itemIn('awaiting-approval'), verification: undefined })).toEqual(['vérification de l’efficacité obligatoire']);
    expect(issuesOf({ ...itemIn('cancelled'), cancelReason: undefined })).toEqual(['motif et date d’annulation obligatoires']);
    expect(issuesOf({ ...itemIn('closed'), closedOn: undefined })).toEqual(['date de clôture obligatoire']);
    expect(issuesOf({ ...itemIn('rejected-proposal'), refusalReason: undefined })).toEqual(['motif de refus obligatoire']);
  });

  it('keeps historical rows as the seed has them: closed without deadline, verification or effectiveness', () => {
    expect(issuesOf({ ...itemIn('closed'), deadline: undefined, verification: undefined, effective: undefined })).toEqual([]);
  });

  it('refuses control characters in one-line texts but lets paragraphs span lines', () => {
    expect(issuesOf({ ...itemIn('planned'), finding: 'a\nb' })).toHaveLength(1);
    expect(issuesOf({ ...itemIn('planned'), action: 'ligne 1\nligne 2' })).toEqual([]);
    expect(issuesOf({ ...itemIn('planned'), action: 'a\tb' })).toHaveLength(1);
    expect(issuesOf({ ...itemIn('planned'), references: ['E6, E7'] })).toEqual(['pas de virgule ni de point-virgule dans une référence']);
  });

  it('keeps the year equal to the number’s, and services and sources unique', () => {
    expect(issuesOf({ ...itemIn('planned'), year: 2025 })).toEqual(['l’année ne correspond pas au numéro']);
    expect(issuesOf({ ...itemIn('planned'), services: ['BMI', 'BMI'] })).toEqual(['service en double']);
    expect(issuesOf({ ...itemIn('planned'), services: [] })).toHaveLength(1);
  });

  it('is overdue only while work is expected and the deadline has passed', () => {
    expect(isOverdue(itemIn('in-progress'), '2026-12-16')).toBe(true);
    expect(isOverdue(itemIn('in-progress'), '2026-12-15')).toBe(false);
    expect(isOverdue(itemIn('awaiting-approval'), '2027-01-01')).toBe(false);
  });
});
