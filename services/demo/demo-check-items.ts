import type { CheckItem } from '../checks/check-item';
import { demoPeople } from './demo-directory';

const owner = (firstName: string) => {
  const person = demoPeople.find((p) => p.name.startsWith(`${firstName} `));
  if (!person) throw new Error(`no demo person ${firstName}`);
  return person.id;
};

/**
 * Check items of the Cher demo, from the seeds: information on how services work checked every quarter (1.2),
 * answered-calls rate and title delays published 4 times a year (10.6, 14.6), a current website (11.2).
 * Some belong to Alex Wilber, the Playground's default user, so the demo shows reminders at once.
 */
export function demoCheckItems(createdAt: string): CheckItem[] {
  const item = (fields: Omit<CheckItem, 'active' | 'createdAt'>): CheckItem => ({ ...fields, active: true, createdAt });
  return [
    item({ id: 'HALL-HORAIRES', label: 'Horaires d’ouverture et conditions d’accès', commitment: 'E.1', location: 'hall', ownerId: owner('Alex'), service: 'SGCD' }),
    item({ id: 'WEB-HORAIRES', label: 'Horaires et accès sur le site internet', commitment: 'E.11', location: 'website', url: 'https://www.cher.gouv.fr/', ownerId: owner('Alex'), service: 'SGCD' }),
    item({ id: 'APPELS-TAUX', label: 'Taux d’appels aboutis affiché et publié', commitment: 'E.10', location: 'hall', ownerId: owner('Alex'), service: 'SGCD' }),
    item({ id: 'TITRES-DELAIS', label: 'Délais moyens de délivrance des titres CNI-passeports', commitment: 'E.32', location: 'website', ownerId: owner('Lynne'), service: 'CERT' }),
    item({ id: 'ETRANGERS-DELAIS', label: 'Délais moyens des titres de séjour', commitment: 'E.32', location: 'website', ownerId: owner('Megan'), service: 'BMI' }),
    item({ id: 'REPONDEUR', label: 'Message du répondeur en dehors des heures ouvrées', commitment: 'E.10', location: 'phone', ownerId: owner('Camille'), service: 'ACCUEIL' }),
    item({ id: 'POINT-NUMERIQUE', label: 'Affichage du point numérique', commitment: 'E.15', location: 'hall', ownerId: owner('Adele'), service: 'BMI' }),
  ];
}
