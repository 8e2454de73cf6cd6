import { demoLabelCalendar } from '../../services/label-calendar/demo-label-calendar';
import { dueWithin, late, scheduleText, standingText } from '../../services/label-calendar/label-calendar-views';
import { addMonthsTo, derivedDueOn, labelMilestones, parseDayInput } from '../../services/label-calendar/label-dates';
import { isPending, labelObligationSchema, type LabelObligation } from '../../services/label-calendar/label-obligation';
import { applyObligationEdit, buildNewObligation, draftOf, obligationIdFromLabel, type LabelObligationDraft } from '../../services/label-calendar/label-obligation-edit';
import { checkDoneInput, markOccurrenceDone, mayMarkDone, nextRecurringDueOn, recomputeDerived } from '../../services/label-calendar/label-occurrences';

const alex = '00000000-0000-0000-0000-0000000000020';
const adele = '00000000-0000-0000-0000-0000000000022';
const people = [
  { id: alex, name: 'Alex Wilber', email: 'alex.wilber@cher.gouv.fr' },
  { id: adele, name: 'Adele Vance', email: 'adele.vance@cher.gouv.fr' },
];
const now = new Date('2027-01-04T09:00:00.000Z');
const at = now.toISOString();

function obligation(overrides: Partial<LabelObligation> = {}): LabelObligation {
  return {
    id: 'ligne-editoriale',
    label: { fr: 'Revue de la ligne éditoriale des réseaux sociaux', en: 'Review of the social-network editorial line' },
    reference: '20.3',
    schedule: { kind: 'recurring', everyMonths: 12 },
    dueOn: '2027-02-18',
    ownerId: alex,
    history: [],
    active: true,
    revision: 0,
    dueSetAt: at,
    createdAt: at,
    ...overrides,
  };
}

/** The Cher calendar as it stood at CLU 2021 (seed 003): label 18/12/2019, follow-up audit with the 2-month extension. */
function cher2021(): LabelObligation[] {
  const grantedOn = '2019-12-18';
  return [
    obligation({
      id: 'label',
      label: { fr: 'Renouvellement du label', en: 'Label renewal' },
      reference: 'Label',
      schedule: { kind: 'derived', from: 'label', basis: 'done', months: 36, weeks: 0, extensionMonths: 0, basedOn: grantedOn },
      dueOn: '2022-12-18',
      history: [{ occurrenceDueOn: grantedOn, doneOn: grantedOn, doneBy: alex, doneAt: '2019-12-18T15:00:00.000Z' }],
    }),
    obligation({
      id: 'audit-suivi',
      label: { fr: 'Audit de suivi externe', en: 'External follow-up audit' },
      reference: 'Label',
      schedule: { kind: 'derived', from: 'label', basis: 'done', months: 18, weeks: 0, extensionMonths: 2, basedOn: grantedOn },
      dueOn: '2021-08-18',
    }),
    obligation({
      id: 'audit-interne',
      label: { fr: 'Audit interne', en: 'Internal audit' },
      reference: 'Label',
      schedule: { kind: 'derived', from: 'audit-suivi', basis: 'due', months: 0, weeks: -8, extensionMonths: 0, basedOn: '2021-08-18' },
      dueOn: '2021-06-23',
    }),
  ];
}

const draft = (overrides: Partial<LabelObligationDraft> = {}): LabelObligationDraft => ({
  labelFr: 'Exercice de communication d’urgence',
  labelEn: '',
  reference: 'ES49',
  everyMonths: '12',
  dueOn: '2027-09-04',
  windowStartsOn: '',
  extensionMonths: '',
  owner: adele,
  ...overrides,
});

