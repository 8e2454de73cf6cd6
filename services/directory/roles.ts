import { z } from 'zod';

/** The roles of DOMAIN.md "People and roles". */
export const roles = ['agent', 'manager', 'rq', 'fraud-referent', 'admin'] as const;

/** One role a person may hold. */
export type Role = (typeof roles)[number];

/** Zod schema of a role. */
export const roleSchema = z.enum(roles);

/** French and English labels of each role, as users read them. */
export const roleLabels: Record<Role, { fr: string; en: string }> = {
  agent: { fr: 'Agent', en: 'Agent' },
  manager: { fr: 'Encadrant', en: 'Manager' },
  rq: { fr: 'Responsable qualité', en: 'Quality officer' },
  'fraud-referent': { fr: 'Référent fraude', en: 'Fraud referent' },
  admin: { fr: 'Administrateur', en: 'Administrator' },
};

/** Who may run something: everyone, or anyone holding one of the listed roles. */
export type Audience = 'everyone' | readonly Role[];

/** True when a person with these roles belongs to the audience. */
export function isInAudience(personRoles: readonly Role[], audience: Audience): boolean {
  return audience === 'everyone' || audience.some((role) => personRoles.includes(role));
}

/** Parses role names as an admin types them (French or English labels, or ids), for CSV imports and forms. */
export function parseRoleName(text: string): Role | undefined {
  const key = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();
  const aliases: Record<string, Role> = {
    agent: 'agent',
    manager: 'manager',
    encadrant: 'manager',
    chef: 'manager',
    rq: 'rq',
    'responsable qualite': 'rq',
    'quality officer': 'rq',
    'fraud-referent': 'fraud-referent',
    'referent fraude': 'fraud-referent',
    'referente fraude': 'fraud-referent',
    admin: 'admin',
    administrateur: 'admin',
  };
  return aliases[key];
}
