import { z } from 'zod';

/** The référentiels shipped with Qualibot (one per seed prefecture). */
export const referentielIds = ['cher', 'loire', 'somme'] as const;

/** One shipped référentiel. */
export type ReferentielId = (typeof referentielIds)[number];

/** A commitment of a prefecture's référentiel, numbered its own way ("E.17", "17.1", "ES17"). */
export const commitmentSchema = z.object({
  /** Id as the prefecture numbers it. */
  id: z.string().min(1).max(20),
  /** Module number (1 general relation, 2 titles, 3 foreigners' titles, 7 emergency communication). */
  module: z.number().int().min(1).max(20),
  /** Section heading, e.g. "Courriers et courriels". */
  theme: z.string().optional(),
  /** The commitment's sentence. */
  title: z.string().min(1),
  /** Bullet points that belong to the commitment, if any. */
  details: z.array(z.string()).optional(),
  /** Id of the parent commitment for sub-items ("17" for "17.1"). */
  parent: z.string().optional(),
});

/** A commitment of the référentiel. */
export type Commitment = z.infer<typeof commitmentSchema>;

/** A référentiel data file. */
export const referentielFileSchema = z.object({
  prefecture: z.enum(referentielIds),
  name: z.string(),
  source: z.string(),
  modules: z.array(z.object({ number: z.number().int(), title: z.string() })),
  commitments: z.array(commitmentSchema),
});

/** A référentiel data file. */
export type ReferentielFile = z.infer<typeof referentielFileSchema>;
