import { z } from 'zod';
import { aadObjectIdSchema, serviceCodeSchema } from '../directory/person';

/** Where the checked information is shown to users (DOMAIN.md §1). */
export const checkLocations = ['hall', 'website', 'phone', 'brochure', 'other'] as const;

/** French and English names of each location. */
export const checkLocationLabels: Record<(typeof checkLocations)[number], { fr: string; en: string }> = {
  hall: { fr: 'Affichage du hall', en: 'Hall poster' },
  website: { fr: 'Site internet', en: 'Website' },
  phone: { fr: 'Message téléphonique', en: 'Phone message' },
  brochure: { fr: 'Dépliant', en: 'Brochure' },
  other: { fr: 'Autre support', en: 'Other medium' },
};

/** A piece of published information its owner confirms every quarter (1.2, 10.6, 14.6, 11.2). */
export const checkItemSchema = z.object({
  /** Stable id, e.g. "HALL-HORAIRES". */
  id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'identifiant en majuscules, chiffres et tirets'),
  /** What is checked, e.g. "Horaires d'ouverture et conditions d'accès". */
  label: z.string().trim().min(1).max(200),
  /** Commitment it proves, as the référentiel numbers it ("1.2", "E.1"). */
  commitment: z.string().trim().min(1).max(20),
  /** Where the information is shown. */
  location: z.enum(checkLocations),
  /** Web page, when it is on the website. */
  url: z.url().max(500).optional(),
  /** aadObjectId of the person who confirms it. */
  ownerId: aadObjectIdSchema,
  /** Service responsible for it. */
  service: serviceCodeSchema,
  /** Retired items are no longer checked. */
  active: z.boolean(),
  /** When it was added (ISO instant): quarters before that are not owed. */
  createdAt: z.iso.datetime(),
});

/** A check item. */
export type CheckItem = z.infer<typeof checkItemSchema>;

/** A check item as read from storage, with the ETag an edit must present. */
export type StoredCheckItem = CheckItem & { etag: string };

/** The three answers a quarterly check card offers. */
export const checkAnswers = ['verified', 'updated', 'problem'] as const;

/** One answer. */
export type CheckAnswerKind = (typeof checkAnswers)[number];

/** An owner's answer for one item and one quarter: kept as audit evidence. */
export interface CheckAnswer {
  itemId: string;
  /** "2027-Q1". */
  quarter: string;
  answer: CheckAnswerKind;
  /** New update date shown on the documents ("Mis à jour aujourd'hui"). */
  updatedOn?: string;
  /** What is wrong ("Problème"). */
  problem?: string;
  answeredBy: string;
  answeredAt: string;
  /** Answered after the quarter ended. */
  late: boolean;
}
