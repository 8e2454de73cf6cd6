import { z } from 'zod';
import { fraudSignalsCard } from '../../cards/fraud-signals';
import { fill, type CardJson } from '../../cards/render';
import { fraudNatureLabels } from '../../services/fraud/fraud-catalog';
import { maySeeSignal } from '../../services/fraud/fraud-rules';
import { fraudStateLabels, parseFraudSignalId } from '../../services/fraud/fraud-signal';
import { formatDay } from '../../services/training/training-dates';
import type { CommandContext, HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { auditRead, buildFraudSignalCard, fraudNotFoundCard, fraudSignalUsage } from './fraud-view';

const texts = {
  fr: {
    mine: 'Mes signalements de fraude',
    summary: '{nature} — {service}, détectée le {date}',
    count: '{n} signalement(s), dont {toComplete} à compléter',
    none: 'Vous n’avez encore signalé aucune fraude. Tapez « signaler une fraude » pour commencer.',
    more: '{n} plus anciens : ouvrez-les par leur numéro (« signalement BMI-2025-0001 »).',
  },
  en: {
    mine: 'My fraud signals',
    summary: '{nature} — {service}, detected on {date}',
    count: '{n} signal(s), {toComplete} to complete',
    none: 'You have not reported any fraud yet. Type “report fraud” to start.',
    more: '{n} older ones: open them by number (“signal BMI-2025-0001”).',
  },
};

const maxRows = 20;

/**
 * Opens a signal for the actor: its card when they may see it (the read audited unless they wrote it), else the
 * very answer given for a number that does not exist, with nothing written.
 */
async function openSignal(context: HandlerContext, typed: string, via: 'command' | 'card'): Promise<CardJson> {
  const { app, actor, locale } = context;
  const id = parseFraudSignalId(typed);
  const signal = id ? await app.fraudSignals.get(id) : undefined;
  if (!signal || !maySeeSignal(signal, actor)) return fraudNotFoundCard(id ?? typed, locale);
  await auditRead(app, signal, actor, via);
  return buildFraudSignalCard(context, signal);
}

/** « signalement BMI-2026-0004 »: one signal, to whoever may see it. */
export async function showFraudSignal(context: CommandContext): Promise<void> {
  const typed = context.argument.trim();
  if (typed === '' || !parseFraudSignalId(typed)) return context.reply(fraudSignalUsage(context.locale));
  await context.reply(await openSignal(context, typed, 'command'));
}

/** « Voir » on a list of signals. A number that is malformed, unknown or not the viewer's gets the same answer. */
export const fraudOpenVerb = defineVerb({
  schema: z.object({ id: z.string().max(40) }),
  audience: 'everyone',
  handle: async (context, data) => openSignal(context, data.id, 'card'),
});

/** « mes signalements »: the signals the actor wrote, newest first, with where each stands. */
export async function showMySignals(context: CommandContext): Promise<void> {
  const { app, actor, locale } = context;
  const t = texts[locale];
  const signals = await app.fraudSignals.listByAuthor(actor.id);
  const toComplete = signals.filter((signal) => signal.state === 'to-complete').length;
  const rows = signals.slice(0, maxRows).map((signal) => ({
    id: signal.id,
    summary: fill(t.summary, { nature: fraudNatureLabels[signal.nature][locale], service: signal.service, date: formatDay(signal.detectedOn, locale) }),
    state: fraudStateLabels[signal.state][locale],
    color: signal.state === 'to-complete' ? 'Attention' : signal.state === 'confirmed' ? 'Good' : signal.state === 'submitted' ? 'Warning' : 'Default',
  }));
  await context.reply(
    fraudSignalsCard(
      {
        heading: t.mine,
        subtitle: signals.length > 0 ? fill(t.count, { n: signals.length, toComplete }) : '',
        rows,
        emptyText: t.none,
        moreText: signals.length > maxRows ? fill(t.more, { n: signals.length - maxRows }) : '',
      },
      locale,
    ),
  );
}
