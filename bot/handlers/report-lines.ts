import type { Locale } from '../../cards/locale';
import { fill } from '../../cards/render';
import type { ReportCardData } from '../../cards/report';
import { actionStateLabels } from '../../services/action-plan/action-item';
import { channelRules, complaintKindLabels } from '../../services/complaints/complaint-channels';
import { fraudServiceLabel } from '../../services/fraud/fraud-catalog';
import { noRateReasonLabels } from '../../services/fraud/fraud-rates';
import { deviationColors, deviationShortLabels, type Deviation } from '../../services/report/deviation';
import type { IndicatorDefinition, IndicatorUnit } from '../../services/report/report-indicators';
import type { IndicatorLine } from '../../services/report/report-sections';
import type { YearlyReport } from '../../services/report/yearly-report';

const texts = {
  fr: {
    complaints: 'Demandes d’information, réclamations, suggestions',
    titles: 'Délais moyens de traitement des titres',
    reception: 'Appels décrochés, connexions internet',
    fraud: 'Fraude',
    training: 'Formation',
    plan: 'Plan d’actions',
    checks: 'Contrôles trimestriels de l’information',
    total: '{n} demande(s) dans le périmètre Qual-e-pref',
    previous: ' ({n} en {year})',
    channel: '{label} : {count} ({share} %)',
    kinds: 'Par nature : {list}',
    outOfScope: 'Hors périmètre (non comptées) : {n}',
    answered: 'Réponses sur le fond : {answered}, dont {onTime} dans les délais ({share})',
    replyDays: 'Délai de réponse : moyen {mean} jour(s) ouvré(s), médian {median}',
    open: 'En attente de réponse : {open}, dont {late} en retard',
    noRequest: 'Aucune demande enregistrée.',
    notEntered: 'non saisi',
    basisQuarters: ' (moyenne de {quarters})',
    basisSum: ' (somme de {quarters})',
    target: ' — cible {target} : {legend}',
    targetOnly: ' — cible {target}',
    gap: ' ({gap} %)',
    note: ' — {note}',
    fraudLine: '{label} : {counted} signalement(s)',
    fraudRate: ' / {volume} dossiers = {rate} ‰',
    fraudPartial: ' (volumes de {quarters})',
    fraudPrevious: ' ({rate} ‰ en {year})',
    fraudTarget: ' — cible {target} ‰ : {legend}',
    fraudAwaiting: ' ; {n} en cours de qualification',
    article40: 'Signalements transmis au procureur (art. 40) : {n}',
    noFraud: 'Aucun signalement ni volume enregistré.',
    trainingLine: '{commitment} — {label} : {n} agent(s) formé(s) en {year}',
    eLearning: ', dont {n} en e-learning',
    trainingStatus: ' ; au {date} : {valid} valide(s), {expired} expirée(s), {missing} jamais suivie(s)',
    planTotal: '{n} action(s) au plan {year}',
    planStates: 'Par état : {list}',
    planClosed: 'Clôturées en {year} : {closed} ; annulées : {cancelled}',
    planOverdue: 'En retard aujourd’hui : {n}',
    quarterPast: '{quarter} : {done} fait(s) sur {due}',
    quarterCurrent: '{quarter} (en cours) : {done} fait(s) sur {due}, {missing} à faire',
    quarterFuture: '{quarter} : à venir',
    quarterLate: ', dont {n} hors délai',
    quarterProblems: ' ; {n} problème(s) signalé(s)',
    quarterMissing: ' — {n} non fait(s)',
    legend: 'Légende : conforme = résultat conforme voire meilleur que la cible ; écart < 25 %, écart 25–50 %, écart > 50 % de la cible.',
    units: { days: 'j', percent: '%', count: '' },
  },
  en: {
    complaints: 'Information requests, complaints, suggestions',
    titles: 'Average processing time of titles',
    reception: 'Answered calls, internet connections',
    fraud: 'Fraud',
    training: 'Training',
    plan: 'Action plan',
    checks: 'Quarterly information checks',
    total: '{n} request(s) within the Qual-e-pref scope',
    previous: ' ({n} in {year})',
    channel: '{label}: {count} ({share} %)',
    kinds: 'By kind: {list}',
    outOfScope: 'Out of scope (not counted): {n}',
    answered: 'Replies on the substance: {answered}, {onTime} of them in time ({share})',
    replyDays: 'Reply time: mean {mean} working day(s), median {median}',
    open: 'Awaiting a reply: {open}, {late} of them late',
    noRequest: 'No request logged.',
    notEntered: 'not entered',
    basisQuarters: ' (mean of {quarters})',
    basisSum: ' (sum of {quarters})',
    target: ' — target {target}: {legend}',
    targetOnly: ' — target {target}',
    gap: ' ({gap} %)',
    note: ' — {note}',
    fraudLine: '{label}: {counted} signal(s)',
    fraudRate: ' / {volume} files = {rate} ‰',
    fraudPartial: ' (volumes of {quarters})',
    fraudPrevious: ' ({rate} ‰ in {year})',
    fraudTarget: ' — target {target} ‰: {legend}',
    fraudAwaiting: '; {n} being qualified',
    article40: 'Signals reported to the prosecutor (art. 40): {n}',
    noFraud: 'No signal nor volume logged.',
    trainingLine: '{commitment} — {label}: {n} agent(s) trained in {year}',
    eLearning: ', {n} of them by e-learning',
    trainingStatus: '; on {date}: {valid} valid, {expired} expired, {missing} never followed',
    planTotal: '{n} action(s) in the {year} plan',
    planStates: 'By state: {list}',
    planClosed: 'Closed in {year}: {closed}; cancelled: {cancelled}',
    planOverdue: 'Overdue today: {n}',
    quarterPast: '{quarter}: {done} done out of {due}',
    quarterCurrent: '{quarter} (under way): {done} done out of {due}, {missing} to do',
    quarterFuture: '{quarter}: not begun',
    quarterLate: ', {n} of them late',
    quarterProblems: '; {n} problem(s) reported',
    quarterMissing: ' — {n} not done',
    legend: 'Legend: met = result on or better than target; gap < 25 %, gap 25–50 %, gap > 50 % of the target.',
    units: { days: 'd', percent: '%', count: '' },
  },
};

