import { describe, expect, it } from 'vitest';
import en from './en.json';
import id from './id.json';

function keysOf(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [`${prefix}[${value.length}]`];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

function valuesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(valuesOf);
  return [];
}

describe('translations', () => {
  it('Indonesian and English have exactly the same keys', () => {
    const idKeys = keysOf(id).sort();
    const enKeys = keysOf(en).sort();
    expect(idKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
    expect(enKeys.filter((key) => !idKeys.includes(key))).toEqual([]);
    expect(idKeys.length).toBeGreaterThan(100);
  });

  it('has no empty strings', () => {
    expect(valuesOf(id).filter((text) => text.trim() === '')).toEqual([]);
    expect(valuesOf(en).filter((text) => text.trim() === '')).toEqual([]);
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    const walk = (a: unknown, b: unknown, path: string): string[] => {
      if (typeof a === 'string' && typeof b === 'string') {
        return JSON.stringify(vars(a)) === JSON.stringify(vars(b)) ? [] : [path];
      }
      if (a && b && typeof a === 'object' && typeof b === 'object') {
        return Object.keys(a).flatMap((key) =>
          walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`),
        );
      }
      return [];
    };
    expect(walk(id, en, '')).toEqual([]);
  });
});
