import { randomUUID } from 'node:crypto';

/** The Playground's default user (Alex Wilber), quality officer and admin in the demo data. */
export const alex = { id: 'user-id-0', aadObjectId: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber' };
/** Adele Vance, an agent of BMI in the demo data. */
export const adele = { id: 'user-id-2', aadObjectId: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance' };

/** Megan Bowen, manager of BMI in the demo data: approves BMI's closures. */
export const megan = { id: 'user-id-1', aadObjectId: '00000000-0000-0000-0000-0000000000021', name: 'Megan Bowen' };
/** Lynne Robbins, manager of CERT in the demo data: a manager of another service. */
export const lynne = { id: 'user-id-5', aadObjectId: '00000000-0000-0000-0000-0000000000025', name: 'Lynne Robbins' };
/** Isaiah Langer, fraud referent (service SG) in the demo data: qualifies fraud signals. */
export const isaiah = { id: 'user-id-3', aadObjectId: '00000000-0000-0000-0000-0000000000023', name: 'Isaiah Langer' };

type Account = { id: string; aadObjectId?: string; name?: string };

/** Fields every activity from Teams carries (shape of the Playground's payloads in test/fixtures/). */
function base(serviceUrl: string, from: Account, overrides: Record<string, unknown>) {
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
    ...overrides,
  };
}

/** A chat message typed by `from`. */
export function messageActivity(serviceUrl: string, text: string, from: Account = alex, overrides: Record<string, unknown> = {}) {
  return base(serviceUrl, from, { type: 'message', text, textFormat: 'plain', ...overrides });
}

/** The bot being installed in a personal chat. */
export function installActivity(serviceUrl: string, from: Account = alex) {
  return base(serviceUrl, from, {
    type: 'conversationUpdate',
    membersAdded: [{ id: '00000000-0000-0000-0000-00000000000011' }],
  });
}

/** A click on an `Action.Execute` button. */
export function cardActionActivity(serviceUrl: string, verb: string, data: Record<string, unknown>, from: Account = alex) {
  return base(serviceUrl, from, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
}
