import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NAMED_COLOURS, swatchHex } from './colours';

// The product page's swatches are painted by CSS (app/globals.css "Swatches"), so the variant picker's island ships
// no colour table; the artwork paints from NAMED_COLOURS. The two must agree, or a "Teal" dot would sit beside a
// picture of another teal.

describe('swatch colours', () => {
  const css = readFileSync(new URL('../../../app/globals.css', import.meta.url), 'utf8');
  const painted = new Map([...css.matchAll(/\.options input\[value="([^"]+)" i\] \+ span \{\s*--swatch: (#[0-9a-f]{6});/g)].map((m) => [m[1], m[2]]));

  it('are the same in the stylesheet as in the table the artwork paints from', () => {
    expect(Object.fromEntries(painted)).toEqual(NAMED_COLOURS);
  });

  it('cover every colour the demo catalogue offers', async () => {
    const { demoCategories } = await import('../../../local/catalog/demo-categories');
    for (const name of new Set(demoCategories.flatMap((c) => c.palette))) expect(swatchHex(name), name).not.toBeNull();
  });
});
