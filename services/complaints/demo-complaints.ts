import { workingDayOnOrBefore, workingDaysBefore } from '../action-plan/action-reminder-stages';
import { demoPeople } from '../demo/demo-directory';
import type { LocalDate, WorkingCalendar } from '../reminders/calendar';
import type { ComplaintChannel, ComplaintKind, OutOfScopeReason } from './complaint-channels';
import type { Complaint, ComplaintReply } from './complaint';
import { replyDueOn } from './complaint-deadline';
import { formatComplaintId } from './complaint-number';

const person = (firstName: string) => {
  const found = demoPeople.find((p) => p.name.startsWith(`${firstName} `));
  if (!found) throw new Error(`no demo person ${firstName}`);
  return found;
};

/** One demo request, its days counted in working days: received `ago` working days before today, replies `m` after. */
interface Scenario {
  channel: ComplaintChannel;
  kind: ComplaintKind;
  ago: number;
  summary: string;
  commitment?: string;
  outOfScope?: OutOfScopeReason;
  assignee: string;
  author: string;
  /** Acknowledgement sent this many working days after receipt. */
  ack?: number;
  /** Replies this many working days after receipt; a holding reply announces `forecastIn` working days after today. */
  replies?: { kind: ComplaintReply['kind']; after: number; forecastIn?: number }[];
  /** Filed this many working days after receipt. */
  closed?: number;
}

/**
 * A realistic year so far, themes taken from the 2020 report's list ("horaires d'ouverture trop restreints",
 * médailles, randonnées, page Facebook, concours, élections): e-mails and letters first as in 2020, a hall form,
 * the website form, a phone call and a social-network message; most answered in time, one answered late, one open
 * past its due date, one holding reply, one e-mail awaiting its acknowledgement, two out of scope. Alex, the
 * Playground's default user, has three assigned (one due in 2 working days: a reminder on the day of seeding).
 */
const scenarios: Scenario[] = [
  { channel: 'email', kind: 'complaint', ago: 14, summary: 'Horaires d’ouverture de l’accueil des étrangers jugés trop restreints', commitment: 'E.7', assignee: 'Adele', author: 'Adele', ack: 0, replies: [{ kind: 'substance', after: 3 }] },
  { channel: 'letter', kind: 'information-request', ago: 22, summary: 'Question sur la réglementation des médailles d’honneur du travail', commitment: 'E.17', assignee: 'Lina', author: 'Lina', replies: [{ kind: 'substance', after: 8 }], closed: 9 },
  { channel: 'hall-form', kind: 'suggestion', ago: 18, summary: 'Urne des suggestions peu visible : la placer près de la sortie', commitment: 'E.3', assignee: 'Camille', author: 'Camille', replies: [{ kind: 'substance', after: 6 }] },
  { channel: 'email', kind: 'complaint', ago: 9, summary: 'Pas de réponse à une demande de rendez-vous pour un renouvellement de titre de séjour', commitment: 'E.26', assignee: 'Louis', author: 'Megan', ack: 0 },
  { channel: 'letter', kind: 'complaint', ago: 8, summary: 'Délai de délivrance d’un passeport jugé trop long', commitment: 'E.22', assignee: 'Emma', author: 'Lynne', replies: [{ kind: 'holding', after: 6, forecastIn: 8 }] },
  { channel: 'email', kind: 'information-request', ago: 1, summary: 'Dépôt des candidatures aux élections municipales : pièces à fournir', commitment: 'E.17', assignee: 'Alex', author: 'Lina' },
  { channel: 'website-form', kind: 'suggestion', ago: 3, summary: 'Page des démarches en ligne difficile à trouver sur le site internet', commitment: 'E.11', assignee: 'Alex', author: 'Alex', ack: 0 },
  { channel: 'email', kind: 'information-request', ago: 25, summary: 'Renseignements sur les concours de la fonction publique d’État', commitment: 'E.17', assignee: 'Lina', author: 'Lina', ack: 1, replies: [{ kind: 'substance', after: 7 }] },
  { channel: 'letter', kind: 'complaint', ago: 6, summary: 'Question sur l’avancement d’un dossier de titre de séjour en cours d’instruction', outOfScope: 'file-in-progress', assignee: 'Megan', author: 'Adele' },
  { channel: 'phone', kind: 'information-request', ago: 5, summary: 'Itinéraires de randonnée : question relevant d’une autre administration', assignee: 'Hugo', author: 'Hugo', replies: [{ kind: 'substance', after: 1 }] },
  { channel: 'social-network', kind: 'complaint', ago: 11, summary: 'Problème d’accès à la page Facebook de la préfecture', commitment: 'E.19', assignee: 'Inès', author: 'Arthur', replies: [{ kind: 'substance', after: 2 }], closed: 3 },
  { channel: 'letter', kind: 'complaint', ago: 2, summary: 'Horaires du samedi absents de l’affichage à l’entrée', commitment: 'E.1', assignee: 'Alex', author: 'Camille' },
  { channel: 'letter', kind: 'complaint', ago: 15, summary: 'Intervention d’un élu au sujet d’un dossier de naturalisation', outOfScope: 'elected-official', assignee: 'Megan', author: 'Megan', replies: [{ kind: 'substance', after: 9 }] },
];