describe('label calendar dates (CLU 2021, seed 003)', () => {
  it('derives the renewal 36 months and the follow-up audit 18 months after the label, plus the extension', () => {
    expect(labelMilestones('2019-12-18')).toEqual({ renewalDueOn: '2022-12-18', followUpAuditDueOn: '2021-06-18' });
    expect(labelMilestones('2019-12-18', 2)).toEqual({ renewalDueOn: '2022-12-18', followUpAuditDueOn: '2021-08-18' });
  });

  it('counts months on the calendar and weeks on top, clamping to the end of a shorter month', () => {
    expect(addMonthsTo('2021-08-31', 1)).toBe('2021-09-30');
    expect(addMonthsTo('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsTo('2021-06-22', -2)).toBe('2021-04-22');
    expect(derivedDueOn({ months: 0, weeks: -8, extensionMonths: 0 }, '2021-06-22')).toBe('2021-04-27');
  });

  it('reads a day typed AAAA-MM-JJ or JJ/MM/AAAA and refuses anything else', () => {
    expect(parseDayInput('2021-04-22')).toBe('2021-04-22');
    expect(parseDayInput(' 22/04/2021 ')).toBe('2021-04-22');
    expect(parseDayInput('1/4/2021')).toBe('2021-04-01');
    for (const typed of ['22-04-21', '31/02/2027', '2027-13-01', 'demain', '04/22/2021', '']) expect(parseDayInput(typed)).toBeUndefined();
  });
});

describe('the next occurrence', () => {
  it('counts a recurring obligation from its due date, not the day it was done', () => {
    expect(nextRecurringDueOn('2027-04-01', 12, '2027-03-25')).toBe('2028-04-01');
    expect(nextRecurringDueOn('2027-04-01', 12, '2027-05-10')).toBe('2028-04-01');
    expect(nextRecurringDueOn('2027-02-18', 6, '2027-02-18')).toBe('2027-08-18');
  });

  it('never opens an occurrence already past on the day a late one was done', () => {
    expect(nextRecurringDueOn('2025-04-01', 12, '2026-04-15')).toBe('2027-04-01');
    expect(nextRecurringDueOn('2025-04-01', 12, '2026-04-01')).toBe('2027-04-01');
  });

  it('moves a recurring obligation and its period by a year when done, keeping the done date in the history', () => {
    const survey = obligation({ id: 'enquete-satisfaction', reference: '3.2', dueOn: '2027-04-01', windowStartsOn: '2027-03-22' });
    const entry = { occurrenceDueOn: '2027-04-01', doneOn: '2027-04-03', doneBy: alex, doneAt: at };
    const done = markOccurrenceDone(survey, entry, now);
    expect(done).toMatchObject({ dueOn: '2028-04-01', windowStartsOn: '2028-03-22', history: [entry], dueSetAt: at });
    expect(isPending(done)).toBe(true);
  });

  it('completes a one-off obligation: done, neither due nor late any more', () => {
    const once = obligation({ schedule: { kind: 'one-off' }, dueOn: '2026-12-01' });
    const done = markOccurrenceDone(once, { occurrenceDueOn: '2026-12-01', doneOn: '2026-12-20', doneBy: alex, doneAt: at }, now);
    expect(done.dueOn).toBe('2026-12-01');
    expect(isPending(done)).toBe(false);
    expect(late([done], '2027-01-04')).toEqual([]);
  });

  it('renews the label: the renewal restarts from the day it was renewed, the follow-up audit and the internal audit follow', () => {
    const [label, audit, internal] = cher2021() as [LabelObligation, LabelObligation, LabelObligation];
    // The follow-up audit was done on 22/06/2021, within the extended deadline; the extension goes with it.
    const auditDone = markOccurrenceDone(audit, { occurrenceDueOn: '2021-08-18', doneOn: '2021-06-22', doneBy: alex, doneAt: at }, now);
    expect(auditDone.schedule).toMatchObject({ extensionMonths: 0 });
    expect(recomputeDerived([label, auditDone, internal], now)).toEqual([]);
    expect(isPending(auditDone)).toBe(false);

    const renewed = markOccurrenceDone(label, { occurrenceDueOn: '2022-12-18', doneOn: '2022-11-30', doneBy: alex, doneAt: at }, now);
    const moved = recomputeDerived([renewed, auditDone, internal], now);
    const byId = new Map(moved.map((o) => [o.id, o]));
    expect(byId.get('label')).toMatchObject({ dueOn: '2025-11-30', schedule: { basedOn: '2022-11-30' }, dueSetAt: at });
    expect(byId.get('audit-suivi')).toMatchObject({ dueOn: '2024-05-30', schedule: { basedOn: '2022-11-30', extensionMonths: 0 } });
    expect(byId.get('audit-interne')).toMatchObject({ dueOn: '2024-04-04', schedule: { basedOn: '2024-05-30' } });
    expect(isPending(byId.get('audit-suivi') as LabelObligation)).toBe(true);
  });
});

describe('what « calendrier » lists', () => {
  const list = [
    obligation({ id: 'a', dueOn: '2026-12-15' }),
    obligation({ id: 'b', dueOn: '2027-01-04' }),
    obligation({ id: 'c', dueOn: '2027-07-04' }),
    obligation({ id: 'd', dueOn: '2027-07-05' }),
    obligation({ id: 'e', dueOn: '2027-02-01', active: false }),
    obligation({ id: 'f', dueOn: '2027-03-01', history: [{ occurrenceDueOn: '2027-03-01', doneOn: '2027-01-02', doneBy: alex, doneAt: at }] }),
  ];

  it('lists the pending obligations due in the next 6 months, today included, soonest first', () => {
    expect(dueWithin(list, '2027-01-04', 6).map((o) => o.id)).toEqual(['b', 'c']);
  });

  it('lists the pending obligations whose due date has passed as late, never retired or done ones', () => {
    expect(late(list, '2027-01-04').map((o) => o.id)).toEqual(['a']);
  });

  it('says where each one stands and how it recurs, in French and English', () => {
    const [first] = list as [LabelObligation];
    expect(standingText(first, '2027-01-04', 'fr')).toBe('en retard de 20 jours');
    expect(standingText(obligation({ dueOn: '2027-01-05' }), '2027-01-04', 'fr')).toBe('demain');
    expect(standingText(list[5] as LabelObligation, '2027-01-04', 'en')).toBe('done on 2027-01-02');
    const calendar = cher2021();
    expect(scheduleText(calendar[1] as LabelObligation, calendar, 'fr')).toBe('18 mois après la dernière réalisation de « Renouvellement du label » (+ 2 mois de report)');
    expect(scheduleText(calendar[2] as LabelObligation, calendar, 'fr')).toBe('8 semaines avant l’échéance de « Audit de suivi externe »');
    expect(scheduleText(obligation(), calendar, 'en')).toBe('Every year');
  });
});

describe('the « Fait » form', () => {
  const context = { obligation: { dueOn: '2027-02-18' }, actorId: alex, today: '2027-01-04', now };

  it('records the day typed, in either format, with the occurrence it closes', () => {
    expect(checkDoneInput({ doneOn: '2027-01-04', note: ' Revue faite en comité ' }, context)).toEqual({
      ok: true,
      entry: { occurrenceDueOn: '2027-02-18', doneOn: '2027-01-04', doneBy: alex, doneAt: at, note: 'Revue faite en comité' },
    });
    expect(checkDoneInput({ doneOn: '03/01/2027', note: '' }, context)).toMatchObject({ ok: true, entry: { doneOn: '2027-01-03' } });
  });

  it('refuses a date in the wrong format, in the future, or missing, with a French message', () => {
    expect(checkDoneInput({ doneOn: '2027/01/32', note: '' }, context)).toEqual({
      ok: false,
      errors: { doneOn: 'Date « 2027/01/32 » invalide : écrivez-la JJ/MM/AAAA (ex. 22/04/2027) ou choisissez-la dans le calendrier.' },
    });
    expect(checkDoneInput({ doneOn: '2027-01-05', note: '' }, context)).toEqual({ ok: false, errors: { doneOn: 'La date ne peut pas être dans le futur.' } });
    expect(checkDoneInput({ doneOn: ' ', note: '' }, context)).toEqual({ ok: false, errors: { doneOn: 'Indiquez la date à laquelle c’est fait.' } });
    expect(checkDoneInput({ doneOn: '1999-12-31', note: '' }, context)).toMatchObject({ ok: false, errors: { doneOn: expect.stringContaining('trop ancienne') } });
    expect(checkDoneInput({ doneOn: '2027-01-04', note: 'ligne 1\nligne 2' }, context)).toMatchObject({ ok: false, errors: { note: expect.stringContaining('non autorisés') } });
  });

  it('lets the owner and the quality officers mark it done, nobody else', () => {
    const o = obligation({ ownerId: adele });
    expect(mayMarkDone(o, { id: adele, roles: ['agent'] })).toBe(true);
    expect(mayMarkDone(o, { id: alex, roles: ['rq', 'admin'] })).toBe(true);
    expect(mayMarkDone(o, { id: '00000000-0000-0000-0000-0000000000021', roles: ['agent', 'manager'] })).toBe(false);
    expect(mayMarkDone(o, { id: '00000000-0000-0000-0000-0000000000024', roles: ['agent', 'admin'] })).toBe(false);
  });
});

describe('the obligation form', () => {
  it('creates a recurring obligation with an id from its label and the English label defaulting to the French', () => {
    const result = buildNewObligation(draft(), people, ['exercice-communication-urgence'], now);
    expect(result).toEqual({
      ok: true,
      obligation: {
        id: 'exercice-communication-urgence-2',
        label: { fr: 'Exercice de communication d’urgence', en: 'Exercice de communication d’urgence' },
        reference: 'ES49',
        schedule: { kind: 'recurring', everyMonths: 12 },
        dueOn: '2027-09-04',
        windowStartsOn: undefined,
        ownerId: adele,
        history: [],
        active: true,
        revision: 0,
        dueSetAt: at,
        createdAt: at,
      },
    });
    expect(buildNewObligation(draft({ everyMonths: '', dueOn: '04/09/2027', owner: 'Adele Vance' }), people, [], now)).toMatchObject({
      ok: true,
      obligation: { schedule: { kind: 'one-off' }, dueOn: '2027-09-04', ownerId: adele },
    });
  });

  it('refuses a date in the wrong format, an unknown owner, a bad recurrence and a period after the due date, in French', () => {
    expect(buildNewObligation(draft({ dueOn: '2027-02-30' }), people, [], now)).toEqual({
      ok: false,
      errors: { dueOn: 'Date « 2027-02-30 » invalide : écrivez-la JJ/MM/AAAA (ex. 22/04/2027) ou choisissez-la dans le calendrier.' },
    });
    expect(buildNewObligation(draft({ owner: 'personne.inconnue@cher.gouv.fr' }), people, [], now)).toEqual({
      ok: false,
      errors: { owner: 'Personne introuvable dans l’annuaire : « personne.inconnue@cher.gouv.fr ».' },
    });
    expect(buildNewObligation(draft({ everyMonths: 'annuel' }), people, [], now)).toMatchObject({ ok: false, errors: { everyMonths: expect.stringContaining('entre 1 et 120') } });
    expect(buildNewObligation(draft({ windowStartsOn: '2027-09-10' }), people, [], now)).toMatchObject({ ok: false, errors: { windowStartsOn: expect.stringContaining('précéder') } });
    expect(buildNewObligation(draft({ labelFr: ' ', reference: '' }), people, [], now)).toMatchObject({ ok: false, errors: { labelFr: expect.any(String), reference: expect.any(String) } });
  });

  it('edits a derived obligation: its rule stays, only the pending occurrence’s extension moves its due date', () => {
    const [, audit] = cher2021() as [LabelObligation, LabelObligation];
    const later = new Date('2027-01-05T10:00:00.000Z');
    const edited = applyObligationEdit(audit, { ...draftOf(audit), dueOn: '1999-01-01', extensionMonths: '0', owner: adele }, people, later);
    expect(edited).toMatchObject({ ok: true, obligation: { dueOn: '2021-06-18', ownerId: adele, schedule: { kind: 'derived', extensionMonths: 0 }, dueSetAt: later.toISOString() } });
    const done = { ...audit, history: [{ occurrenceDueOn: '2021-08-18', doneOn: '2021-06-22', doneBy: alex, doneAt: at }] };
    expect(applyObligationEdit(done, { ...draftOf(done), extensionMonths: '0' }, people, later)).toMatchObject({ ok: true, obligation: { dueOn: '2021-08-18', dueSetAt: at } });
  });

  it('makes ids from French labels, short, unique and safe', () => {
    expect(obligationIdFromLabel('Enquête de satisfaction : appels mystères', [])).toBe('enquete-satisfaction-appels');
    expect(obligationIdFromLabel('!!', ['echeance'])).toBe('echeance-2');
  });
});

describe('the demo calendar (seed 003 moved to the seeding day)', () => {
  const demo = demoLabelCalendar('2027-01-04', at);

  it('is valid data, with the label renewal in about 4 months and the follow-up audit done', () => {
    for (const o of demo) expect(labelObligationSchema.safeParse(o).success).toBe(true);
    const byId = new Map(demo.map((o) => [o.id, o]));
    expect(byId.get('label')).toMatchObject({ dueOn: '2027-05-04', history: [{ doneOn: '2024-05-04' }] });
    expect(byId.get('audit-suivi')).toMatchObject({ dueOn: '2026-01-04', history: [{ occurrenceDueOn: '2026-01-04', doneOn: '2025-11-08' }] });
    expect(byId.get('audit-interne')?.dueOn).toBe('2027-03-09');
    expect(byId.get('enquete-satisfaction')).toMatchObject({ dueOn: '2027-04-01', windowStartsOn: '2027-03-22' });
    expect(recomputeDerived(demo, now)).toEqual([]);
  });

  it('shows one late obligation (23.3) and four due in the next 6 months', () => {
    expect(late(demo, '2027-01-04').map((o) => o.reference)).toEqual(['23.3']);
    expect(dueWithin(demo, '2027-01-04').map((o) => o.id)).toEqual(['ligne-editoriale', 'audit-interne', 'enquete-satisfaction', 'label']);
  });
});
