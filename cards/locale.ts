/** Languages the interface speaks: French first, English for people whose Teams is in English. */
export type Locale = 'fr' | 'en';

/** Picks the interface language from the Teams locale ("en-US" → en; anything else → fr). */
export function localeFrom(teamsLocale: string | undefined): Locale {
  return teamsLocale?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** A card's strings in both languages; the French set defines the keys. */
export type Strings<Keys extends string> = Record<Locale, Record<Keys, string>>;
