/**
 * Reading a card the way a person would, to judge the answer to bad input: what it says, which parts are a
 * refusal or an error, and whether that is French (the product's words, never a stack trace nor an English or
 * raw exception message).
 */

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Calls `visit` on every element of a card (bodies, containers, columns, actions, show-card sub-cards). */
export function walkCard(value: unknown, visit: (node: Node, inAlert: boolean) => void, inAlert = false): void {
  if (Array.isArray(value)) {
    for (const item of value) walkCard(item, visit, inAlert);
    return;
  }
  if (!isNode(value)) return;
  visit(value, inAlert);
  const style = typeof value.style === 'string' ? value.style.toLowerCase() : '';
  const alert = inAlert || (value.type === 'Container' && (style === 'warning' || style === 'attention'));
  for (const [key, child] of Object.entries(value)) {
    if (key === '$data') continue;
    if (typeof child === 'object') walkCard(child, visit, alert);
  }
}

/** Every string a reader sees: text blocks, facts, labels, placeholders, choices, button titles. */
export function visibleTexts(card: unknown): string[] {
  const texts: string[] = [];
  walkCard(card, (node) => {
    for (const key of ['text', 'title', 'value', 'label', 'placeholder', 'errorMessage']) {
      const text = node[key];
      if (typeof text !== 'string' || text === '') continue;
      // An input's value is what was typed, not what the card says.
      if (key === 'value' && typeof node.type === 'string' && node.type.startsWith('Input.')) continue;
      texts.push(text);
    }
  });
  return texts;
}

/** The parts of a card that refuse or warn: text in Attention or Warning, and notice containers of those styles. */
export function alertTexts(card: unknown): string[] {
  const texts: string[] = [];
  walkCard(card, (node, inAlert) => {
    if (node.type !== 'TextBlock' || typeof node.text !== 'string' || node.text.trim() === '') return;
    const color = typeof node.color === 'string' ? node.color.toLowerCase() : '';
    if (inAlert || color === 'attention' || color === 'warning') texts.push(node.text);
  });
  return texts;
}

/** English sentences, raw exception messages and stack traces that must never reach a French reader. */
export const englishOrRaw =
  /\b(Invalid input|expected (a |an )?(string|number|object|array|boolean)|received|Required|Too (big|small)|Something went wrong|Nothing was saved|not allowed|is not|cannot|Cannot read|Unexpected token|undefined|TypeError|RangeError|SyntaxError|ReferenceError|Error:|RestError|ECONNREFUSED|\[object Object\]|please|the card sent)\b|\bat (async )?[\w.<>]+ \(|\.ts:\d+:\d+|node_modules/i;

/** Words only French has among the product's messages (accents, French quotes and apostrophe, common words). */
const frenchMarker = /[àâçéèêëîïôûùüœ’«»]|\s[:;!?]|\b(le|la|les|des?|du|une?|en|par|est|sont|pas|ne|vous|votre|vos|rien|ou|et|aux?|sur|pour|dans|cette?|ces|avec|sans)\b/i;

/** Why a message is not an acceptable French answer, or undefined when it is. */
export function frenchProblem(text: string): string | undefined {
  const english = englishOrRaw.exec(text);
  if (english) return `English or raw text « ${english[0]} » in « ${text.slice(0, 200)} »`;
  if (!frenchMarker.test(text)) return `not French: « ${text.slice(0, 200)} »`;
  return undefined;
}

/** One input of a card, as the form submits it. */
export interface CardInput {
  id: string;
  type: 'Text' | 'Date' | 'Time' | 'Number' | 'ChoiceSet' | 'Toggle';
  required: boolean;
  multiSelect: boolean;
  maxLength?: number;
  /** Current value on the card (prefilled or typed). */
  value?: string;
  /** Values offered by a choice set. */
  choices: string[];
}

/** One `Action.Execute` of a card, with the inputs its click sends (its own card's and the enclosing cards'). */
export interface CardButton {
  verb: string;
  data: Record<string, unknown>;
  inputs: CardInput[];
}

function inputOf(node: Node): CardInput | undefined {
  if (typeof node.type !== 'string' || !node.type.startsWith('Input.') || typeof node.id !== 'string') return undefined;
  const type = node.type.slice('Input.'.length) as CardInput['type'];
  const choices = Array.isArray(node.choices)
    ? node.choices.filter(isNode).map((choice) => choice.value).filter((value): value is string => typeof value === 'string')
    : [];
  return {
    id: node.id,
    type,
    // A templated "${…Required}" may be true on some cards: counted as required.
    required: node.isRequired === true || (typeof node.isRequired === 'string' && node.isRequired !== 'false'),
    multiSelect: node.isMultiSelect === true,
    maxLength: typeof node.maxLength === 'number' ? node.maxLength : undefined,
    value: typeof node.value === 'string' ? node.value : undefined,
    choices,
  };
}

/** Inputs found directly in a card's body (not in a show-card's sub-card, which only its own buttons send). */
function bodyInputs(card: Node): CardInput[] {
  const inputs: CardInput[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isNode(value)) return;
    const input = inputOf(value);
    if (input) inputs.push(input);
    for (const [key, child] of Object.entries(value)) {
      if (key === 'actions' || key === 'selectAction' || key === '$data') continue;
      if (typeof child === 'object') visit(child);
    }
  };
  visit(card.body);
  return inputs;
}

/** Inputs of the same id (one per `$when` variant) merged: required if any is, choices pooled. */
function mergeInputs(inputs: CardInput[]): CardInput[] {
  const byId = new Map<string, CardInput>();
  for (const input of inputs) {
    const known = byId.get(input.id);
    if (!known) byId.set(input.id, { ...input, choices: [...input.choices] });
    else byId.set(input.id, { ...known, required: known.required || input.required, choices: [...known.choices, ...input.choices] });
  }
  return [...byId.values()];
}

/** Every `Action.Execute` of a card (sub-cards included) with the inputs its click sends. */
export function cardButtons(card: unknown): CardButton[] {
  const buttons: CardButton[] = [];
  const visitCard = (node: Node, inherited: CardInput[]): void => {
    const inputs = [...inherited, ...bodyInputs(node)];
    const visitAction = (action: unknown): void => {
      if (!isNode(action)) return;
      if (action.type === 'Action.Execute' && typeof action.verb === 'string') {
        const data = isNode(action.data) ? action.data : {};
        buttons.push({ verb: action.verb, data, inputs: action.associatedInputs === 'none' ? [] : mergeInputs(inputs) });
      }
      if (action.type === 'Action.ShowCard' && isNode(action.card)) visitCard(action.card, inputs);
    };
    // Buttons sit in `actions` of the card, of action sets and of containers, and in `selectAction`.
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (!isNode(value)) return;
      for (const [key, child] of Object.entries(value)) {
        if (key === 'actions' && Array.isArray(child)) child.forEach(visitAction);
        else if (key === 'selectAction') visitAction(child);
        else if (key !== 'card' && key !== '$data' && typeof child === 'object') visit(child);
      }
    };
    visit({ body: node.body });
    if (Array.isArray(node.actions)) node.actions.forEach(visitAction);
  };
  if (isNode(card)) visitCard(card, []);
  return buttons;
}
