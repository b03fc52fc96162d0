// In-process caches for the two reads every signed-in page makes: the session behind a token, and a
// member's balance views. An entry is served only while the change feed is live and nothing it was
// read from has been written since (by this process, seen at the driver, or by another, seen through
// PostgreSQL notifications), and for at most `ttlMs`, a bound on how long any missed signal could
// matter. A read that raced a write is not stored. Sizes are bounded; the oldest entry goes first.
// docs/adr/0006-read-caches.md gives the reasoning.
import type { ChangeFeed, ChangeTopic } from '../db/change-feed';

/** Entries per topic: a member's session row and two views are a few kilobytes. */
export const READ_CACHE_MAX_ENTRIES = 50_000;

export interface ReadCacheOptions {
  readonly ttlMs: number;
  readonly maxEntries: number;
  /** Milliseconds for the TTL; the wall clock, not ctx.clock (a test's manual clock stands still). */
  readonly now?: () => number;
}

interface Entry {
  readonly value: unknown;
  readonly storedAt: number;
}

interface Shelf {
  readonly entries: Map<string, Entry>;
  generation: number;
}

export class ReadCache {
  readonly #shelves = new Map<ChangeTopic, Shelf>();
  readonly #now: () => number;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly options: ReadCacheOptions,
  ) {
    this.#now = options.now ?? Date.now;
  }

  /** Read this before loading a value to `set` afterwards. */
  generation(topic: ChangeTopic): number {
    return this.feed.generation(topic);
  }

  /** The shelf of a topic, emptied if the topic changed since it was last looked at. */
  #shelf(topic: ChangeTopic): Shelf {
    const generation = this.feed.generation(topic);
    let shelf = this.#shelves.get(topic);
    if (!shelf) {
      shelf = { entries: new Map(), generation };
      this.#shelves.set(topic, shelf);
    } else if (shelf.generation !== generation) {
      shelf.entries.clear();
      shelf.generation = generation;
    }
    return shelf;
  }

  /**
   * The cached value, or undefined (absent, expired, invalidated, or the feed is not live). Values are
   * shared between callers: they must not be mutated.
   */
  get<T>(topic: ChangeTopic, key: string): T | undefined {
    if (!this.feed.live) return undefined;
    const shelf = this.#shelf(topic);
    const entry = shelf.entries.get(key);
    if (!entry) return undefined;
    if (this.#now() - entry.storedAt >= this.options.ttlMs) {
      shelf.entries.delete(key);
      return undefined;
    }
    return entry.value as T;
  }

  /** Stores a value read when the topic was at `generation`; dropped if it has moved since. */
  set(topic: ChangeTopic, key: string, value: unknown, generation: number): void {
    if (!this.feed.live || this.options.ttlMs <= 0 || this.feed.generation(topic) !== generation) return;
    const { entries } = this.#shelf(topic);
    entries.delete(key);
    entries.set(key, { value, storedAt: this.#now() });
    if (entries.size > this.options.maxEntries) {
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    }
  }

  delete(topic: ChangeTopic, key: string): void {
    this.#shelves.get(topic)?.entries.delete(key);
  }
}
