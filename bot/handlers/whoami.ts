import { whoamiCard } from '../../cards/whoami';
import type { CommandContext } from '../turn-context';
import { describeRoles } from './help';

/** "qui suis-je": the actor's name, service and roles as the directory knows them. */
export async function showWhoami(context: CommandContext): Promise<void> {
  const { actor, locale, app } = context;
  const service = actor.service ? await app.services.get(actor.service) : undefined;
  const notAssigned = locale === 'fr' ? 'Non affecté' : 'Not assigned';
  await context.reply(
    whoamiCard(
      {
        name: actor.name,
        serviceText: service ? `${service.name} (${service.code})` : (actor.service ?? notAssigned),
        rolesText: describeRoles(actor.roles, locale),
        emailText: actor.email ?? '—',
        toAssign: actor.toAssign,
      },
      locale,
    ),
  );
}
