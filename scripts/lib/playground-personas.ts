import { demoPeople } from '../../services/demo/demo-directory';
import { buildPlaygroundConfig, type PlaygroundConfigFile, type PlaygroundUser } from './playground';

/** The demo people the Playground can act as (its config holds the current user plus exactly five others). */
export const personas = ['alex', 'megan', 'adele', 'isaiah', 'patti', 'lynne'] as const;

/** A persona name, as given to `npm start -- --as <name>`. */
export type Persona = (typeof personas)[number];

function playgroundUser(persona: Persona): PlaygroundUser {
  const person = demoPeople.find((p) => p.name.toLowerCase().startsWith(`${persona} `));
  if (!person) throw new Error(`no demo person for persona ${persona}`);
  const [givenName = '', surname = ''] = person.name.split(' ');
  const email = person.email ?? `${persona}@cher.gouv.fr`;
  return { id: `user-${persona}`, name: person.name, userPrincipleName: email, aadObjectId: person.id, givenName, surname, email };
}

/**
 * Playground configuration acting as one demo persona. The personal chat id is fixed per persona, so the
 * conversation references the bot stores stay valid from one `npm start` to the next.
 */
export function personaConfig(persona: Persona): PlaygroundConfigFile {
  const others = personas.filter((p) => p !== persona).map(playgroundUser) as PlaygroundConfigFile['users'];
  return {
    ...buildPlaygroundConfig({ currentUser: playgroundUser(persona), users: others, bot: { id: '28:qualibot-local', name: 'Qualibot' } }),
    personalChat: { id: `personal-chat-${persona}` },
  };
}
