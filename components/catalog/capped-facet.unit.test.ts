import { describe, expect, it } from 'vitest';
import { capFacet } from './capped-facet';

const facet = (counts: number[]) => counts.map((count, i) => ({ value: `v${String(i).padStart(2, '0')}`, count }));

describe('capFacet', () => {
  it('shows a list of ten or fewer whole', () => {
    const values = facet([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(capFacet(values, undefined)).toEqual({ shown: values, more: [] });
  });

  it('shows the eight most-counted in the list order, the rest after', () => {
    const values = facet([5, 1, 9, 9, 2, 7, 7, 3, 8, 6, 4, 10]);
    const { shown, more } = capFacet(values, undefined);
    expect(shown.map((f) => f.count)).toEqual([5, 9, 9, 7, 7, 8, 6, 10]);
    expect(more.map((f) => f.count)).toEqual([1, 2, 3, 4]);
  });

  it('keeps a ticked value in view however few it counts', () => {
    const values = facet([5, 1, 9, 9, 2, 7, 7, 3, 8, 6, 4, 10]);
    const { shown, more } = capFacet(values, ['v01']);
    expect(shown.map((f) => f.value)).toContain('v01');
    expect(more.map((f) => f.value)).not.toContain('v01');
    expect(shown.length + more.length).toBe(values.length);
  });
});
