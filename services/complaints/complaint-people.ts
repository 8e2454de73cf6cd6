import type { Person } from '../directory/person';
import type { Complaint } from './complaint';

/** What the rules need to know of the person acting. */
export type ComplaintActor = Pick<Person, 'id' | 'roles' | 'service'>;

/** The quality officer ("RQ") follows every request and the indicators (DOMAIN "People and roles"). */
export function isQualityOfficer(actor: Pick<Person, 'roles'>): boolean {
  return actor.roles.includes('rq');
}

/** Sees every complaint and the statistics: the quality officer and the administrators. */
export function seesAllComplaints(actor: Pick<Person, 'roles'>): boolean {
  return actor.roles.includes('rq') || actor.roles.includes('admin');
}

/** A manager of the service in charge. */
export function managesComplaintService(complaint: Pick<Complaint, 'service'>, actor: Pick<Person, 'roles' | 'service'>): boolean {
  return actor.roles.includes('manager') && actor.service !== undefined && actor.service === complaint.service;
}

/**
 * May open the complaint: its assignee and author, the managers of its service, the quality officer and the
 * administrators. A summary holds no personal data, but who wrote about what stays among those who handle it.
 */
export function mayViewComplaint(complaint: Pick<Complaint, 'service' | 'assigneeId' | 'createdBy'>, actor: ComplaintActor): boolean {
  return complaint.assigneeId === actor.id || complaint.createdBy === actor.id || managesComplaintService(complaint, actor) || seesAllComplaints(actor);
}

/** May acknowledge, reply and file an answered complaint: the assignee, the managers of its service, the quality officer. */
export function mayHandleComplaint(complaint: Pick<Complaint, 'service' | 'assigneeId'>, actor: ComplaintActor): boolean {
  return complaint.assigneeId === actor.id || managesComplaintService(complaint, actor) || isQualityOfficer(actor);
}

/** May give it to someone else, or file it without a reply: the managers of its service and the quality officer. */
export function maySuperviseComplaint(complaint: Pick<Complaint, 'service'>, actor: ComplaintActor): boolean {
  return managesComplaintService(complaint, actor) || isQualityOfficer(actor);
}

/** Who hears of a complaint past its due date: the service's managers and the quality officers, not the assignee. */
export function complaintEscalationRecipients<P extends ComplaintActor>(complaint: Pick<Complaint, 'service' | 'assigneeId'>, people: readonly P[]): P[] {
  return people.filter((person) => person.id !== complaint.assigneeId && (isQualityOfficer(person) || managesComplaintService(complaint, person)));
}
