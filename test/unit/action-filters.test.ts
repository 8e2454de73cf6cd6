import { parseActionFilters, visibleItems, type ActionFilters } from '../../services/action-plan/action-filters';
import { cast, itemIn, serviceCodes } from './action-fixtures';

const none: ActionFilters = { overdue: false, awaitingApproval: false, proposals: false, all: false, years: [], services: [], unknown: [] };
const today = '2026-12-20';

describe('the filter words of `plan d’action`', () => {
  it('reads « en retard », « à valider », a year and a service code, whatever the accents and case', () => {
    expect(parseActionFilters('En Retard', serviceCodes)).toEqual({ ...none, overdue: true });
    expect(parseActionFilters('A VALIDER', serviceCodes)).toEqual({ ...none, awaitingApproval: true });
    expect(parseActionFilters('à-valider 2021 bmi', serviceCodes)).toEqual({ ...none, awaitingApproval: true, years: [2021], services: ['BMI'] });
    expect(parseActionFilters('les actions du service CERT en retard', serviceCodes)).toEqual({ ...none, overdue: true, services: ['CERT'] });
    expect(parseActionFilters('propositions', serviceCodes)).toEqual({ ...none, proposals: true });
    expect(parseActionFilters('toutes 2021 2022', serviceCodes)).toEqual({ ...none, all: true, years: [2021, 2022] });
  });

  it('keeps the words it does not understand, so the view can say so', () => {
    expect(parseActionFilters('urgent BMI', serviceCodes)).toEqual({ ...none, services: ['BMI'], unknown: ['urgent'] });
    expect(parseActionFilters('', serviceCodes)).toEqual(none);
  });

  it('matches a service code written with a hyphen as one service', () => {
    expect(parseActionFilters('pre-accueil', ['PRE-ACCUEIL', 'PRE']).services).toEqual(['PRE-ACCUEIL']);
  });
});

describe('which actions a person sees', () => {
  const mine = itemIn('in-progress', { id: '2026-01' });
  const late = itemIn('planned', { id: '2026-02', deadline: '2026-12-15' });
  const cert = itemIn('awaiting-approval', { id: '2026-03', services: ['CERT'], ownerId: cast.otherManager.id, createdBy: cast.rq.id });
  const old = itemIn('closed', { id: '2021-04', year: 2021 });
  const proposal = itemIn('proposed', { id: '2026-04', ownerId: cast.agent.id, createdBy: cast.agent.id, services: ['BLS'] });
  const items = [old, proposal, cert, late, mine];
  const ids = (actor: typeof cast.owner, words = '') => visibleItems(items, actor, parseActionFilters(words, serviceCodes), today).map((item) => item.id);

  it('shows an agent what they own or proposed, a manager their services’, the quality officer and admins everything', () => {
    expect(ids(cast.owner)).toEqual(['2026-01', '2026-02']);
    expect(ids(cast.agent)).toEqual(['2026-04']);
    expect(ids(cast.manager)).toEqual(['2026-01', '2026-02']);
    expect(ids(cast.blsManager)).toEqual(['2026-01', '2026-02', '2026-04']);
    expect(ids(cast.otherManager)).toEqual(['2026-03']);
    expect(ids(cast.rq)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(ids(cast.admin)).toEqual(ids(cast.rq));
    expect(ids(cast.fraudReferent)).toEqual([]);
  });

  it('filters: overdue means planned or in progress past the deadline; awaiting approval; a year shows its whole table', () => {
    expect(ids(cast.rq, 'en retard')).toEqual(['2026-01', '2026-02']);
    expect(ids(cast.rq, 'à valider')).toEqual(['2026-03']);
    expect(ids(cast.rq, 'en retard à valider')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(ids(cast.rq, '2021')).toEqual(['2021-04']);
    expect(ids(cast.rq, 'toutes')).toEqual(['2021-04', '2026-01', '2026-02', '2026-03', '2026-04']);
    expect(ids(cast.rq, 'CERT')).toEqual(['2026-03']);
    expect(ids(cast.rq, 'propositions bls')).toEqual(['2026-04']);
    expect(visibleItems(items, cast.rq, parseActionFilters('en retard', serviceCodes), '2026-12-15').map((i) => i.id)).toEqual([]);
  });
});
