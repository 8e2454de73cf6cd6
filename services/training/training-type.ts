import { z } from 'zod';
import { serviceCodeSchema, type Person } from '../directory/person';
import { roleSchema } from '../directory/roles';

/** Training ids are slugs ('accueil-prise-de-poste'): they end up in reminder keys and card data. */
export const trainingTypeIdSchema = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'identifiant en minuscules, chiffres et tirets (ex. formation-continue)');

/** Who must hold a training: anyone with one of the roles OR in one of the services; both empty = everyone. */
export const trainingAudienceSchema = z.object({
  /** Roles that must hold it, e.g. ['rq'] for the quality referents (4.4). */
  roles: z.array(roleSchema).optional(),
  /** Service codes whose members must hold it, e.g. ['ACCUEIL'] for the front desk (4.1). */
  services: z.array(serviceCodeSchema).optional(),
});

/** Who must hold a training. */
export type TrainingAudience = z.infer<typeof trainingAudienceSchema>;

/**
 * A kind of training the label requires (DOMAIN §2; seed 001 4.1–4.4, 23.1; seed 000 E.28). Data the quality
 * officer edits, never logic: each prefecture numbers its commitments its own way.
 */
export const trainingTypeSchema = z.object({
  /** Stable slug. */
  id: trainingTypeIdSchema,
  /** Name as users read it. */
  label: z.object({ fr: z.string().trim().min(1).max(120), en: z.string().trim().min(1).max(120) }),
  /** Commitment it serves, in the prefecture's own numbering ('4.2', 'E.28'); free text. */
  commitment: z.string().trim().min(1).max(20),
  /** How long a completion counts: 4 years unless the type says otherwise (2020 report: "4 ans maximum"). */
  validityMonths: z.number().int().min(1).max(240).default(48),
  /** Who must hold it. */
  requiredFor: trainingAudienceSchema,
  /** Inactive types are kept for history but neither required nor declarable. */
  active: z.boolean(),
});

/** A kind of training the label requires. */
export type TrainingType = z.infer<typeof trainingTypeSchema>;

/** True when the person must hold this training: any listed role or service; an empty audience is everyone. */
export function isCoveredBy(person: Pick<Person, 'roles' | 'service'>, audience: TrainingAudience): boolean {
  const roles = audience.roles ?? [];
  const services = audience.services ?? [];
  if (roles.length === 0 && services.length === 0) return true;
  if (roles.some((role) => person.roles.includes(role))) return true;
  return person.service !== undefined && services.includes(person.service);
}
