import type { ProductVariant } from '@/server/catalog/contract';

/** Option names in first-seen order with their values, e.g. [['size', ['S','M']], ['colour', ['Red']]]. */
export function optionGroups(variants: ProductVariant[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const v of variants) {
    for (const [name, value] of Object.entries(v.options)) {
      const values = groups.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      groups.set(name, values);
    }
  }
  return [...groups.entries()];
}

export function findVariant(variants: ProductVariant[], selected: Record<string, string>): ProductVariant | undefined {
  return variants.find((v) => Object.entries(v.options).every(([k, val]) => selected[k] === val));
}

/** Starts on the first variant that can be bought, so the page opens on something purchasable. */
export function initialSelection(variants: ProductVariant[]): Record<string, string> {
  const first = variants.find((v) => v.available > 0) ?? variants[0];
  return first ? { ...first.options } : {};
}