/**
 * The demo complaints as of `now`, numbered per year of receipt in order of receipt ('R-2026-0001'…). Commitments
 * not in the deployment's référentiel are left out. Deterministic for a given day, so seeding twice adds nothing.
 */
export function demoComplaints(now: Date, calendar: WorkingCalendar, commitmentIds: readonly string[]): Complaint[] {
  const today = workingDayOnOrBefore(calendar.localDateOf(now), calendar);
  const at = (day: LocalDate, time: string) => calendar.localInstant(day, time).toISOString();
  const built = scenarios.map((scenario) => {
    const receivedOn = workingDaysBefore(today, scenario.ago, calendar);
    const day = (after: number) => calendar.addWorkingDays(receivedOn, after);
    const initialDueOn = replyDueOn(receivedOn, scenario.channel, calendar);
    const createdAt = at(receivedOn, '10:00');
    const assignee = person(scenario.assignee);
    const replies: ComplaintReply[] = (scenario.replies ?? []).map((reply) => ({
      kind: reply.kind,
      on: day(reply.after),
      forecastOn: reply.forecastIn === undefined ? undefined : calendar.addWorkingDays(today, reply.forecastIn),
      by: assignee.id,
      at: at(day(reply.after), '15:00'),
    }));
    const holding = replies.filter((reply) => reply.kind === 'holding').at(-1);
    const answered = replies.some((reply) => reply.kind === 'substance');
    const complaint: Complaint = {
      id: '',
      channel: scenario.channel,
      kind: scenario.kind,
      receivedOn,
      summary: scenario.summary,
      commitment: scenario.commitment !== undefined && commitmentIds.includes(scenario.commitment) ? scenario.commitment : undefined,
      inScope: scenario.outOfScope === undefined,
      outOfScopeReason: scenario.outOfScope,
      service: assignee.service ?? 'SGCD',
      assigneeId: assignee.id,
      assignedAt: createdAt,
      initialDueOn,
      dueOn: holding?.forecastOn ?? initialDueOn,
      dueSetAt: holding?.at ?? createdAt,
      acknowledgedOn: scenario.ack === undefined ? undefined : day(scenario.ack),
      replies,
      state: scenario.closed !== undefined ? 'closed' : answered ? 'answered' : 'open',
      closedOn: scenario.closed === undefined ? undefined : day(scenario.closed),
      createdBy: person(scenario.author).id,
      createdAt,
      revision: replies.length + (scenario.ack === undefined ? 0 : 1) + (scenario.closed === undefined ? 0 : 1),
    };
    return complaint;
  });
  const rows = new Map<string, number>();
  return built
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))
    .map((complaint) => {
      const year = Number(complaint.receivedOn.slice(0, 4));
      const row = (rows.get(String(year)) ?? 0) + 1;
      rows.set(String(year), row);
      return { ...complaint, id: formatComplaintId(year, row) };
    });
}
