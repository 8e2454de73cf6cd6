import type { Locale } from '../../cards/locale';
import { normalizeText } from '../../services/text/normalize';
import type { CommandContext } from '../turn-context';

const choices: Record<string, Locale> = {
  fr: 'fr',
  francais: 'fr',
  french: 'fr',
  en: 'en',
  anglais: 'en',
  english: 'en',
};

const texts = {
  fr: { ask: 'Précisez la langue : « langue fr » (français) ou « langue en » (English).', done: 'C’est noté : je vous répondrai en français.' },
  en: { ask: 'Say which language: “language en” (English) or “language fr” (français).', done: 'Noted: I will answer in English.' },
};

/** "langue en" / "language fr": the person's interface language, kept in their profile. */
export async function changeLanguage(context: CommandContext): Promise<void> {
  const { app, actor, locale, argument } = context;
  const typed = normalizeText(argument);
  // Own keys only: « langue constructor » read Object's constructor as a language and failed (issue 10).
  const language = Object.hasOwn(choices, typed) ? choices[typed] : undefined;
  if (!language) return context.reply(texts[locale].ask);
  await app.directory.setLanguage(actor, language);
  await context.reply(texts[language].done);
}
