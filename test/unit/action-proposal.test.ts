import { actionItemSchema } from '../../services/action-plan/action-item';
import { proposalFromCheckProblem, validateProposal, type ProposalContext, type ProposalResult } from '../../services/action-plan/action-proposal';
import type { CheckAnswer, CheckItem } from '../../services/checks/check-item';
import { cast, people, serviceCodes } from './action-fixtures';

const now = new Date('2026-11-23T09:15:00.000Z');
const context = (overrides: Partial<ProposalContext> = {}): ProposalContext => ({
  proposer: cast.agent,
  people,
  serviceCodes,
  existing: [{ id: '2026-03' }, { id: '2025-11' }],
  today: '2026-11-23',
  now,
  ...overrides,
});
const form = {
  finding: 'Urne à suggestions peu visible',
  action: 'Placer l’urne au niveau de la sortie',
  references: 'E3 § 3-1, E6',
  sources: ['enquete-satisfaction'],
  services: 'BMI / bls',
};

function errorsOf(result: ProposalResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.errors;
}

describe('proposing an action (`nouvelle action`)', () => {
  it('lets any agent propose: a proposal under the next number of the year, owned by them unless they name someone', () => {
    const result = validateProposal(form, context());
    expect(result).toEqual({
      ok: true,
      item: {
        id: '2026-04',
        year: 2026,
        finding: 'Urne à suggestions peu visible',
        references: ['E3 § 3-1', 'E6'],
        sources: ['enquete-satisfaction'],
        sourceDate: undefined,
        state: 'proposed',
        deadline: undefined,
        deadlineSetAt: undefined,
        action: 'Placer l’urne au niveau de la sortie',
        services: ['BMI', 'BLS'],
        ownerId: cast.agent.id,
        createdAt: now.toISOString(),
        createdBy: cast.agent.id,
        revision: 0,
      },
    });
    if (result.ok) expect(actionItemSchema.safeParse(result.item).success).toBe(true);
  });

  it('puts it in the plan at once when the quality officer writes it with a deadline', () => {
    const result = validateProposal({ ...form, deadline: '2027-01-15', ownerId: cast.owner.id }, context({ proposer: cast.rq }));
    expect(result).toMatchObject({ ok: true, item: { state: 'planned', deadline: '2027-01-15', deadlineSetAt: now.toISOString(), ownerId: cast.owner.id } });
    expect(validateProposal(form, context({ proposer: cast.rq }))).toMatchObject({ ok: true, item: { state: 'proposed' } });
  });

  it('lists every problem at once: a deadline in the past, an unknown service, a missing finding, an unknown owner', () => {
    const errors = errorsOf(validateProposal({ ...form, finding: '  ', deadline: '2026-11-22', services: 'BMI / XYZ', ownerId: 'nobody', sources: ['rumeur'] }, context()));
    expect(errors).toEqual([
      { field: 'finding', message: 'Indiquez le constat.' },
      { field: 'sources', message: 'Source « rumeur » inconnue.' },
      { field: 'deadline', message: 'L’échéance ne peut pas être dans le passé (aujourd’hui : 23/11/2026).' },
      { field: 'services', message: 'Service « XYZ » inconnu.' },
      { field: 'ownerId', message: 'Pilote inconnu de l’annuaire.' },
    ]);
  });

  it('refuses control characters in a finding, a source date in the future, and a form that is not one', () => {
    expect(errorsOf(validateProposal({ ...form, finding: 'a\tb' }, context()))[0]?.field).toBe('finding');
    expect(errorsOf(validateProposal({ ...form, sourceDate: '2026-12-01' }, context()))[0]?.field).toBe('sourceDate');
    expect(errorsOf(validateProposal('texte', context()))).toEqual([{ field: 'form', message: 'Formulaire illisible : recommencez depuis la carte « nouvelle action ».' }]);
  });
});

describe('turning a "Problème" answer to a quarterly check into an action', () => {
  const check: CheckItem = {
    id: 'POINT-NUMERIQUE',
    label: 'Affichage du point numérique',
    commitment: 'E.15',
    location: 'hall',
    ownerId: cast.owner.id,
    service: 'BMI',
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  const answer: CheckAnswer = {
    itemId: check.id,
    quarter: '2026-Q4',
    answer: 'problem',
    problem: 'Affiche absente du hall depuis les travaux',
    answeredBy: cast.owner.id,
    answeredAt: '2026-11-20T10:00:00.000Z',
    late: false,
  };

  it('makes a proposal of the check’s owner and service, pointing at its commitment and remembering the answer', () => {
    expect(proposalFromCheckProblem(answer, check, context({ proposer: cast.rq }))).toMatchObject({
      ok: true,
      item: {
        id: '2026-04',
        state: 'proposed',
        finding: 'Affichage du point numérique : Affiche absente du hall depuis les travaux',
        references: ['E.15'],
        sources: ['controle-trimestriel'],
        services: ['BMI'],
        ownerId: cast.owner.id,
        createdBy: cast.rq.id,
        origin: { kind: 'check', checkItemId: 'POINT-NUMERIQUE', quarter: '2026-Q4' },
      },
    });
  });

  it('refuses a second action for the same answer, and an answer that is not a problem', () => {
    const existing = [{ id: '2026-04', origin: { kind: 'check' as const, checkItemId: 'POINT-NUMERIQUE', quarter: '2026-Q4' } }];
    expect(errorsOf(proposalFromCheckProblem(answer, check, context({ existing })))).toEqual([{ field: 'form', message: 'Ce problème a déjà donné l’action 2026-04.' }]);
    expect(errorsOf(proposalFromCheckProblem({ ...answer, answer: 'verified', problem: undefined }, check, context()))[0]?.field).toBe('form');
  });

  it('cuts a long problem to the finding’s length', () => {
    const result = proposalFromCheckProblem({ ...answer, problem: 'x'.repeat(1000) }, check, context());
    expect(result.ok && result.item.finding.length).toBe(300);
  });
});
