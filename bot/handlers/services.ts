import { noticeCard } from '../../cards/notice';
import { fill } from '../../cards/render';
import { serviceSchema } from '../../services/directory/person';
import type { CommandContext } from '../turn-context';

const texts = {
  fr: {
    none: 'Aucun service n’est encore défini. Un administrateur les crée avec « service CODE Nom complet ».',
    list: 'Services de la préfecture :',
    usage: 'Écrivez « service CODE Nom complet », par exemple « service BMI Bureau des migrations et de l’intégration » ; « service BMI Bureau … parent DC » pour le rattacher à une direction.',
    created: 'Service {code} créé : {name}.',
    renamed: 'Service {code} mis à jour : {name}.',
    refusedTitle: 'Service non enregistré',
  },
  en: {
    none: 'No service is defined yet. An administrator creates them with “service CODE Full name”.',
    list: 'Services of the prefecture:',
    usage: 'Type “service CODE Full name”, e.g. “service BMI Bureau des migrations et de l’intégration”; add “parent DC” to attach it to a direction.',
    created: 'Service {code} created: {name}.',
    renamed: 'Service {code} updated: {name}.',
    refusedTitle: 'Service not saved',
  },
};

/** "services": the list of services, code and name. */
export async function listServices(context: CommandContext): Promise<void> {
  const { app, locale } = context;
  const services = await app.services.list();
  if (services.length === 0) return context.reply(texts[locale].none);
  const lines = services.map((s) => `- **${s.code}** — ${s.name}${s.parent ? ` (${s.parent})` : ''}`);
  await context.reply([texts[locale].list, ...lines].join('\n'));
}

/** "service BMI Bureau des migrations… [parent DC]": creates or renames a service (admins). */
export async function saveService(context: CommandContext): Promise<void> {
  const { app, actor, locale, argument } = context;
  const t = texts[locale];
  const match = /^(\S+)\s+(.+?)(?:\s+parent\s+(\S+))?$/i.exec(argument.trim());
  const parsed = match ? serviceSchema.safeParse({ code: match[1]?.toUpperCase(), name: match[2], parent: match[3]?.toUpperCase() }) : undefined;
  if (!parsed?.success) return context.reply(t.usage);
  const outcome = await app.directory.saveService(actor, parsed.data);
  if (outcome.kind === 'refused') {
    return context.reply(noticeCard({ style: 'warning', title: t.refusedTitle, text: outcome.reason, reference: '' }, locale));
  }
  await context.reply(fill(outcome.created ? t.created : t.renamed, parsed.data));
}
