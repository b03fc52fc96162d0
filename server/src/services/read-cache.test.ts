import { describe, expect, it } from 'vitest';
import { ChangeFeed } from '../db/change-feed';
import { ReadCache } from './read-cache';

function setup(options: { ttlMs?: number; maxEntries?: number } = {}) {
  const feed = new ChangeFeed();
  let now = 1_000;
  const cache = new ReadCache(feed, {
    ttlMs: options.ttlMs ?? 30_000,
    maxEntries: options.maxEntries ?? 10,
    now: () => now,
  });
  return { feed, cache, advance: (ms: number) => (now += ms) };
}

describe('ReadCache', () => {
  it('serves nothing while the change feed is not live', () => {
    const { cache } = setup();
    cache.set('views', 'a', 1, cache.generation('views'));
    expect(cache.get('views', 'a')).toBeUndefined();
  });

  it('serves a stored value until its topic changes, and only that topic', () => {
    const { feed, cache } = setup();
    feed.markSoleWriter();
    cache.set('views', 'a', { balance: 1 }, cache.generation('views'));
    cache.set('sessions', 's', 'row', cache.generation('sessions'));
    expect(cache.get('views', 'a')).toEqual({ balance: 1 });
    feed.bump(['views']);
    expect(cache.get('views', 'a')).toBeUndefined();
    expect(cache.get('sessions', 's')).toBe('row');
  });

  it('does not store a value read while its topic changed', () => {
    const { feed, cache } = setup();
    feed.markSoleWriter();
    const generation = cache.generation('views');
    feed.noteStatement('insert into "postings" ("entry_id") values ($1)');
    cache.set('views', 'a', 'read before the write landed', generation);
    expect(cache.get('views', 'a')).toBeUndefined();
  });

  it('expires entries after the TTL and keeps at most maxEntries, oldest out first', () => {
    const { feed, cache, advance } = setup({ ttlMs: 1_000, maxEntries: 2 });
    feed.markSoleWriter();
    cache.set('views', 'a', 1, 0);
    advance(999);
    expect(cache.get('views', 'a')).toBe(1);
    advance(1);
    expect(cache.get('views', 'a')).toBeUndefined();
    cache.set('views', 'b', 2, 0);
    cache.set('views', 'c', 3, 0);
    cache.set('views', 'd', 4, 0);
    expect([cache.get('views', 'b'), cache.get('views', 'c'), cache.get('views', 'd')]).toEqual([
      undefined,
      3,
      4,
    ]);
  });

  it('stores nothing with a TTL of zero', () => {
    const { feed, cache } = setup({ ttlMs: 0 });
    feed.markSoleWriter();
    cache.set('views', 'a', 1, 0);
    expect(cache.get('views', 'a')).toBeUndefined();
  });
});