type Line = ReportCardData['sections'][number]['lines'][number];

/** A number as the viewer reads it: "3,10", "212 356"; `digits` fixed, or up to 2 when undefined. */
export function formatNumber(value: number, locale: Locale, digits?: number): string {
  const options = digits === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return value.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', options);
}

/** A value with its unit: « 5,9 j », « 91,96 % », « 212 356 ». */
export function formatValue(value: number, unit: IndicatorUnit, locale: Locale): string {
  const sign = texts[locale].units[unit];
  return sign === '' ? formatNumber(value, locale) : `${formatNumber(value, locale)} ${sign}`;
}

const quarterList = (quarters: readonly number[], locale: Locale) => quarters.map((q) => `${locale === 'fr' ? 'T' : 'Q'}${q}`).join(', ');

/** « — cible 9 j : conforme » or « — cible 30 j : écart > 50 % (113 %) ». */
function targetText(definition: IndicatorDefinition, deviation: Deviation | undefined, locale: Locale): string {
  const t = texts[locale];
  if (!definition.target) return definition.note ? fill(t.note, { note: definition.note[locale] }) : '';
  const target = formatValue(definition.target.value, definition.unit, locale);
  if (!deviation) return fill(t.targetOnly, { target });
  const gap = deviation.class === 'met' ? '' : fill(t.gap, { gap: formatNumber(deviation.gap * 100, locale, 0) });
  return fill(t.target, { target, legend: deviationShortLabels[deviation.class][locale] }) + gap;
}

/** One indicator's line: the year's figure and what it rests on, the previous year's, the target and the legend. */
export function indicatorText(line: IndicatorLine, year: number, locale: Locale, withLabel = true): Line {
  const t = texts[locale];
  const { definition } = line;
  let text = withLabel ? `${definition.label[locale]}${locale === 'fr' ? ' : ' : ': '}` : `${year}${locale === 'fr' ? ' : ' : ': '}`;
  if (line.value === undefined) text += t.notEntered;
  else {
    text += formatValue(line.value, definition.unit, locale);
    if (line.basis === 'quarters') text += fill(definition.yearly === 'sum' ? t.basisSum : t.basisQuarters, { quarters: quarterList(line.quarters, locale) });
  }
  if (line.previous !== undefined) text += fill(t.previous, { n: formatValue(line.previous, definition.unit, locale), year: year - 1 });
  text += targetText(definition, line.deviation, locale);
  return { text, color: line.deviation ? deviationColors[line.deviation.class] : 'Default' };
}

const plain = (text: string): Line => ({ text, color: 'Default' });

function complaintLines(report: YearlyReport, locale: Locale): Line[] {
  const t = texts[locale];
  const c = report.complaints;
  if (c.total === 0 && c.outOfScope === 0) return [plain(t.noRequest)];
  const lines = [plain(fill(t.total, { n: c.total }) + (c.previousTotal === undefined ? '' : fill(t.previous, { n: c.previousTotal, year: report.year - 1 })))];
  for (const line of c.byChannel) lines.push(plain(fill(t.channel, { label: channelRules[line.channel].label[locale], count: line.count, share: line.share })));
  if (c.byKind.length > 0) lines.push(plain(fill(t.kinds, { list: c.byKind.map((k) => `${complaintKindLabels[k.kind][locale].toLowerCase()} ${k.count}`).join(', ') })));
  if (c.outOfScope > 0) lines.push(plain(fill(t.outOfScope, { n: c.outOfScope })));
  if (c.answered > 0) {
    const share = c.onTimeShare === undefined ? '—' : `${c.onTimeShare} %`;
    lines.push({ text: fill(t.answered, { answered: c.answered, onTime: c.answeredOnTime, share }), color: c.answeredOnTime < c.answered ? 'Warning' : 'Good' });
    lines.push(plain(fill(t.replyDays, { mean: formatNumber(c.replyDays.mean ?? 0, locale, 1), median: formatNumber(c.replyDays.median ?? 0, locale) })));
  }
  if (c.open > 0) lines.push({ text: fill(t.open, { open: c.open, late: c.late }), color: c.late > 0 ? 'Attention' : 'Default' });
  return lines;
}

