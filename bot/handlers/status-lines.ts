import type { Locale } from '../../cards/locale';
import { fill } from '../../cards/render';
import type { StatusButton, StatusCardData, StatusFact, StatusLine } from '../../cards/status';
import { formatMeetingStart } from '../../services/clu/clu-dates';
import { fraudServiceLabel } from '../../services/fraud/fraud-catalog';
import { noRateReasonLabels } from '../../services/fraud/fraud-rates';
import { expiringSoonDays, type StatusOverview, type StatusScope } from '../../services/status/status-overview';
import { formatDay } from '../../services/training/training-dates';

/** French and English wording of the overview; "{n}" forms are [singular, plural]. */
const texts = {
  fr: {
    scope: { all: 'Tous les services', service: 'Service {service}', own: 'Vos dossiers' },
    subtitle: '{scope} — au {date}',
    unknown: 'Mots non compris : {words}. Voici le tableau de bord ; précisez par exemple « statut formations » ou « actions en retard ».',
    actions: {
      title: 'Plan d’action',
      open: ['{n} ouverte', '{n} ouvertes'],
      overdue: ['{n} en retard', '{n} en retard'],
      awaiting: ['{n} à valider', '{n} à valider'],
      proposed: ['{n} proposition', '{n} propositions'],
      view: 'Voir le plan d’action',
      viewOverdue: 'Actions en retard ({n})',
      viewAwaiting: 'Actions à valider ({n})',
    },
    checks: {
      title: 'Contrôles trimestriels — {quarter}',
      done: '{done} fait(s) sur {owed} · {toDo} à faire',
      none: 'Aucun contrôle dû ce trimestre.',
      previousLate: ['{quarter} : {n} resté sans réponse (en retard)', '{quarter} : {n} restés sans réponse (en retard)'],
      view: 'Voir les contrôles',
      viewPrevious: 'Contrôles {quarter}',
    },
    training: {
      title: 'Formations',
      titlePeople: ['Formations — {n} personne suivie', 'Formations — {n} personnes suivies'],
      expired: ['{n} expirée', '{n} expirées'],
      missing: ['{n} jamais déclarée', '{n} jamais déclarées'],
      soon: ['{n} à renouveler dans les {days} jours', '{n} à renouveler dans les {days} jours'],
      view: 'Voir les formations',
      viewExpired: 'Formations expirées ({n})',
      viewSoon: 'Formations à renouveler ({n})',
    },
    complaints: {
      title: 'Réclamations',
      open: ['{n} en attente', '{n} en attente'],
      late: ['{n} en retard', '{n} en retard'],
      onTime: '{year} : {share} % répondues dans les délais ({n} sur {answered})',
      noAnswer: '{year} : aucune réponse sur le fond enregistrée pour l’instant',
      view: 'Voir les réclamations',
      viewLate: 'Réclamations en retard ({n})',
    },
    fraud: {
      title: 'Fraude {year}',
      totals: '{counted} signalement(s) retenu(s), dont {awaiting} à qualifier · {article40} transmis au procureur (art. 40)',
      domain: '{label} : {n} signalement(s)',
      rate: ' — {rate} ‰',
      target: ' (cible {target} ‰)',
      noRate: ' — {reason}',
      none: 'Aucun signalement ni volume saisi cette année.',
      view: 'Voir la fraude',
    },
    clu: {
      title: 'Comité local des usagers',
      next: 'Prochaine réunion : {when}',
      noNext: 'Aucune réunion planifiée',
      due: ' · à tenir avant le {date}',
      late: ' — en retard',
      view: 'Voir le CLU',
    },
    label: {
      title: 'Calendrier du label',
      next: 'Prochaine échéance : {date} — {label} ({reference})',
      noNext: 'Aucune échéance à venir',
      late: ['{n} échéance en retard', '{n} échéances en retard'],
      view: 'Voir le calendrier',
    },
  },
  en: {
    scope: { all: 'All services', service: 'Service {service}', own: 'Your files' },
    subtitle: '{scope} — as of {date}',
    unknown: 'Words not understood: {words}. Here is the overview; narrow it down with, for instance, “status training” or “actions overdue”.',
    actions: {
      title: 'Action plan',
      open: ['{n} open', '{n} open'],
      overdue: ['{n} overdue', '{n} overdue'],
      awaiting: ['{n} to approve', '{n} to approve'],
      proposed: ['{n} proposal', '{n} proposals'],
      view: 'Show the action plan',
      viewOverdue: 'Overdue actions ({n})',
      viewAwaiting: 'Actions to approve ({n})',
    },
    checks: {
      title: 'Quarterly checks — {quarter}',
      done: '{done} done of {owed} · {toDo} to do',
      none: 'No check due this quarter.',
      previousLate: ['{quarter}: {n} left unanswered (late)', '{quarter}: {n} left unanswered (late)'],
      view: 'Show the checks',
      viewPrevious: 'Checks {quarter}',
    },
    training: {
      title: 'Training',
      titlePeople: ['Training — {n} person followed', 'Training — {n} people followed'],
      expired: ['{n} expired', '{n} expired'],
      missing: ['{n} never declared', '{n} never declared'],
      soon: ['{n} to renew within {days} days', '{n} to renew within {days} days'],
      view: 'Show the training',
      viewExpired: 'Expired training ({n})',
      viewSoon: 'Training to renew ({n})',
    },
    complaints: {
      title: 'Complaints',
      open: ['{n} awaiting reply', '{n} awaiting reply'],
      late: ['{n} overdue', '{n} overdue'],
      onTime: '{year}: {share} % answered in time ({n} of {answered})',
      noAnswer: '{year}: no reply on the substance recorded yet',
      view: 'Show the complaints',
      viewLate: 'Overdue complaints ({n})',
    },
    fraud: {
      title: 'Fraud {year}',
      totals: '{counted} signal(s) counted, {awaiting} being qualified · {article40} reported to the prosecutor (art. 40)',
      domain: '{label}: {n} signal(s)',
      rate: ' — {rate} ‰',
      target: ' (target {target} ‰)',
      noRate: ' — {reason}',
      none: 'No signal nor volume entered this year.',
      view: 'Show fraud',
    },
    clu: {
      title: 'Users’ committee (CLU)',
      next: 'Next meeting: {when}',
      noNext: 'No meeting planned',
      due: ' · to be held by {date}',
      late: ' — late',
      view: 'Show the CLU',
    },
    label: {
      title: 'Label calendar',
      next: 'Next deadline: {date} — {label} ({reference})',
      noNext: 'No deadline ahead',
      late: ['{n} obligation late', '{n} obligations late'],
      view: 'Show the calendar',
    },
  },
};

