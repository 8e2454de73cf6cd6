import type { Commitment } from './commitment';

function fold(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Finds a commitment the way people write its number: "E.17", "e17", "E 17", "ES17", "17.1". */
export function findCommitment(commitments: readonly Commitment[], typed: string): Commitment | undefined {
  const wanted = fold(typed);
  if (wanted === '') return undefined;
  // "17.1" and "171" fold alike; prefer the exact text first.
  return commitments.find((c) => c.id.toLowerCase() === typed.trim().toLowerCase()) ?? commitments.find((c) => fold(c.id) === wanted);
}

/** One page of the catalogue, grouped by module in document order. */
export interface CommitmentPage {
  page: number;
  pageCount: number;
  groups: { module: number; commitments: Commitment[] }[];
}

/** Cuts the catalogue into pages of `pageSize` commitments, keeping module groups together on each page. */
export function paginateCommitments(commitments: readonly Commitment[], page: number, pageSize = 25): CommitmentPage {
  const pageCount = Math.max(1, Math.ceil(commitments.length / pageSize));
  const current = Math.min(Math.max(0, page), pageCount - 1);
  const slice = commitments.slice(current * pageSize, (current + 1) * pageSize);
  const groups: CommitmentPage['groups'] = [];
  for (const commitment of slice) {
    const last = groups[groups.length - 1];
    if (last && last.module === commitment.module) last.commitments.push(commitment);
    else groups.push({ module: commitment.module, commitments: [commitment] });
  }
  return { page: current, pageCount, groups };
}