function fraudLines(report: YearlyReport, locale: Locale): Line[] {
  const t = texts[locale];
  const { fraud, year } = report;
  if (fraud.lines.length === 0) return [plain(t.noFraud)];
  const lines = fraud.lines.map((line) => {
    let text = fill(t.fraudLine, { label: fraudServiceLabel(line.service, locale), counted: line.counted });
    if (line.perThousand !== undefined) text += fill(t.fraudRate, { volume: formatNumber(line.volume ?? 0, locale), rate: formatNumber(line.perThousand, locale, 2) });
    else if (line.noRate) text += ` — ${noRateReasonLabels[line.noRate][locale]}`;
    if (line.coveredQuarters) text += fill(t.fraudPartial, { quarters: quarterList(line.coveredQuarters, locale) });
    if (line.previousPerThousand !== undefined) text += fill(t.fraudPrevious, { rate: formatNumber(line.previousPerThousand, locale, 2), year: year - 1 });
    if (line.target !== undefined && line.deviation) {
      text += fill(t.fraudTarget, { target: formatNumber(line.target, locale), legend: deviationShortLabels[line.deviation.class][locale] });
      if (line.deviation.class !== 'met') text += fill(t.gap, { gap: formatNumber(line.deviation.gap * 100, locale, 0) });
    }
    if (line.awaiting > 0) text += fill(t.fraudAwaiting, { n: line.awaiting });
    return { text, color: line.deviation ? deviationColors[line.deviation.class] : 'Default' };
  });
  lines.push(plain(fill(t.article40, { n: fraud.article40 }) + (fraud.previousArticle40 === undefined ? '' : fill(t.previous, { n: fraud.previousArticle40, year: year - 1 }))));
  return lines;
}

function trainingLines(report: YearlyReport, locale: Locale, formatDay: (day: string) => string): Line[] {
  const t = texts[locale];
  return report.training.lines.map((line) =>
    plain(
      fill(t.trainingLine, { commitment: line.commitment, label: line.label[locale], n: line.trainedInYear, year: report.year }) +
        (line.eLearning > 0 ? fill(t.eLearning, { n: line.eLearning }) : '') +
        fill(t.trainingStatus, { date: formatDay(report.training.asOf), valid: line.counts.valid + line.counts.expiring, expired: line.counts.expired, missing: line.counts.missing }),
    ),
  );
}

function planLines(report: YearlyReport, locale: Locale): Line[] {
  const t = texts[locale];
  const plan = report.actionPlan;
  const lines = [plain(fill(t.planTotal, { n: plan.total, year: report.year }))];
  if (plan.byState.length > 0) lines.push(plain(fill(t.planStates, { list: plan.byState.map((s) => `${actionStateLabels[s.state][locale].toLowerCase()} ${s.count}`).join(', ') })));
  lines.push(plain(fill(t.planClosed, { year: report.year, closed: plan.closedInYear, cancelled: plan.cancelledInYear })));
  if (plan.overdue > 0) lines.push({ text: fill(t.planOverdue, { n: plan.overdue }), color: 'Attention' });
  return lines;
}

function checkLines(report: YearlyReport, locale: Locale): Line[] {
  const t = texts[locale];
  return report.checks.map((line) => {
    const quarter = `${locale === 'fr' ? 'T' : 'Q'}${line.quarter.slice(6)} ${report.year}`;
    if (line.status === 'future') return { text: fill(t.quarterFuture, { quarter }), color: 'Default' };
    let text = fill(line.status === 'current' ? t.quarterCurrent : t.quarterPast, { quarter, done: line.done, due: line.due, missing: line.missing });
    if (line.late > 0) text += fill(t.quarterLate, { n: line.late });
    if (line.problems > 0) text += fill(t.quarterProblems, { n: line.problems });
    if (line.status === 'past' && line.missing > 0) text += fill(t.quarterMissing, { n: line.missing });
    return { text, color: line.status === 'past' && line.missing > 0 ? 'Attention' : 'Default' };
  });
}

/** The report's sections as the card shows them, in the annex's order, with the legend's colours. */
export function reportSections(report: YearlyReport, locale: Locale, formatDay: (day: string) => string): ReportCardData['sections'] {
  const t = texts[locale];
  const group = (name: IndicatorDefinition['group']) => report.indicators.filter((line) => line.definition.group === name).map((line) => indicatorText(line, report.year, locale));
  return [
    { title: t.complaints, lines: complaintLines(report, locale) },
    { title: t.titles, lines: group('titles') },
    { title: t.reception, lines: group('reception') },
    { title: t.fraud, lines: fraudLines(report, locale) },
    { title: t.training, lines: trainingLines(report, locale, formatDay) },
    { title: t.plan, lines: planLines(report, locale) },
    { title: t.checks, lines: checkLines(report, locale) },
  ];
}

/** The legend line of the card. */
export function legendText(locale: Locale): string {
  return texts[locale].legend;
}
