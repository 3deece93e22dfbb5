import { describe, expect, it } from 'vitest';
import type { ProductVariant } from '@/server/catalog/contract';
import { galleryPlan } from './gallery-sets';

const money = { amount: 1000, currency: 'USD' as const };
const variant = (id: string, options: Record<string, string>, available = 3): ProductVariant => ({ id, options, price: money, available });

describe('the gallery plan', () => {
  const variants = [variant('a', { size: 'M', colour: 'Red' }, 0), variant('b', { size: 'M', colour: 'Teal' }), variant('c', { size: 'L', colour: 'Navy' })];
  const imagesByColour = { Red: ['/r1', '/r2'], Teal: ['/t1'], Navy: ['/n1'] };

  it("has one set per colour in the picker's order and opens on the colour of the first variant in stock", () => {
    const plan = galleryPlan({ images: ['/r1', '/r2'], imagesByColour, variants });
    expect(plan.sets).toEqual([
      { colour: 'Red', images: ['/r1', '/r2'] },
      { colour: 'Teal', images: ['/t1'] },
      { colour: 'Navy', images: ['/n1'] },
    ]);
    expect(plan).toMatchObject({ colourOption: 'colour', initial: 1, swaps: true });
  });

  it("shows the product's own images for the first colour, so a marketer's edit of them shows", () => {
    expect(galleryPlan({ images: ['/upload'], imagesByColour, variants }).sets[0]).toEqual({ colour: 'Red', images: ['/upload'] });
  });

  it('is one set, swapping nothing, without colour pictures or with one colour', () => {
    expect(galleryPlan({ images: ['/x'], variants })).toMatchObject({ sets: [{ images: ['/x'] }], swaps: false });
    expect(galleryPlan({ images: ['/x'], imagesByColour: { Red: ['/r'] }, variants: [variant('a', { colour: 'Red' })] })).toMatchObject({ swaps: false });
    expect(galleryPlan({ images: ['/b'], variants: [variant('a', { format: 'Paperback' })] })).toMatchObject({ colourOption: undefined, swaps: false });
  });
});
