import { helpCard } from '../../cards/help';
import type { Locale } from '../../cards/locale';
import { isInAudience, roleLabels, type Audience, type Role } from '../../services/directory/roles';
import type { CommandDefinition } from '../command-definition';
import type { CommandContext } from '../turn-context';

/** Role labels joined for reading: "Agent, Administrateur". */
export function describeRoles(roles: readonly Role[], locale: Locale): string {
  return roles.map((role) => roleLabels[role][locale]).join(', ');
}

function describeAudience(audience: Audience, locale: Locale): string {
  return audience === 'everyone' ? (locale === 'fr' ? 'Tout le monde' : 'Everyone') : describeRoles(audience, locale);
}

/** Sends the help card built from the command table: what the viewer may do first, then the rest. */
export async function showHelp(context: CommandContext, commands: readonly CommandDefinition[]): Promise<void> {
  const { actor, locale } = context;
  const lines = commands.map((command) => ({
    example: command.example[locale],
    description: command.description[locale],
    audience: describeAudience(command.audience, locale),
    allowed: isInAudience(actor.roles, command.audience),
  }));
  lines.sort((a, b) => Number(b.allowed) - Number(a.allowed));
  await context.reply(helpCard({ rolesText: describeRoles(actor.roles, locale), commands: lines }, locale));
}
