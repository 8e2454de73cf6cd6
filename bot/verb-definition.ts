import type { z } from 'zod';
import type { CardJson } from '../cards/render';
import type { Audience } from '../services/directory/roles';
import type { VerbContext } from './turn-context';

/** One `Action.Execute` verb: the shape of its data, who may use it, and the handler that returns the new card. */
export interface VerbDefinition<Schema extends z.ZodType = z.ZodType> {
  /** Validates `action.data` (card inputs merged with the button's data). */
  schema: Schema;
  /** Who may use it. */
  audience: Audience;
  /** Does the work; the returned card replaces the one clicked. */
  handle(context: VerbContext, data: z.infer<Schema>): Promise<CardJson>;
  /** Card shown when the data does not validate (a form with errors next to its fields); default: an error card. */
  invalid?(context: VerbContext, raw: Record<string, unknown>, error: z.ZodError): Promise<CardJson>;
}

/** Declares a verb with its data type inferred from the schema. */
export function defineVerb<Schema extends z.ZodType>(definition: VerbDefinition<Schema>): VerbDefinition<Schema> {
  return definition;
}
