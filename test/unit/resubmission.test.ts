import { isSameComplaintSubmission } from '../../services/complaints/complaint-resubmission';
import { isSameSubmission } from '../../services/fraud/fraud-resubmission';
import type { FraudSignal } from '../../services/fraud/fraud-signal';
import { complaintWith } from './complaint-fixtures';

const createdAt = '2026-11-23T09:00:00.000Z';
const stored: FraudSignal = {
  id: 'BMI-2026-0004',
  service: 'BMI',
  titleType: 'titre-sejour',
  nature: 'faux-bulletin-salaire',
  detectedOn: '2026-11-20',
  fileReference: '2026-BMI-00412',
  description: 'Bulletins de salaire d’une entreprise radiée',
  article40: { reported: false },
  authorId: '00000000-0000-0000-0000-0000000000022',
  createdAt,
  state: 'submitted',
  submittedAt: createdAt,
  exchanges: [],
  revision: 0,
};
const { id: _id, ...form } = stored;
const retriedAt = new Date('2026-11-23T09:05:00.000Z');

describe('a fraud form sent again', () => {
  it('is the signal stored by the earlier attempt, whatever happened to it since', () => {
    const qualified: FraudSignal = { ...stored, state: 'confirmed' };
    expect(isSameSubmission(qualified, { ...form, createdAt: retriedAt.toISOString() }, retriedAt)).toBe(true);
  });

  it.each([
    ['another author', { authorId: '00000000-0000-0000-0000-0000000000023' }],
    ['another file reference', { fileReference: '2026-BMI-00413' }],
    ['another description', { description: 'Autre anomalie' }],
    ['another detection day', { detectedOn: '2026-11-19' }],
    ['an article 40 report', { article40: { reported: true, on: '2026-11-21' } }],
  ])('is a new signal with %s', (_what, change) => {
    expect(isSameSubmission(stored, { ...form, ...change }, retriedAt)).toBe(false);
  });

  it('is a new signal a day after the first one', () => {
    expect(isSameSubmission(stored, form, new Date('2026-11-24T09:00:00.000Z'))).toBe(false);
  });
});

describe('a complaint form sent again', () => {
  const logged = complaintWith({ createdAt });

  it('is the complaint logged by the earlier attempt', () => {
    expect(isSameComplaintSubmission(logged, { ...logged, createdAt: retriedAt.toISOString() }, retriedAt)).toBe(true);
  });

  it.each([
    ['logged by someone else', { createdBy: '00000000-0000-0000-0000-000000000099' }],
    ['with another summary', { summary: 'Autre sujet' }],
    ['received another day', { receivedOn: '2026-11-19' }],
    ['given to another agent', { assigneeId: '00000000-0000-0000-0000-000000000098' }],
    ['out of scope', { inScope: false, outOfScopeReason: 'contentious-appeal' as const }],
  ])('is a new complaint %s', (_what, change) => {
    expect(isSameComplaintSubmission(logged, { ...logged, ...change }, retriedAt)).toBe(false);
  });

  it('is a new complaint a day after the first one', () => {
    expect(isSameComplaintSubmission(logged, logged, new Date('2026-11-24T09:00:00.000Z'))).toBe(false);
  });
});
