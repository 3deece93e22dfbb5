'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { AddToCart } from '@/components/cart/add-to-cart';
import { shownValue } from '@/components/forms/shown-value';
import type { ProductVariant } from '@/server/catalog/contract';
import { formatMoney } from '@/server/platform/money';
import { RestockAlert } from './restock-alert';
import { findVariant, initialSelection, optionGroups } from './variant-options';

export function ProductPurchase({ variants, productId, productName }: { variants: ProductVariant[]; productId?: string; productName?: string }) {
  const [selected, setSelected] = useState(() => initialSelection(variants));
  const groups = optionGroups(variants);
  const variant = findVariant(variants, selected);
  const baseId = useId();
  const picker = useRef<HTMLDivElement>(null);
  // An option clicked before hydration is checked on the page while the state still holds the first one: Add to
  // cart would add the variant the shopper did not pick, and the next render would undo the click. Once, after
  // hydration, the state takes what the page shows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, reading the options the shopper may have clicked
  useEffect(() => {
    const shown: Record<string, string> = {};
    for (const [name] of groups) {
      const checked = shownValue(picker.current, `${baseId}-${name}`);
      if (checked !== null && checked !== selected[name]) shown[name] = checked;
    }
    if (Object.keys(shown).length > 0) setSelected((s) => ({ ...s, ...shown }));
  }, []);

  return (
    <div className="variant-picker" ref={picker}>
      <p className="product__price" aria-live="polite">
        {variant ? formatMoney(variant.price) : '—'}
      </p>
      {groups.map(([name, values]) => (
        <fieldset key={name}>
          <legend>{name[0]?.toUpperCase() + name.slice(1)}</legend>
          <div className="options">
            {values.map((value) => {
              const id = `${baseId}-${name}-${value}`;
              return (
                // Colour options are swatches and swap the gallery's pictures by CSS alone, read from the radio's name
                // (…-colour), value and position (app/globals.css "Gallery", "Swatches"): keep them as they are.
                <label key={value} htmlFor={id}>
                  <input
                    id={id}
                    type="radio"
                    name={`${baseId}-${name}`}
                    value={value}
                    checked={selected[name] === value}
                    onChange={() => setSelected((s) => ({ ...s, [name]: value }))}
                  />
                  <span>{value}</span>
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
      <p className={`availability${!variant || variant.available === 0 ? ' availability--out' : ''}`} aria-live="polite">
        {!variant
          ? 'This combination is not available.'
          : variant.available === 0
            ? 'Out of stock'
            : variant.available < 5
              ? `Only ${variant.available} left`
              : 'In stock'}
      </p>
      {productId ? (
        <AddToCart
          productId={productId}
          productName={productName ?? 'the item'}
          variantId={variant?.id ?? null}
          available={variant?.available ?? 0}
          stickyPrice={variant ? formatMoney(variant.price) : undefined}
        />
      ) : null}
      {productId && variant && variant.available === 0 ? (
        // Keyed by variant: switching options starts a fresh form.
        <RestockAlert key={variant.id} productId={productId} variantId={variant.id} productName={productName ?? 'it'} />
      ) : null}
    </div>
  );
}
