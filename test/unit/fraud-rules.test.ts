import type { Role } from '../../services/directory/roles';
import { decideAnswer, decideQualification, isAuditedRead, mayQualify, maySeeSignal, qualifiersOf, questionRoundOf } from '../../services/fraud/fraud-rules';
import { formatFraudSignalId, parseFraudSignalId, roundOf, splitFraudSignalId, type FraudSignal } from '../../services/fraud/fraud-signal';

const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(13, '0')}`;
const person = (n: number, roles: Role[], service?: string) => ({ id: id(n), roles, service });

const author = person(22, ['agent'], 'BMI');
const otherAgent = person(104, ['agent'], 'BMI');
const bmiManager = person(21, ['agent', 'manager'], 'BMI');
const certManager = person(25, ['agent', 'manager'], 'CERT');
const rq = person(20, ['rq', 'admin'], 'SGCD');
const referent = person(23, ['agent', 'fraud-referent'], 'SG');
const admin = person(24, ['agent', 'admin'], 'SIDSIC');

const submittedAt = '2026-11-23T09:00:00.000Z';
const signal: FraudSignal = {
  id: 'BMI-2026-0004',
  service: 'BMI',
  titleType: 'titre-sejour',
  nature: 'faux-bulletin-salaire',
  detectedOn: '2026-11-20',
  fileReference: '2026-BMI-00412',
  description: 'Bulletins de salaire d’une entreprise radiée',
  article40: { reported: false },
  authorId: author.id,
  createdAt: submittedAt,
  state: 'submitted',
  submittedAt,
  exchanges: [],
  revision: 0,
};
const later = new Date('2026-11-24T10:00:00.000Z');
const round = roundOf(signal);

describe('who sees a fraud signal', () => {
  it.each([
    ['its author', author, true],
    ['a fraud referent', referent, true],
    ['the quality officer', rq, true],
    ['another agent of the service', otherAgent, false],
    ['the manager of the service', bmiManager, false],
    ['a manager of another service', certManager, false],
    ['an administrator', admin, false],
  ])('%s: %s', (_who, viewer, expected) => {
    expect(maySeeSignal(signal, viewer)).toBe(expected);
  });

  it('audits every read but the author’s', () => {
    expect(isAuditedRead(signal, author)).toBe(false);
    expect(isAuditedRead(signal, referent)).toBe(true);
    expect(isAuditedRead(signal, rq)).toBe(true);
  });

  it('lets only fraud referents qualify, and sends the round to every referent but the author', () => {
    expect([author, rq, referent, admin, bmiManager].map(mayQualify)).toEqual([false, false, true, false, false]);
    const second = person(30, ['fraud-referent']);
    expect(qualifiersOf(signal, [author, referent, rq, second]).map((p) => p.id)).toEqual([referent.id, second.id]);
    expect(qualifiersOf({ authorId: referent.id }, [referent, second]).map((p) => p.id)).toEqual([second.id]);
  });
});

describe('qualifying a signal', () => {
  it('confirms it and records who and when', () => {
    const decision = decideQualification(signal, referent, { outcome: 'confirmed', round }, later);
    expect(decision).toEqual({
      ok: true,
      next: { ...signal, state: 'confirmed', qualification: { by: referent.id, at: later.toISOString(), outcome: 'confirmed' }, revision: 1 },
    });
  });

  it('answers someone who may not see it as if it did not exist', () => {
    for (const viewer of [otherAgent, bmiManager, certManager, admin]) {
      expect(decideQualification(signal, viewer, { outcome: 'confirmed', round }, later)).toEqual({ ok: false, refusal: { kind: 'not-found' } });
    }
  });

  it('refuses the author and the quality officer, who see it but do not qualify', () => {
    expect(decideQualification(signal, author, { outcome: 'confirmed', round }, later)).toEqual({ ok: false, refusal: { kind: 'not-referent' } });
    expect(decideQualification(signal, rq, { outcome: 'not-confirmed', round }, later)).toEqual({ ok: false, refusal: { kind: 'not-referent' } });
  });

  it('refuses a second qualification, and a card of an earlier round', () => {
    const confirmed = { ...signal, state: 'confirmed' as const };
    expect(decideQualification(confirmed, referent, { outcome: 'not-confirmed', round }, later)).toMatchObject({ ok: false, refusal: { kind: 'already-qualified' } });
    expect(decideQualification(signal, referent, { outcome: 'confirmed', round: round - 1 }, later)).toEqual({ ok: false, refusal: { kind: 'stale' } });
  });

  it('needs a question, free of personal data, to ask the author to complete', () => {
    expect(decideQualification(signal, referent, { outcome: 'to-complete', round, question: '  ' }, later)).toMatchObject({
      ok: false,
      refusal: { kind: 'invalid', field: 'question', message: expect.stringContaining('Posez la question') },
    });
    expect(decideQualification(signal, referent, { outcome: 'to-complete', round, question: 'Rappelez-moi au 06 12 34 56 78' }, later)).toMatchObject({
      ok: false,
      refusal: { kind: 'invalid', field: 'question', message: expect.stringContaining('un numéro de téléphone') },
    });
    const asked = decideQualification(signal, referent, { outcome: 'to-complete', round, question: 'Le bulletin d’avril est-il au dossier ?' }, later);
    expect(asked).toMatchObject({ ok: true, next: { state: 'to-complete', exchanges: [{ question: 'Le bulletin d’avril est-il au dossier ?', askedBy: referent.id }] } });
  });
});

describe('answering the referent’s question', () => {
  const asked = decideQualification(signal, referent, { outcome: 'to-complete', round, question: 'Le bulletin d’avril est-il au dossier ?' }, later);
  const toComplete = asked.ok ? asked.next : signal;
  const questionRound = questionRoundOf(toComplete);
  const answeredAt = new Date('2026-11-25T08:00:00.000Z');

  it('returns it to the referents as a new round', () => {
    const decision = decideAnswer(toComplete, author, { answer: 'Oui, avec la même anomalie.', round: questionRound }, answeredAt);
    expect(decision).toMatchObject({ ok: true, next: { state: 'submitted', submittedAt: answeredAt.toISOString(), revision: 2 } });
    if (decision.ok) {
      expect(decision.next.exchanges).toEqual([expect.objectContaining({ answer: 'Oui, avec la même anomalie.', answeredAt: answeredAt.toISOString() })]);
      expect(roundOf(decision.next)).not.toBe(round);
    }
  });

  it('lets only the author answer, only while a question waits, only on the question’s card', () => {
    expect(decideAnswer(toComplete, referent, { answer: 'oui', round: questionRound }, answeredAt)).toEqual({ ok: false, refusal: { kind: 'not-author' } });
    expect(decideAnswer(toComplete, otherAgent, { answer: 'oui', round: questionRound }, answeredAt)).toEqual({ ok: false, refusal: { kind: 'not-found' } });
    expect(decideAnswer(signal, author, { answer: 'oui', round: questionRound }, answeredAt)).toEqual({ ok: false, refusal: { kind: 'not-to-complete' } });
    expect(decideAnswer(toComplete, author, { answer: 'oui', round: questionRound - 1 }, answeredAt)).toEqual({ ok: false, refusal: { kind: 'stale' } });
  });

  it('refuses an answer holding personal data', () => {
    expect(decideAnswer(toComplete, author, { answer: 'Le demandeur est né le 12/03/1985', round: questionRound }, answeredAt)).toMatchObject({
      ok: false,
      refusal: { kind: 'invalid', field: 'answer', message: expect.stringContaining('une date de naissance') },
    });
  });
});

describe('signal numbers', () => {
  it('reads them as typed and gives the domain and year of their partition', () => {
    expect(parseFraudSignalId(' bmi-2026-7 ')).toBe('BMI-2026-0007');
    expect(parseFraudSignalId('CERT-2025-0011')).toBe('CERT-2025-0011');
    expect(parseFraudSignalId('XYZ-2025-0001')).toBeUndefined();
    expect(parseFraudSignalId('BMI-25-1')).toBeUndefined();
    expect(splitFraudSignalId('SIV-2026-0012')).toEqual({ service: 'SIV', year: 2026, order: 12 });
    expect(formatFraudSignalId('PERMIS', 2026, 3)).toBe('PERMIS-2026-0003');
  });
});
