/** Languages the interface speaks: French first, English for people who choose it ("langue en"). */
export type Locale = 'fr' | 'en';

/** The language of anyone who has not chosen one (and of answers given before we know who is asking). */
export const defaultLocale: Locale = 'fr';

/** A card's strings in both languages; the French set defines the keys. */
export type Strings<Keys extends string> = Record<Locale, Record<Keys, string>>;
