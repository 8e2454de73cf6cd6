import type { CommandName } from '../../bot/commands';
import type { VerbName } from '../../bot/verbs';
import type { AccessFixtures } from './access-fixtures';

/** The seven columns of the access matrix (issue 10). */
export const roles = ['agent', 'managerOfOwner', 'managerOfOther', 'qualityOfficer', 'fraudReferent', 'admin', 'unknown'] as const;

/** One column: who is acting. */
export type Role = (typeof roles)[number];

/** What one cell sends, a chat message or a click on a card button, and the words that show it was served. */
export type AccessRequest = ({ text: string } | { verb: VerbName; data: Record<string, unknown> }) & {
  /** Fraud signal whose existence the answer must not reveal to those outside its circle. */
  secretId?: string;
  /** For lists: what must be in the answer for it to count as served (the object the row is about). */
  shows?: string;
};

/** How one row of the matrix is driven through the bot, and how its answers read. */
export interface Probe {
  /** Row name, as in the expected table. */
  name: string;
  /** The command or verb the row exercises (every one must have a row). */
  covers: { command: CommandName } | { verb: VerbName };
  /** The request of one cell; objects a cell may change are made fresh for it. */
  request(fixtures: AccessFixtures, role: Role): Promise<AccessRequest> | AccessRequest;
  /** Words of the answer showing the request was served. */
  granted: RegExp;
  /** Words of the handler's own refusal (the routers' refusals are recognized for every row). */
  refused?: RegExp;
  /**
   * Fraud signals: their existence is itself sensitive. A refusal to anyone but these people must read exactly as
   * the answer for a number that does not exist.
   */
  secretFrom?: readonly Role[];
  /** The people it serves change the same thing (a sweep, one figure, an id made from a label, the next number): one at a time. */
  serial?: true;
}

/** A chat message. */
export const say = (text: string, more: Partial<AccessRequest> = {}): AccessRequest => ({ text, ...more });

/** A click on a card button sending `data`. */
export const click = (verb: VerbName, data: Record<string, unknown> = {}, more: Partial<AccessRequest> = {}): AccessRequest => ({ verb, data, ...more });

/** A row that types `text` (its name) for every cell. */
export function message(command: CommandName, text: string, granted: RegExp, more: Partial<Probe> = {}): Probe {
  return { name: text, covers: { command }, request: () => say(text), granted, ...more };
}

/** A row that clicks a button of `verb` (its name) with the same data for every cell. */
export function button(verb: VerbName, data: Record<string, unknown>, granted: RegExp, more: Partial<Probe> = {}): Probe {
  return { name: verb, covers: { verb }, request: () => click(verb, data), granted, ...more };
}

/** Objects several cells only read: made once, at the first cell that needs them. */
export function once<T>(make: (fixtures: AccessFixtures) => Promise<T>): (fixtures: AccessFixtures) => Promise<T> {
  let made: Promise<T> | undefined;
  return (fixtures) => (made ??= make(fixtures));
}

/** Adele's fraud signal, which only she, the fraud referents and the quality officer may know of. */
export const readSignal = once((f) => f.fraudSignal('submitted'));
/** Adele's complaint for BMI, which she, BMI's managers, the quality officer and the admins may open. */
export const readComplaint = once((f) => f.complaint());

/** Who may know that a fraud signal exists (DOMAIN « Fraud signals »: the author, the referent, the RQ). */
export const signalCircle: readonly Role[] = ['agent', 'qualityOfficer', 'fraudReferent'];
/** The fraud card's refusal: the very answer to a number that does not exist. */
export const signalNotFound = /Signalement introuvable/;
/** The complaint card's refusals: outside its circle, or not one who handles or supervises it. */
export const complaintRefused = /Réclamation réservée|Seuls (l’agent chargé|les encadrants du service)/;