/** "1 ouverte", "3 ouvertes": French takes the singular for 0 and 1, English for 1 only. */
export function counted(forms: readonly string[], n: number, locale: Locale, values: object = {}): string {
  const singular = locale === 'fr' ? n <= 1 : n === 1;
  return fill((singular ? forms[0] : forms[1]) ?? '', { ...values, n });
}

/** "T4 2026" in French, "2026-Q4" in English, as `contrôles` titles it. */
export function quarterText(quarter: string, locale: Locale): string {
  return locale === 'fr' ? `T${quarter.slice(-1)} ${quarter.slice(0, 4)}` : quarter;
}

/** "Tous les services — au 23/11/2026". */
export function scopeText(scope: StatusScope, locale: Locale): string {
  const t = texts[locale].scope;
  return scope.kind === 'service' ? fill(t.service, { service: scope.service }) : t[scope.kind];
}

const fact = (text: string, attention = false): StatusFact => ({ text, color: attention ? 'Attention' : 'Default' });
const button = (title: string, command: string, argument = ''): StatusButton => ({ title, command, argument });

function actionsLine(overview: StatusOverview, locale: Locale): StatusLine {
  const t = texts[locale].actions;
  const { open, overdue, awaitingApproval, proposed } = overview.actions;
  const parts = [counted(t.open, open, locale), counted(t.overdue, overdue, locale), counted(t.awaiting, awaitingApproval, locale)];
  if (proposed > 0) parts.push(counted(t.proposed, proposed, locale));
  return {
    title: t.title,
    facts: [fact(parts.join(' · '), overdue > 0)],
    buttons: [
      button(t.view, 'actionPlan'),
      ...(overdue > 0 ? [button(fill(t.viewOverdue, { n: overdue }), 'actionPlan', 'en retard')] : []),
      ...(awaitingApproval > 0 ? [button(fill(t.viewAwaiting, { n: awaitingApproval }), 'actionPlan', 'à valider')] : []),
    ],
  };
}

function checksLine(overview: StatusOverview, locale: Locale): StatusLine {
  const t = texts[locale].checks;
  const { quarter, owed, done, toDo, previousQuarter, previousLate } = overview.checks;
  const previous = quarterText(previousQuarter, locale);
  return {
    title: fill(t.title, { quarter: quarterText(quarter, locale) }),
    facts: [
      fact(owed === 0 ? t.none : fill(t.done, { done, owed, toDo })),
      ...(previousLate > 0 ? [fact(counted(t.previousLate, previousLate, locale, { quarter: previous }), true)] : []),
    ],
    buttons: [button(t.view, 'checks'), ...(previousLate > 0 ? [button(fill(t.viewPrevious, { quarter: previous }), 'checks', previousQuarter)] : [])],
  };
}

