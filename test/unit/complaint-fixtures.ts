import { complaintSchema, type Complaint } from '../../services/complaints/complaint';
import type { Person } from '../../services/directory/person';
import type { Role } from '../../services/directory/roles';
import { WorkingCalendar } from '../../services/reminders/calendar';

/** Builders shared by the complaint unit tests (test/unit/complaint-*.test.ts). */
export const personId = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

function person(n: number, name: string, service: string, roles: Role[]): Person {
  return { id: personId(n), name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@cher.gouv.fr`, service, roles, toAssign: false, createdAt: '2024-01-15T09:00:00.000Z' };
}

/** Everyone a rule may distinguish, for a complaint of BMI given to Adele. */
export const cast = {
  /** Agent in charge, BMI. */
  assignee: person(22, 'Adele Vance', 'BMI', ['agent']),
  /** Another agent of BMI. */
  agent: person(104, 'Louis Thomas', 'BMI', ['agent']),
  /** Manager of BMI. */
  manager: person(21, 'Megan Bowen', 'BMI', ['agent', 'manager']),
  /** Manager of CERT, another service. */
  otherManager: person(25, 'Lynne Robbins', 'CERT', ['agent', 'manager']),
  /** Agent of CERT. */
  certAgent: person(107, 'Emma Petit', 'CERT', ['agent']),
  /** Quality officer. */
  rq: person(20, 'Alex Wilber', 'SGCD', ['rq', 'admin']),
  /** IT admin. */
  admin: person(24, 'Patti Fernandez', 'SIDSIC', ['agent', 'admin']),
};

export const people: Person[] = Object.values(cast);
export const serviceCodes = ['BMI', 'CERT', 'SGCD', 'SIDSIC', 'ACCUEIL'];
export const commitmentIds = ['E.1', 'E.3', 'E.16', 'E.17', 'E.18'];
export const calendar = new WorkingCalendar({ timeZone: 'Europe/Paris' });

/**
 * A valid open e-mail of BMI given to Adele: received Friday 12 March 2027, due Friday 19 March (E.17), logged that
 * Friday at 10:00 Paris by Megan.
 */
export function complaintWith(overrides: Partial<Complaint> = {}): Complaint {
  const base: Complaint = {
    id: 'R-2027-0012',
    channel: 'email',
    kind: 'complaint',
    receivedOn: '2027-03-12',
    summary: 'Horaires d’ouverture jugés trop restreints',
    commitment: 'E.17',
    inScope: true,
    service: 'BMI',
    assigneeId: cast.assignee.id,
    assignedAt: '2027-03-12T09:00:00.000Z',
    initialDueOn: '2027-03-19',
    dueOn: '2027-03-19',
    dueSetAt: '2027-03-12T09:00:00.000Z',
    replies: [],
    state: 'open',
    createdBy: cast.manager.id,
    createdAt: '2027-03-12T09:00:00.000Z',
    revision: 0,
  };
  return complaintSchema.parse({ ...base, ...overrides });
}
