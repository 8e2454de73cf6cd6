import type { Person } from '../directory/person';
import { normalizeText } from '../text/normalize';
import { checkItemSchema, checkLocationLabels, checkLocations, type CheckItem } from './check-item';

/** What the quality officer types in the create/edit form (or one CSV row carries), as typed. */
export interface CheckItemDraft {
  /** What is checked. */
  label: string;
  /** Commitment number as the référentiel writes it ("E.1", "1.2"). */
  commitment: string;
  /** A location id ("website") or a word for it ("site internet", "dépliant"). */
  location: string;
  /** Web page; required for the website. */
  url: string;
  /** The owner's aadObjectId (form) or e-mail (CSV, big directories). */
  owner: string;
  /** Service code; empty for the owner's service. */
  service: string;
}

/** A field of the form, for errors shown next to it. */
export type CheckItemField = keyof CheckItemDraft;

/** One French message per field in error. */
export type CheckItemFieldErrors = Partial<Record<CheckItemField, string>>;

/** Outcome of a validation: the item to store, or what to fix. */
export type CheckItemEditResult = { ok: true; item: CheckItem } | { ok: false; errors: CheckItemFieldErrors };

/** What a draft is checked against: the directory, the services and the référentiel in use. */
export interface CheckItemReferences {
  people: readonly Pick<Person, 'id' | 'name' | 'email' | 'service'>[];
  serviceCodes: readonly string[];
  /** Commitment ids of the référentiel (app.commitments); empty: any text of 1 to 20 characters is accepted. */
  commitmentIds: readonly string[];
}

/** Longest generated id before its "-2" suffix (ids are at most 40 characters, checkItemSchema). */
const maxSlugLength = 30;

// Little words that make ids long without telling items apart ("Horaires d'ouverture" → HORAIRES-OUVERTURE).
const stopWords = new Set(['a', 'au', 'aux', 'd', 'de', 'des', 'du', 'en', 'et', 'l', 'la', 'le', 'les', 'par', 'pour', 'sur', 'un', 'une']);

/**
 * Id of a new item from its label, upper-case words joined by dashes ("Affichage du hall : horaires" →
 * "AFFICHAGE-HALL-HORAIRES"), made unique against the ids in use with "-2", "-3"…
 */
export function checkItemIdFromLabel(label: string, idsInUse: Iterable<string>): string {
  const words = normalizeText(label.replace(/œ/gi, 'oe').replace(/æ/gi, 'ae').replace(/ß/g, 'ss'))
    .split(' ')
    .map((word) => word.replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  const meaningful = words.filter((word) => !stopWords.has(word));
  let slug = '';
  for (const word of (meaningful.length > 0 ? meaningful : words).map((w) => w.toUpperCase())) {
    const next = slug === '' ? word.slice(0, maxSlugLength) : `${slug}-${word}`;
    if (next.length > maxSlugLength) break;
    slug = next;
  }
  if (slug.length < 2) slug = 'ELEMENT';
  const taken = new Set([...idsInUse].map((id) => id.toUpperCase()));
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n += 1) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

const locationAliases: Record<string, CheckItem['location']> = {
  ...Object.fromEntries(checkLocations.map((id) => [id, id])),
  ...Object.fromEntries(checkLocations.flatMap((id) => [[normalizeText(checkLocationLabels[id].fr), id], [normalizeText(checkLocationLabels[id].en), id]])),
  affichage: 'hall',
  affiche: 'hall',
  accueil: 'hall',
  site: 'website',
  'site internet': 'website',
  'site web': 'website',
  internet: 'website',
  web: 'website',
  telephone: 'phone',
  tel: 'phone',
  repondeur: 'phone',
  depliant: 'brochure',
  plaquette: 'brochure',
  autre: 'other',
};

/** Reads a location as typed: its id, or a French or English word, with or without accents ("téléphone"). */
export function parseCheckLocation(text: string): CheckItem['location'] | undefined {
  const key = normalizeText(text);
  // Own keys only: « constructor » was read as a location and answered with a vague « Valeur invalide » (issue 10).
  return Object.hasOwn(locationAliases, key) ? locationAliases[key] : undefined;
}

/** An http(s) address, or undefined. */
export function parseWebAddress(text: string): string | undefined {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? text.trim() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The person a form or CSV names: by aadObjectId or e-mail (case ignored), else by a name only one person has
 * ("Megan Bowen", or the choice title "Megan Bowen (BMI)" a combobox may send when nothing was picked from its list).
 */
export function findOwner<P extends Pick<Person, 'id' | 'email' | 'name'>>(people: readonly P[], typed: string): P | undefined {
  const key = typed.trim().toLowerCase();
  if (key === '') return undefined;
  const exact = people.find((p) => p.id === key || p.email?.toLowerCase() === key);
  if (exact) return exact;
  const name = normalizeText(typed.replace(/\([^()]*\)\s*$/, ''));
  const named = people.filter((p) => normalizeText(p.name) === name);
  return named.length === 1 ? named[0] : undefined;
}

/** A service code as typed or as a choice title may carry it ("bmi", "Bureau des migrations (BMI)"). */
export function parseServiceCode(typed: string): string {
  const inTitle = /\(([A-Za-z0-9-]{2,20})\)\s*$/.exec(typed.trim());
  return (inTitle?.[1] ?? typed).trim().toUpperCase();
}

interface Checked {
  errors: CheckItemFieldErrors;
  fields?: Pick<CheckItem, 'label' | 'commitment' | 'location' | 'url' | 'ownerId'>;
  owner?: Pick<Person, 'id' | 'service'>;
  service: string;
}

function checkFields(draft: CheckItemDraft, refs: CheckItemReferences): Checked {
  const errors: CheckItemFieldErrors = {};
  const label = draft.label.trim();
  if (label === '') errors.label = 'Indiquez ce qui est contrôlé.';
  else if (label.length > 200) errors.label = 'Libellé trop long (200 caractères au plus).';

  const typedCommitment = draft.commitment.trim();
  const commitment = refs.commitmentIds.find((id) => id.toLowerCase() === typedCommitment.toLowerCase()) ?? typedCommitment;
  if (typedCommitment === '') errors.commitment = 'Indiquez l’engagement du référentiel (ex. E.1, 1.2).';
  else if (typedCommitment.length > 20) errors.commitment = 'Numéro d’engagement trop long (20 caractères au plus).';
  else if (refs.commitmentIds.length > 0 && !refs.commitmentIds.includes(commitment)) {
    errors.commitment = `Engagement « ${typedCommitment} » absent du référentiel (ex. ${refs.commitmentIds.slice(0, 3).join(', ')}).`;
  }

  const location = parseCheckLocation(draft.location);
  if (!location) errors.location = 'Choisissez le support : hall, site, téléphone, dépliant ou autre.';

  const typedUrl = draft.url.trim();
  const url = typedUrl === '' ? undefined : parseWebAddress(typedUrl);
  if (typedUrl.length > 500) errors.url = 'Adresse trop longue (500 caractères au plus).';
  else if (typedUrl !== '' && !url) errors.url = 'Adresse web invalide : elle doit commencer par https:// ou http://.';
  else if (location === 'website' && !url) errors.url = 'Indiquez l’adresse de la page du site internet.';

  const owner = findOwner(refs.people, draft.owner);
  if (draft.owner.trim() === '') errors.owner = 'Choisissez le responsable du contrôle.';
  else if (!owner) errors.owner = `Personne introuvable dans l’annuaire : « ${draft.owner.trim().slice(0, 60)} ».`;

  const service = parseServiceCode(draft.service);
  if (service !== '' && !refs.serviceCodes.includes(service)) errors.service = `Service « ${service.slice(0, 20)} » inconnu.`;

  if (Object.keys(errors).length > 0 || !owner || !location) return { errors, service };
  return { errors, fields: { label, commitment, location, url, ownerId: owner.id }, owner, service };
}

// Last guard: whatever passes the field checks must also be a valid stored item.
function finish(candidate: CheckItem, errors: CheckItemFieldErrors): CheckItemEditResult {
  if (!candidate.service) return { ok: false, errors: { ...errors, service: 'Choisissez un service : le responsable n’est rattaché à aucun service.' } };
  const parsed = checkItemSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, item: parsed.data };
  const fieldOf: Record<string, CheckItemField> = { id: 'label', ownerId: 'owner' };
  const found: CheckItemFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0]);
    found[fieldOf[key] ?? (key as CheckItemField)] ??= 'Valeur invalide.';
  }
  return { ok: false, errors: found };
}