function trainingLine(overview: StatusOverview, locale: Locale): StatusLine {
  const t = texts[locale].training;
  const { people, expired, missing, expiringSoon } = overview.training;
  const text = [
    counted(t.expired, expired, locale),
    counted(t.missing, missing, locale),
    counted(t.soon, expiringSoon, locale, { days: expiringSoonDays }),
  ].join(' · ');
  return {
    title: overview.scope.kind === 'own' ? t.title : counted(t.titlePeople, people, locale),
    facts: [fact(text, expired + missing > 0)],
    buttons: [
      button(t.view, 'training'),
      ...(expired > 0 ? [button(fill(t.viewExpired, { n: expired }), 'training', 'expirées')] : []),
      ...(expiringSoon > 0 ? [button(fill(t.viewSoon, { n: expiringSoon }), 'training', 'à renouveler')] : []),
    ],
  };
}

function complaintsLine(overview: StatusOverview, locale: Locale): StatusLine {
  const t = texts[locale].complaints;
  const { open, late, year, answered, answeredOnTime, onTimeShare } = overview.complaints;
  return {
    title: t.title,
    facts: [
      fact(`${counted(t.open, open, locale)} · ${counted(t.late, late, locale)}`, late > 0),
      fact(onTimeShare === undefined ? fill(t.noAnswer, { year }) : fill(t.onTime, { year, share: onTimeShare, n: answeredOnTime, answered })),
    ],
    buttons: [button(t.view, 'complaints'), ...(late > 0 ? [button(fill(t.viewLate, { n: late }), 'complaints', 'en retard')] : [])],
  };
}

function fraudLine(fraud: NonNullable<StatusOverview['fraud']>, locale: Locale): StatusLine {
  const t = texts[locale].fraud;
  const number = (value: number, digits: number) =>
    value.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const domains = fraud.domains.map((domain) => {
    let text = fill(t.domain, { label: fraudServiceLabel(domain.service, locale), n: domain.counted });
    if (domain.perThousand !== undefined) {
      text += fill(t.rate, { rate: number(domain.perThousand, 2) });
      if (domain.target !== undefined) text += fill(t.target, { target: number(domain.target, domain.target % 1 === 0 ? 0 : 1) });
    } else if (domain.noRate) text += fill(t.noRate, { reason: noRateReasonLabels[domain.noRate][locale] });
    return fact(text, domain.meetsTarget === false);
  });
  return {
    title: fill(t.title, { year: fraud.year }),
    facts: [fact(fill(t.totals, fraud)), ...(domains.length > 0 ? domains : [fact(t.none)])],
    buttons: [button(t.view, 'fraud')],
  };
}

function cluLine(overview: StatusOverview, locale: Locale, timeZone: string): StatusLine {
  const t = texts[locale].clu;
  const { next, dueOn, late } = overview.clu;
  let text = next ? fill(t.next, { when: formatMeetingStart(next.startsAt, locale, timeZone) }) : t.noNext;
  if (dueOn !== undefined) text += fill(t.due, { date: formatDay(dueOn, locale) }) + (late ? t.late : '');
  return { title: t.title, facts: [fact(text, late)], buttons: [button(t.view, 'clu')] };
}

function labelLine(overview: StatusOverview, locale: Locale): StatusLine {
  const t = texts[locale].label;
  const { next, late } = overview.label;
  const facts = [fact(next ? fill(t.next, { date: formatDay(next.dueOn, locale), label: next.label[locale], reference: next.reference }) : t.noNext)];
  if (late > 0) facts.push(fact(counted(t.late, late, locale), true));
  return { title: t.title, facts, buttons: [button(t.view, 'labelCalendar')] };
}

/** The overview card's data: one line per area, fraud only when the overview holds it. */
export function statusCardData(overview: StatusOverview, input: { locale: Locale; timeZone: string; unknownWords?: readonly string[] }): StatusCardData {
  const { locale, timeZone } = input;
  const t = texts[locale];
  const unknown = (input.unknownWords ?? []).slice(0, 10).map((word) => word.slice(0, 30));
  return {
    subtitle: fill(t.subtitle, { scope: scopeText(overview.scope, locale), date: formatDay(overview.today, locale) }),
    notice: unknown.length > 0 ? fill(t.unknown, { words: unknown.join(', ') }) : '',
    lines: [
      actionsLine(overview, locale),
      checksLine(overview, locale),
      trainingLine(overview, locale),
      complaintsLine(overview, locale),
      ...(overview.fraud ? [fraudLine(overview.fraud, locale)] : []),
      cluLine(overview, locale, timeZone),
      labelLine(overview, locale),
    ],
  };
}
