import { z } from 'zod';
import { isLocalDate } from '../reminders/calendar';
import { roleSchema } from './roles';

/** Teams user ids (aadObjectId) are GUID-like; the Playground's default user has a longer last group. */
export const aadObjectIdSchema = z.string().regex(/^[0-9a-fA-F-]{32,40}$/, 'identifiant Entra (aadObjectId) invalide');

/** A service of the prefecture (DC, BMI, CERT…): short code plus full name. */
export const serviceCodeSchema = z
  .string()
  .trim()
  .min(2)
  .max(20)
  .regex(/^[A-Z0-9][A-Z0-9-]*$/, 'code de service en majuscules, chiffres et tirets (ex. BMI, CERT)');

/** A person of the directory, keyed by their Teams aadObjectId. */
export const personSchema = z.object({
  /** Entra object id, as Teams sends it in `from.aadObjectId`. */
  id: aadObjectIdSchema,
  /** Display name. */
  name: z.string().trim().min(1).max(120),
  /** Work e-mail, when known. */
  email: z.email().max(254).optional(),
  /** Service code; absent until an admin assigns one. */
  service: serviceCodeSchema.optional(),
  /** Roles held; everyone is at least an agent. */
  roles: z.array(roleSchema).min(1),
  /** True for people registered on first contact whom an admin has not reviewed yet. */
  toAssign: z.boolean(),
  /** When they were first seen or imported (ISO instant). */
  createdAt: z.iso.datetime(),
  /** Interface language they chose; French when absent (the interface speaks French first). */
  language: z.enum(['fr', 'en']).optional(),
  /** Day they took the post (YYYY-MM-DD), when known: no training can be declared before it (DOMAIN §2). */
  arrivedOn: z.string().refine(isLocalDate, 'date AAAA-MM-JJ invalide').optional(),
});

/** A person of the directory. */
export type Person = z.infer<typeof personSchema>;

/** A person as read from storage, with the ETag needed to update it. */
export type StoredPerson = Person & { etag: string };

/** A service of the prefecture. */
export const serviceSchema = z.object({
  /** Short code, e.g. "BMI". */
  code: serviceCodeSchema,
  /** Full name, e.g. "Bureau des migrations et de l'intégration". */
  name: z.string().trim().min(1).max(200),
  /** Parent direction code, if any (BMI belongs to DC). */
  parent: serviceCodeSchema.optional(),
});

/** A service of the prefecture. */
export type Service = z.infer<typeof serviceSchema>;
