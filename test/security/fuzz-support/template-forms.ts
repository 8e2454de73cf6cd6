import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardButtons, type CardInput } from './card-text';

/** A form of the product: a button of a card template that sends inputs, and the inputs it sends. */
export interface TemplateForm {
  /** "action-item.json: action.transition (step mark-done)". */
  name: string;
  template: string;
  verb: string;
  /** Button data fixed by the template (a step, a reply kind); values bound to the card's data are left out. */
  fixedData: Record<string, unknown>;
  /** Keys of the button data bound to the card's data (`${id}`, `${etag}`). */
  boundKeys: string[];
  inputs: CardInput[];
}

const cardsDirectory = join(__dirname, '..', '..', '..', 'cards');

const isBound = (value: unknown) => typeof value === 'string' && value.includes('${');

/**
 * Every form of cards/*.json, read from the templates themselves so that a new form is fuzzed without being
 * listed anywhere: each `Action.Execute` that sends at least one input, with the ids, types and `isRequired` of
 * those inputs. Buttons that differ only by their bound data (one per line of a list) count once.
 */
export function templateForms(): TemplateForm[] {
  const forms = new Map<string, TemplateForm>();
  for (const file of readdirSync(cardsDirectory).filter((name) => name.endsWith('.json')).sort()) {
    const template = JSON.parse(readFileSync(join(cardsDirectory, file), 'utf8')) as unknown;
    for (const button of cardButtons(template)) {
      if (button.inputs.length === 0 || isBound(button.verb)) continue;
      const fixedData = Object.fromEntries(Object.entries(button.data).filter(([, value]) => !isBound(value)));
      const boundKeys = Object.keys(button.data).filter((key) => isBound(button.data[key]));
      const fixed = Object.entries(fixedData).map(([key, value]) => `${key} ${String(value)}`).join(', ');
      const name = `${file}: ${button.verb}${fixed ? ` (${fixed})` : ''}`;
      // Choices bound to the card's data are only known once rendered.
      const inputs = button.inputs.map((input) => ({ ...input, choices: input.choices.filter((choice) => !isBound(choice)), value: undefined }));
      if (!forms.has(name)) forms.set(name, { name, template: file, verb: button.verb, fixedData, boundKeys, inputs });
    }
  }
  return [...forms.values()];
}
