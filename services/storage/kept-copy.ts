/** How long an instance trusts a kept copy of a small, often read table (writes through its repository clear it). */
export const keptCopyTtlMs = 60_000;

/**
 * A whole table's rows kept in memory for a while, for tables read on many turns and written rarely (the
 * directory, the services). The repository owning the table is its only writer and calls `invalidate` on every
 * write, so an instance never sees its own writes late; another instance's write shows within the time to live.
 */
export class KeptCopy<T> {
  private kept?: { rows: readonly T[]; readAt: number };
  /** Bumped by every invalidation: a read that started before a write must not be kept. */
  private generation = 0;

  constructor(
    private readonly ttlMs = keptCopyTtlMs,
    /** Monotonic milliseconds for the copy's age (not business time). */
    private readonly monotonicNow: () => number = () => performance.now(),
  ) {}

  /** The rows, from memory while the copy is fresh, otherwise read with `load` (and kept). */
  async read(load: () => Promise<T[]>): Promise<readonly T[]> {
    const fresh = this.fresh();
    if (fresh) return fresh;
    const generation = this.generation;
    const readAt = this.monotonicNow();
    const rows = await load();
    if (generation === this.generation) this.kept = { rows, readAt };
    return rows;
  }

  /** The kept rows when the copy is still fresh, without reading storage. */
  fresh(): readonly T[] | undefined {
    const kept = this.kept;
    return kept && this.monotonicNow() - kept.readAt < this.ttlMs ? kept.rows : undefined;
  }

  /** Forgets the copy (after a write, or when someone else changed the table). */
  invalidate(): void {
    this.generation += 1;
    this.kept = undefined;
  }
}
