import { randomUUID } from 'node:crypto';

/** A Teams user the benchmark acts as. */
export interface BenchUser {
  id: string;
  aadObjectId: string;
  name: string;
}

/** Alex Wilber: quality officer and admin in the demo directory (sees the whole plan, approves any closure). */
export const alex: BenchUser = { id: 'user-id-0', aadObjectId: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber' };
/** Adele Vance, agent of BMI: owner of the actions the benchmark approves. */
export const adele: BenchUser = { id: 'user-id-2', aadObjectId: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance' };

/** Fields every activity from Teams carries (the shape of test/fixtures/playground/), with a fresh id. */
function base(serviceUrl: string, from: BenchUser) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'fr-FR',
    from,
    recipient: { id: '00000000-0000-0000-0000-00000000000011', name: 'Qualibot' },
    conversation: { id: `personal-chat-${from.id}`, conversationType: 'personal', tenantId: '00000000-0000-0000-0000-0000000000001' },
    channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000001' } },
  };
}

/** A chat message typed by `from`. */
export function message(serviceUrl: string, text: string, from: BenchUser = alex) {
  return { ...base(serviceUrl, from), type: 'message', text, textFormat: 'plain' };
}

/** A click on an `Action.Execute` button (invoke `adaptiveCard/action`). */
export function cardAction(serviceUrl: string, verb: string, data: Record<string, unknown>, from: BenchUser = alex) {
  return { ...base(serviceUrl, from), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } };
}
