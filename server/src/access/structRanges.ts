/**
 * The struct index's storage (structIndex.ts): typed columns that grow, a client's structs as
 * ranges of clocks, and a delete set as merged ranges. Numbers only, so a board's structure costs
 * a few dozen bytes per struct instead of a Yjs Item's ~450.
 */

export const NONE = -1;
/** A struct that landed nowhere (garbage): its parent is unknown, and items next to it land nowhere. */
export const DEAD = -2;

/** A growable column of numbers backed by a typed array. */
export class Column<A extends Float64Array | Int32Array> {
  constructor(
    private array: A,
    private readonly make: (size: number) => A,
  ) {}
  get(index: number): number {
    return this.array[index] as number;
  }
  set(index: number, value: number): void {
    if (index >= this.array.length) {
      const bigger = this.make(Math.max(16, this.array.length * 2, index + 1));
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[index] = value;
  }
  /** Drops spare capacity (after a document is read in whole). */
  trim(size: number): void {
    if (size >= this.array.length) return;
    const exact = this.make(size);
    exact.set(this.array.subarray(0, size));
    this.array = exact;
  }
  get bytes(): number {
    return this.array.byteLength;
  }
}

export const floats = () => new Column(new Float64Array(0), (n) => new Float64Array(n));
export const ints = () => new Column(new Int32Array(0), (n) => new Int32Array(n));

/**
 * One client's structs as ranges of clocks, in clock order. A client's structs are contiguous from
 * clock 0 (the index takes a struct only where the client's known clocks end), so a range's length
 * is where the next one starts.
 */
export class ClientRanges {
  count = 0;
  end = 0;
  readonly start = floats();
  /** The type the range sits in (a type ref), or DEAD. */
  readonly parent = ints();
  /** The key it sits under (a key ref), or NONE inside sequences. */
  readonly key = ints();
  /** The type this struct holds (a type ref), or NONE. */
  readonly holds = ints();

  /** Where range `at` ends. */
  endOf(at: number): number {
    return at + 1 < this.count ? this.start.get(at + 1) : this.end;
  }

  /** Index of the range holding `clock`, or NONE. */
  find(clock: number): number {
    if (clock >= this.end || clock < 0) return NONE;
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.start.get(mid) <= clock) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  push(start: number, length: number, parent: number, key: number, holds: number): void {
    const last = this.count - 1;
    this.end = start + length;
    // Neighbouring runs in one sequence (typed text) share one range.
    if (
      last >= 0 &&
      holds === NONE &&
      this.holds.get(last) === NONE &&
      key === NONE &&
      this.key.get(last) === NONE &&
      this.parent.get(last) === parent
    ) {
      return;
    }
    const at = this.count++;
    this.start.set(at, start);
    this.parent.set(at, parent);
    this.key.set(at, key);
    this.holds.set(at, holds);
  }

  trim(): void {
    for (const column of [this.start, this.parent, this.key, this.holds]) column.trim(this.count);
  }

  get bytes(): number {
    return this.start.bytes + this.parent.bytes + this.key.bytes + this.holds.bytes;
  }
}

/** Sorted, merged clock ranges per client (a delete set). */
export class Ranges {
  readonly byClient = new Map<number, number[]>();

  has(client: number, clock: number): boolean {
    return this.covers(client, clock, clock + 1);
  }

  /** Whether every clock in [from, to) is in the set (the ranges are merged, so one range must hold them all). */
  covers(client: number, from: number, to: number): boolean {
    const list = this.byClient.get(client);
    if (!list) return false;
    let low = 0;
    let high = list.length / 2 - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const start = list[mid * 2] as number;
      const end = start + (list[mid * 2 + 1] as number);
      if (from < start) high = mid - 1;
      else if (from >= end) low = mid + 1;
      else return to <= end;
    }
    return false;
  }

  add(client: number, clock: number, length: number): void {
    const list = this.byClient.get(client) ?? [];
    this.byClient.set(client, list);
    const n = list.length;
    if (n > 0 && (list[n - 2] as number) + (list[n - 1] as number) === clock) {
      list[n - 1] = (list[n - 1] as number) + length;
      return;
    }
    list.push(clock, length);
    if (n > 0 && (list[n - 2] as number) > clock) this.normalise(list);
  }

  private normalise(list: number[]): void {
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i] as number, list[i + 1] as number]);
    pairs.sort((a, b) => a[0] - b[0]);
    list.length = 0;
    for (const [start, length] of pairs) {
      const n = list.length;
      if (n > 0 && (list[n - 2] as number) + (list[n - 1] as number) >= start) {
        list[n - 1] = Math.max(list[n - 1] as number, start + length - (list[n - 2] as number));
      } else list.push(start, length);
    }
  }

  get bytes(): number {
    let bytes = 0;
    for (const list of this.byClient.values()) bytes += 16 + list.length * 8;
    return bytes;
  }
}
