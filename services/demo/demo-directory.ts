import type { Person, Service } from '../directory/person';

/** The Cher prefecture's services named in the seeds (CLU 2021 minutes). */
export const demoServices: Service[] = [
  { code: 'SG', name: 'Secrétariat général' },
  { code: 'SGCD', name: 'Secrétariat général commun départemental' },
  { code: 'SIDSIC', name: 'Service interministériel départemental des systèmes d’information et de communication', parent: 'SGCD' },
  { code: 'BLS', name: 'Bureau de la logistique et des services', parent: 'SGCD' },
  { code: 'DC', name: 'Direction de la citoyenneté' },
  { code: 'BMI', name: 'Bureau des migrations et de l’intégration', parent: 'DC' },
  { code: 'CERT', name: 'CERT CNI-Passeports', parent: 'DC' },
  { code: 'ACCUEIL', name: 'Accueil général et pré-accueil', parent: 'DC' },
  { code: 'DSC', name: 'Direction des sécurités et de la communication' },
  { code: 'BREC', name: 'Bureau de la représentation de l’État et de la communication', parent: 'DSC' },
  { code: 'DAT', name: 'Direction de l’action territoriale' },
];

/** A demo person; ids follow the Playground's pattern so its users map onto them. */
type DemoPerson = Omit<Person, 'createdAt' | 'toAssign'>;

const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(13, '0')}`;

/**
 * Demo people. The first ones are the Agents Playground's users (its default user Alex Wilber has
 * aadObjectId …0020), so every role can be tried from the Playground; the rest populate the services.
 */
export const demoPeople: DemoPerson[] = [
  { id: id(20), name: 'Alex Wilber', email: 'alex.wilber@cher.gouv.fr', service: 'SGCD', roles: ['rq', 'admin'] },
  { id: id(21), name: 'Megan Bowen', email: 'megan.bowen@cher.gouv.fr', service: 'BMI', roles: ['agent', 'manager'] },
  { id: id(22), name: 'Adele Vance', email: 'adele.vance@cher.gouv.fr', service: 'BMI', roles: ['agent'] },
  { id: id(23), name: 'Isaiah Langer', email: 'isaiah.langer@cher.gouv.fr', service: 'SG', roles: ['agent', 'fraud-referent'] },
  { id: id(24), name: 'Patti Fernandez', email: 'patti.fernandez@cher.gouv.fr', service: 'SIDSIC', roles: ['agent', 'admin'] },
  { id: id(25), name: 'Lynne Robbins', email: 'lynne.robbins@cher.gouv.fr', service: 'CERT', roles: ['agent', 'manager'] },
  { id: id(101), name: 'Camille Martin', email: 'camille.martin@cher.gouv.fr', service: 'ACCUEIL', roles: ['agent'] },
  { id: id(102), name: 'Hugo Bernard', email: 'hugo.bernard@cher.gouv.fr', service: 'ACCUEIL', roles: ['agent'] },
  { id: id(103), name: 'Léa Dubois', email: 'lea.dubois@cher.gouv.fr', service: 'ACCUEIL', roles: ['agent', 'manager'] },
  { id: id(104), name: 'Louis Thomas', email: 'louis.thomas@cher.gouv.fr', service: 'BMI', roles: ['agent'] },
  { id: id(105), name: 'Chloé Robert', email: 'chloe.robert@cher.gouv.fr', service: 'BMI', roles: ['agent'] },
  { id: id(106), name: 'Gabriel Richard', email: 'gabriel.richard@cher.gouv.fr', service: 'BMI', roles: ['agent'] },
  { id: id(107), name: 'Emma Petit', email: 'emma.petit@cher.gouv.fr', service: 'CERT', roles: ['agent'] },
  { id: id(108), name: 'Jules Durand', email: 'jules.durand@cher.gouv.fr', service: 'CERT', roles: ['agent'] },
  { id: id(109), name: 'Manon Leroy', email: 'manon.leroy@cher.gouv.fr', service: 'CERT', roles: ['agent'] },
  { id: id(110), name: 'Arthur Moreau', email: 'arthur.moreau@cher.gouv.fr', service: 'BREC', roles: ['agent', 'manager'] },
  { id: id(111), name: 'Inès Simon', email: 'ines.simon@cher.gouv.fr', service: 'BREC', roles: ['agent'] },
  { id: id(112), name: 'Raphaël Laurent', email: 'raphael.laurent@cher.gouv.fr', service: 'BLS', roles: ['agent', 'manager'] },
  { id: id(113), name: 'Jade Lefebvre', email: 'jade.lefebvre@cher.gouv.fr', service: 'BLS', roles: ['agent'] },
  { id: id(114), name: 'Adam Michel', email: 'adam.michel@cher.gouv.fr', service: 'DAT', roles: ['agent', 'manager'] },
  { id: id(115), name: 'Louise Garcia', email: 'louise.garcia@cher.gouv.fr', service: 'DAT', roles: ['agent'] },
  { id: id(116), name: 'Nathan David', email: 'nathan.david@cher.gouv.fr', service: 'DC', roles: ['agent'] },
  { id: id(117), name: 'Alice Bertrand', email: 'alice.bertrand@cher.gouv.fr', service: 'DSC', roles: ['agent', 'manager'] },
  { id: id(118), name: 'Paul Roux', email: 'paul.roux@cher.gouv.fr', service: 'SGCD', roles: ['agent', 'manager'] },
  { id: id(119), name: 'Lina Vincent', email: 'lina.vincent@cher.gouv.fr', service: 'SGCD', roles: ['agent'] },
  { id: id(120), name: 'Tom Fournier', email: 'tom.fournier@cher.gouv.fr', service: 'SIDSIC', roles: ['agent'] },
  { id: id(121), name: 'Rose Morel', email: 'rose.morel@cher.gouv.fr', service: 'SG', roles: ['agent', 'manager'] },
  { id: id(122), name: 'Victor Girard', email: 'victor.girard@cher.gouv.fr', service: 'ACCUEIL', roles: ['agent'] },
];

/** One person registered on first contact and still waiting for an admin, so the admin screens show something. */
export const demoPendingPerson: DemoPerson = { id: id(199), name: 'Sacha Nouveau', roles: ['agent'] };
