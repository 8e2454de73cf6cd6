import { commandTable } from '../../../bot/commands';
import type { CommandDefinition } from '../../../bot/command-definition';
import { isInAudience } from '../../../services/directory/roles';
import { cardButtons, type CardButton } from './card-text';
import { personas, type FuzzBot, type PersonaName } from './fuzz-bot';
import { templateForms } from './template-forms';

/** A button met on a real card, with who saw it: its data are a valid base submission for that persona. */
export interface LiveButton extends CardButton {
  persona: PersonaName;
}

/** Verbs that only show something: following them while crawling changes nothing (« Voir », « Modifier », pages). */
export function isReaderVerb(verb: string): boolean {
  return /\.(open|refresh|history|list|page|form|edit)$|Form$/.test(verb) || verb === 'command.run';
}

/** Commands that change something typed bare (a sweep) or are only a question (« langue »): never run while crawling. */
const writerCommands = new Set(['remindersNow', 'language']);

/** Views with words that bring up what a bare command lists too far down (a proposal to accept, an approval). */
const extraStarts = ['plan d action propositions', 'plan d action a valider', 'plan d action en retard', 'reclamations en retard'];

const isCard = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Every button the demo shows each persona, found as a person would: each command they may run (its first phrasing,
 * no words after it), then each « Voir » / « Modifier » / page button on the cards that come back, a few levels
 * deep. Nothing that changes data is clicked (only reads of fraud signals are audited), so the demo stays as seeded.
 */
export async function crawlButtons(bot: FuzzBot, maxDepth = 3): Promise<LiveButton[]> {
  const found: LiveButton[] = [];
  const seen = new Set<string>();
  let step = 0;
  for (const persona of Object.keys(personas) as PersonaName[]) {
    const roles = bot.actors[persona].roles;
    let frontier: LiveButton[] = [];
    const collect = (cards: unknown[]) => {
      for (const card of cards.filter(isCard)) {
        for (const button of cardButtons(card)) {
          const key = `${persona} ${button.verb} ${JSON.stringify(button.data)} ${button.inputs.map((input) => input.id).join(',')}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const live = { ...button, persona };
          found.push(live);
          if (isReaderVerb(button.verb) && !(button.verb === 'command.run' && writerCommands.has(String(button.data.command)))) frontier.push(live);
        }
      }
    };
    // First, so that their buttons are followed before the many alike of the full lists.
    for (const text of extraStarts) collect((await bot.runText(persona, text, `crawl-${(step += 1)}`)).replies);
    for (const [name, command] of Object.entries(commandTable) as [string, CommandDefinition][]) {
      if (writerCommands.has(name) || !isInAudience(roles, command.audience)) continue;
      const { replies } = await bot.runText(persona, command.phrasings[0] ?? name, `crawl-${(step += 1)}`);
      collect(replies);
    }
    for (let depth = 0; depth < maxDepth && frontier.length > 0; depth += 1) {
      const next = frontier;
      frontier = [];
      // A few instances per verb are enough: lists repeat the same button for every line.
      const perVerb = new Map<string, number>();
      for (const button of next) {
        const count = perVerb.get(button.verb) ?? 0;
        if (count >= 3) continue;
        perVerb.set(button.verb, count + 1);
        const { result } = await bot.runVerb(persona, { action: { type: 'Action.Execute', verb: button.verb, data: button.data } }, `crawl-${(step += 1)}`);
        if (result) collect([result.card]);
      }
    }
  }
  return found;
}

/**
 * Buttons the demo does not show through commands alone (a reminder's « Répondre », a restore once something is
 * retired, a meeting's steps), built as their cards build them from stored data. `inputsOf` gives a verb's inputs
 * from the templates.
 */
export async function fallbackButtons(bot: FuzzBot, live: LiveButton[], inputsOf: (verb: string, data: Record<string, unknown>) => LiveButton['inputs']): Promise<LiveButton[]> {
  const has = (verb: string) => live.some((button) => button.verb === verb);
  const first = (verb: string) => live.find((button) => button.verb === verb);
  const extra: LiveButton[] = [];
  const add = (persona: PersonaName, verb: string, data: Record<string, unknown>) => {
    if (!has(verb)) extra.push({ persona, verb, data, inputs: inputsOf(verb, data) });
  };
  const check = (await bot.app.checkItems.list()).find((item) => item.ownerId === bot.actors.alex.id && item.active);
  if (check) {
    const ref = { itemId: check.id, quarter: '2026-Q4' };
    add('alex', 'check.open', ref);
    for (const answer of ['verified', 'updated', 'problem']) add('alex', 'check.answer', { ...ref, answer });
    add('alex', 'action.fromCheck', ref);
  }
  const open = first('action.open');
  if (open) add(open.persona, 'action.refresh', open.data);
  const reply = first('complaint.reply');
  if (reply) add(reply.persona, 'complaint.acknowledge', { id: reply.data.id, revision: reply.data.revision });
  for (const [retire, restore] of [['trainingType.retire', 'trainingType.restore'], ['checkItem.retire', 'checkItem.restore'], ['labelCalendar.retire', 'labelCalendar.restore']] as const) {
    const button = first(retire);
    if (button) add(button.persona, restore, button.data);
  }
  const meeting = (await bot.app.clu.list())[0];
  if (meeting) {
    for (const answer of ['present', 'excused']) add('alex', 'clu.answer', { id: meeting.id, answer, from: 'overview' });
    for (const verb of ['clu.held', 'clu.minutes', 'clu.cancel']) add('alex', verb, { id: meeting.id, revision: meeting.revision });
  }
  return extra;
}

/** Every button of the demo: those found by crawling, and those built from stored data, with their templates' inputs. */
export async function liveButtons(bot: FuzzBot): Promise<LiveButton[]> {
  const crawled = await crawlButtons(bot);
  const forms = templateForms();
  const inputsOf = (verb: string, data: Record<string, unknown>) =>
    forms.find((form) => form.verb === verb && Object.entries(form.fixedData).every(([key, value]) => String(data[key]) === String(value)))?.inputs ?? [];
  return [...crawled, ...(await fallbackButtons(bot, crawled, inputsOf))];
}
