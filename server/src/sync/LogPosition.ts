/**
 * How far an instance's copy of a doc follows the doc's stored log (several instances).
 *
 * Storage numbers each update appended to a doc's log: 1, 2, 3 … (`StoredDoc.position`,
 * `DocStore.logPositions`). An instance learns positions three ways: a read of the doc
 * from storage holds everything up to the position read with it; its own appends return
 * theirs; other instances publish theirs with each update. `through` is the highest
 * position up to which this copy holds every update; positions heard past a gap wait in
 * `ahead` until the gap is filled. When storage's position is past `through`, this copy
 * lacks a stored update — or one is still on its way over the bus — and the reconciler
 * (`Reconciler.ts`) re-reads the doc if it still lacks it at its next look.
 */
export class LogPosition {
  private held = 0;
  private readonly ahead = new Set<number>();
  /** Storage's position when a look found this copy behind it, else 0. */
  behindAt = 0;

  /** Every update up to here is in this copy. */
  get through(): number {
    return this.held;
  }

  /** The copy was (re)read from storage, whose log had reached `position`. */
  readThrough(position: number | undefined): void {
    if (position === undefined || position <= this.held) return;
    this.held = position;
    for (const heard of this.ahead) if (heard <= position) this.ahead.delete(heard);
    this.advance();
  }

  /** An update at `position` is in this copy (stored here, or applied from another instance). */
  heard(position: number | undefined): void {
    if (position === undefined || position <= this.held) return;
    this.ahead.add(position);
    this.advance();
  }

  private advance(): void {
    while (this.ahead.delete(this.held + 1)) this.held++;
  }
}
