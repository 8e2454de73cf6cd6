import type { Locale } from '../../cards/locale';

/**
 * The fraud domains a signal is filed under (DOMAIN "Fraud signals": BMI, CERT CNI-Passeports, driving licences,
 * vehicle registration, other). A fixed list of its own, not the directory's service codes: driving licences and
 * vehicle registration have no office of their own in most prefectures since the 2017 reform, yet the indicators
 * count them apart. Volumes and targets are entered per key.
 */
export const fraudServices = ['BMI', 'CERT', 'PERMIS', 'SIV', 'AUTRE'] as const;

/** A fraud domain key, as typed in `volumes BMI 2025-T1 12500`. */
export type FraudService = (typeof fraudServices)[number];

/** Labels, and the directory service whose managers may enter the volumes (none: the quality officer only). */
export const fraudServiceInfo: Record<FraudService, { fr: string; en: string; directoryService?: string }> = {
  BMI: { fr: 'BMI — titres des étrangers', en: 'BMI — foreigners’ permits', directoryService: 'BMI' },
  CERT: { fr: 'CERT CNI-Passeports', en: 'CERT ID cards and passports', directoryService: 'CERT' },
  PERMIS: { fr: 'Permis de conduire', en: 'Driving licences' },
  SIV: { fr: 'Cartes grises (immatriculation)', en: 'Vehicle registration' },
  AUTRE: { fr: 'Autre', en: 'Other' },
};

/** Typed spellings of each key (`volumes cartes-grises …`), compared in upper case. */
const serviceAliases: Record<string, FraudService> = {
  BMI: 'BMI',
  CERT: 'CERT',
  'CERT-CNI': 'CERT',
  CNI: 'CERT',
  PERMIS: 'PERMIS',
  SIV: 'SIV',
  'CARTES-GRISES': 'SIV',
  'CARTE-GRISE': 'SIV',
  IMMATRICULATION: 'SIV',
  AUTRE: 'AUTRE',
  OTHER: 'AUTRE',
};

/** Reads a fraud domain as typed ("bmi", "Cartes-grises"); undefined when it names none. */
export function parseFraudService(text: string): FraudService | undefined {
  return serviceAliases[text.trim().toUpperCase()];
}

/** True for a fraud domain key. */
export function isFraudService(value: unknown): value is FraudService {
  return fraudServices.some((service) => service === value);
}

/** Kinds of title a fraud concerns (a list, so that no free text invites a name). */
export const titleTypes = ['titre-sejour', 'document-voyage', 'cni', 'passeport', 'permis', 'carte-grise', 'autre'] as const;

/** One kind of title. */
export type TitleType = (typeof titleTypes)[number];

/** Labels of the title types. */
export const titleTypeLabels: Record<TitleType, Record<Locale, string>> = {
  'titre-sejour': { fr: 'Titre de séjour', en: 'Residence permit' },
  'document-voyage': { fr: 'Document de voyage, titre d’identité républicain', en: 'Travel document' },
  cni: { fr: 'Carte nationale d’identité', en: 'National ID card' },
  passeport: { fr: 'Passeport', en: 'Passport' },
  permis: { fr: 'Permis de conduire', en: 'Driving licence' },
  'carte-grise': { fr: 'Certificat d’immatriculation', en: 'Vehicle registration certificate' },
  autre: { fr: 'Autre titre', en: 'Other title' },
};

/**
 * Natures of fraud (DOMAIN; CLU 2021: "faux documents…, faux bulletins de salaire, faux justificatifs de domicile"
 * are the usual ones).
 */
export const fraudNatures = ['faux-document', 'faux-bulletin-salaire', 'faux-justificatif-domicile', 'usurpation-identite', 'contrefacon', 'autre'] as const;

/** One nature of fraud. */
export type FraudNature = (typeof fraudNatures)[number];

/** Labels of the natures. */
export const fraudNatureLabels: Record<FraudNature, Record<Locale, string>> = {
  'faux-document': { fr: 'Faux document', en: 'False document' },
  'faux-bulletin-salaire': { fr: 'Faux bulletin de salaire', en: 'False payslip' },
  'faux-justificatif-domicile': { fr: 'Faux justificatif de domicile', en: 'False proof of address' },
  'usurpation-identite': { fr: 'Usurpation d’identité', en: 'Identity theft' },
  contrefacon: { fr: 'Contrefaçon', en: 'Counterfeit' },
  autre: { fr: 'Autre', en: 'Other' },
};

/** The label of a fraud domain. */
export function fraudServiceLabel(service: FraudService, locale: Locale): string {
  return fraudServiceInfo[service][locale];
}

/** The fraud domain matching a directory service (BMI → BMI, CERT → CERT), if any: a manager's preset. */
export function fraudServiceOfDirectoryService(code: string | undefined): FraudService | undefined {
  return fraudServices.find((service) => code !== undefined && fraudServiceInfo[service].directoryService === code);
}
