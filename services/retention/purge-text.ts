import { formatDay } from '../training/training-dates';
import type { RetentionRule } from './retention-policy';
import { localDateIn } from './retention-policy';
import type { ExpiredSummary, PurgeReport } from './retention-purge';

const ruleLabels: Record<RetentionRule, string> = {
  'fraud-closed': 'fraude confirmée',
  'fraud-unqualified': 'non confirmé',
  'complaint-closed': 'répondue ou classée',
};

/** "3 lignes" / "1 ligne" / "0 ligne": French plural of a count. */
function count(n: number, singular: string, plural: string): string {
  return `${n} ${n <= 1 ? singular : plural}`;
}

function recordLines(records: readonly ExpiredSummary[]): string[] {
  return records.map((record) => `  ${record.id} (${ruleLabels[record.rule]}, conservation échue le ${formatDay(record.expiresOn, 'fr')})`);
}

/**
 * What `npm run purge` prints, in French: the periods, the records (numbers only, never their content) and the rows
 * that go with them; a dry run says what would be deleted and how to delete it.
 */
export function purgeSummaryLines(report: PurgeReport, timeZone: string): string[] {
  const { counts, periods } = report;
  const day = formatDay(localDateIn(report.at, timeZone), 'fr');
  const fraudTotal = counts.fraudSignals['fraud-closed'] + counts.fraudSignals['fraud-unqualified'];
  const done = (masculine: string) => (report.dryRun ? 'à supprimer' : masculine);
  const lines = [
    report.dryRun ? `Simulation de la purge au ${day} : rien n’est supprimé ni écrit.` : `Purge du ${day}.`,
    `Durées de conservation : fraude confirmée ${periods.fraudClosedMonths} mois après la confirmation ; signalement non confirmé ${periods.fraudUnqualifiedMonths} mois après sa création ; réclamation ${periods.complaintsClosedMonths} mois après la réponse ou le classement.`,
    `Signalements de fraude ${done('supprimés')} : ${fraudTotal} (fraude confirmée : ${counts.fraudSignals['fraud-closed']} ; non confirmés en ${periods.fraudUnqualifiedMonths} mois : ${counts.fraudSignals['fraud-unqualified']})`,
    ...recordLines(report.fraudSignals),
    `Réclamations ${done('supprimées')} : ${counts.complaints}`,
    ...recordLines(report.complaints),
    `Avec eux : ${count(counts.authorIndexRows, 'ligne', 'lignes')} de l’index « mes signalements », ${count(counts.complaintHistoryRows, 'ligne', 'lignes')} d’historique de réclamation, ${count(counts.sharedCardCopies, 'copie', 'copies')} de cartes partagées ; ${count(counts.auditEntriesBlanked, 'entrée', 'entrées')} du journal d’audit ${report.dryRun ? 'à vider' : counts.auditEntriesBlanked <= 1 ? 'vidée' : 'vidées'} de leur contenu (qui, quoi, quand et le numéro restent).`,
    `Identifiants d’activités Teams expirés ${done('supprimés')} : ${counts.processedActivities}.`,
  ];
  if (report.kept.length > 0) lines.push(`Conservés, car modifiés pendant la purge (la prochaine purge les réexaminera) : ${report.kept.join(', ')}.`);
  lines.push(
    report.dryRun
      ? 'Pour supprimer pour de bon : npm run purge (la purge est inscrite au journal d’audit).'
      : `Inscrite au journal d’audit : action retention.purge du ${report.at}.`,
  );
  return lines;
}
