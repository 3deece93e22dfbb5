import { describe, expect, it } from 'vitest';
import { money } from '@/server/platform/money';
import { findVariant, initialSelection, optionGroups } from './variant-options';

const variants = [
  { id: 'v1', options: { size: 'S', colour: 'Red' }, price: money(1000), available: 0 },
  { id: 'v2', options: { size: 'M', colour: 'Red' }, price: money(1100), available: 3 },
  { id: 'v3', options: { size: 'M', colour: 'Blue' }, price: money(1200), available: 9 },
];

describe('variant options', () => {
  it('groups option values in first-seen order', () => {
    expect(optionGroups(variants)).toEqual([
      ['size', ['S', 'M']],
      ['colour', ['Red', 'Blue']],
    ]);
  });

  it('opens on the first purchasable variant', () => {
    expect(initialSelection(variants)).toEqual({ size: 'M', colour: 'Red' });
  });

  it('finds the variant for a full selection and nothing for a missing combination', () => {
    expect(findVariant(variants, { size: 'M', colour: 'Blue' })?.id).toBe('v3');
    expect(findVariant(variants, { size: 'S', colour: 'Blue' })).toBeUndefined();
  });
});
