import { addCalendarDays, type LocalDate } from '../reminders/calendar';
import { addMonthsTo, derivedDueOn, followUpAuditMonths, labelValidityMonths } from './label-dates';
import type { DoneOccurrence, LabelObligation } from './label-obligation';

const person = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(13, '0')}`;
/** Alex Wilber, quality officer (SGCD): owns the label's own obligations. */
const alex = person(20);
/** Isaiah Langer, fraud referent (SG): the awareness action towards partners (23.3). */
const isaiah = person(23);
/** Arthur Moreau, head of BREC (communication): the editorial line (20.3). */
const arthur = person(110);
/** Inès Simon, BREC agent: the emergency-communication exercises (ES49); Arthur hears when it is late. */
const ines = person(111);

/** Weeks between the internal audit and the audit it prepares (CLU 2021: internal 22/04/2021, external 22/06/2021). */
export const internalAuditWeeksBefore = 8;

function done(occurrenceDueOn: LocalDate, doneOn: LocalDate, doneBy: string, note?: string): DoneOccurrence {
  return { occurrenceDueOn, doneOn, doneBy, doneAt: `${doneOn}T15:00:00.000Z`, ...(note ? { note } : {}) };
}

/**
 * The Cher calendar of CLU 2021 (seed 003) moved forward to the seeding day `today`: the label was granted 32 months
 * ago (18/12/2019 in the seed), so its renewal is due in about 4 months; the follow-up audit, due 18 months after the
 * label with the 2-month extension (18/06/2021 → 18/08/2021), was done 18 months and 4 days after it (22/06/2021),
 * two months after the internal audit (22/04/2021); the next internal audit is 8 weeks before the renewal. The
 * survey (3.2) runs every year from 22 March to 1 April; the editorial line (20.3) is reviewed in 45 days; this
 * year's fraud awareness action (23.3) is 20 days late; the ES49 exercise is due in 8 months.
 */
export function demoLabelCalendar(today: LocalDate, at: string): LabelObligation[] {
  const grantedOn = addMonthsTo(today, -(labelValidityMonths - 4));
  const renewalDueOn = addMonthsTo(grantedOn, labelValidityMonths);
  const followUpDueOn = derivedDueOn({ months: followUpAuditMonths, weeks: 0, extensionMonths: 2 }, grantedOn);
  const externalAuditOn = addCalendarDays(addMonthsTo(grantedOn, followUpAuditMonths), 4);
  const internalAuditOn = addCalendarDays(addMonthsTo(grantedOn, followUpAuditMonths - 2), 4);
  const year = Number(today.slice(0, 4));
  const surveyYear = today <= `${year}-04-01` ? year : year + 1;
  const yearly = (dueOn: LocalDate, doneDaysEarly: number, owner: string) => [done(addMonthsTo(dueOn, -12), addCalendarDays(addMonthsTo(dueOn, -12), -doneDaysEarly), owner)];
  const base = { active: true, revision: 0, dueSetAt: at, createdAt: at };
  const editorialDueOn = addCalendarDays(today, 45);
  const fraudDueOn = addCalendarDays(today, -20);
  const exerciseDueOn = addMonthsTo(today, 8);
  return [
    {
      ...base,
      id: 'label',
      label: { fr: 'Renouvellement du label Qual-e-pref', en: 'Qual-e-pref label renewal' },
      reference: 'Label',
      schedule: { kind: 'derived', from: 'label', basis: 'done', months: labelValidityMonths, weeks: 0, extensionMonths: 0, basedOn: grantedOn },
      dueOn: renewalDueOn,
      ownerId: alex,
      history: [done(grantedOn, grantedOn, alex, 'Label Qual-e-pref obtenu, valable 3 ans')],
    },
    {
      ...base,
      id: 'audit-suivi',
      label: { fr: 'Audit de suivi externe', en: 'External follow-up audit' },
      reference: 'Label',
      schedule: { kind: 'derived', from: 'label', basis: 'done', months: followUpAuditMonths, weeks: 0, extensionMonths: 0, basedOn: grantedOn },
      dueOn: followUpDueOn,
      ownerId: alex,
      history: [done(followUpDueOn, externalAuditOn, alex, 'Report de 2 mois accordé (contexte sanitaire) ; audit réalisé 4 jours après le délai de 18 mois')],
    },
    {
      ...base,
      id: 'audit-interne',
      label: { fr: 'Audit interne', en: 'Internal audit' },
      reference: 'Label',
      schedule: { kind: 'derived', from: 'label', basis: 'due', months: 0, weeks: -internalAuditWeeksBefore, extensionMonths: 0, basedOn: renewalDueOn },
      dueOn: addCalendarDays(renewalDueOn, -7 * internalAuditWeeksBefore),
      ownerId: alex,
      history: [done(internalAuditOn, internalAuditOn, alex, 'Audit interne avant l’audit de suivi')],
    },
    {
      ...base,
      id: 'enquete-satisfaction',
      label: { fr: 'Enquête annuelle de satisfaction et appels mystères', en: 'Yearly satisfaction survey and mystery calls' },
      reference: '3.2',
      schedule: { kind: 'recurring', everyMonths: 12 },
      dueOn: `${surveyYear}-04-01`,
      windowStartsOn: `${surveyYear}-03-22`,
      ownerId: alex,
      history: [done(`${surveyYear - 1}-04-01`, `${surveyYear - 1}-04-01`, alex)],
    },
    {
      ...base,
      id: 'ligne-editoriale',
      label: { fr: 'Revue de la ligne éditoriale des réseaux sociaux', en: 'Review of the social-network editorial line' },
      reference: '20.3',
      schedule: { kind: 'recurring', everyMonths: 12 },
      dueOn: editorialDueOn,
      ownerId: arthur,
      history: yearly(editorialDueOn, 3, arthur),
    },
    {
      ...base,
      id: 'sensibilisation-fraude',
      label: { fr: 'Action de sensibilisation des partenaires à la fraude', en: 'Fraud awareness action towards partners' },
      reference: '23.3',
      schedule: { kind: 'recurring', everyMonths: 12 },
      dueOn: fraudDueOn,
      ownerId: isaiah,
      history: yearly(fraudDueOn, 10, isaiah),
    },
    {
      ...base,
      id: 'exercice-communication-crise',
      label: { fr: 'Exercice de communication d’urgence', en: 'Emergency-communication exercise' },
      reference: 'ES49',
      schedule: { kind: 'recurring', everyMonths: 12 },
      dueOn: exerciseDueOn,
      ownerId: ines,
      history: yearly(exerciseDueOn, 0, ines),
    },
  ];
}