/** A new item from the form: id from its label (unique among `idsInUse`), active, created now; service defaults to the owner's. */
export function buildNewCheckItem(draft: CheckItemDraft, refs: CheckItemReferences, idsInUse: Iterable<string>, now: Date, id?: string): CheckItemEditResult {
  const checked = checkFields(draft, refs);
  if (!checked.fields || !checked.owner) return { ok: false, errors: checked.errors };
  const service = checked.service || checked.owner.service || '';
  const itemId = id ?? checkItemIdFromLabel(checked.fields.label, idsInUse);
  return finish({ id: itemId, ...checked.fields, service, active: true, createdAt: now.toISOString() }, checked.errors);
}

/**
 * An edited item: id, creation date and active flag kept. Reassigning (a new owner) moves the item to the new
 * owner's service unless another service than the current one was chosen in the same edit.
 */
export function applyCheckItemEdit(item: CheckItem, draft: CheckItemDraft, refs: CheckItemReferences): CheckItemEditResult {
  const checked = checkFields(draft, refs);
  if (!checked.fields || !checked.owner) return { ok: false, errors: checked.errors };
  const reassigned = checked.owner.id !== item.ownerId;
  const keptService = checked.service === '' || checked.service === item.service;
  const service = reassigned && keptService ? (checked.owner.service ?? item.service) : checked.service || item.service;
  return finish({ ...pickItem(item), ...checked.fields, service }, checked.errors);
}

/** Gives an item to someone else; the service follows the new owner (kept when they have none). */
export function reassignCheckItem(item: CheckItem, owner: Pick<Person, 'id' | 'service'>): CheckItem {
  return { ...pickItem(item), ownerId: owner.id, service: owner.service ?? item.service };
}

/** Retires (false) or restores (true) an item; undefined when it already is in that state. Retired items are not checked. */
export function setCheckItemActive(item: CheckItem, active: boolean): CheckItem | undefined {
  return item.active === active ? undefined : { ...pickItem(item), active };
}

/** The form's draft of a stored item, to show it for editing. */
export function draftOf(item: CheckItem): CheckItemDraft {
  return { label: item.label, commitment: item.commitment, location: item.location, url: item.url ?? '', owner: item.ownerId, service: item.service };
}

/** The item's own fields, without what a repository adds (ETag). */
export function pickItem(item: CheckItem): CheckItem {
  const { id, label, commitment, location, url, ownerId, service, active, createdAt } = item;
  return { id, label, commitment, location, url, ownerId, service, active, createdAt };
}
