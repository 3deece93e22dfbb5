import { useId } from 'react';
import { StaticImage } from '@/components/catalog/static-image';
import { imagePlaceholder } from '@/server/catalog';
import type { GalleryPlan } from './gallery-sets';

/**
 * The hover magnifier's cells (app/globals.css "Hover magnifier"): 25 empty spans over the picture, shown only on a
 * wide screen with a mouse, where hovering one enlarges the picture about it. CSS only: no script, and no handler.
 */
const LENS = (
  <span className="gallery__lens" aria-hidden="true">
    {Array.from({ length: 25 }, (_, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: fixed cells, never reordered
      <span key={i} />
    ))}
  </span>
);

/**
 * The product's pictures with no JavaScript at all (issue 27): every colourway's set is in the page, and CSS
 * (app/globals.css "Gallery") shows the set whose swatch is checked in the variant picker and, inside it, the view
 * whose thumbnail radio is checked. So choosing a colour or a view works before hydration, and the island budget of
 * the product page pays nothing for it, nor for next/image's runtime (StaticImage, ADR 0034). Hidden sets' images
 * are lazy, so they load only when their colour is chosen.
 * Each view opens enlarged in a popover (the browser's own: Escape and a click outside close it, focus comes back);
 * from 1024px with a mouse, hovering the picture magnifies the part under the pointer (CSS, LENS above).
 */
export function Gallery({ plan, name }: { plan: GalleryPlan; name: string }) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  return (
    <div className="gallery">
      {plan.sets.map((set, s) => {
        const about = set.colour ? `${name}, ${set.colour}` : name;
        const count = set.images.length;
        return (
          <div key={set.colour ?? 'all'} className="gallery__set" {...(plan.swaps ? { 'data-colour-set': s } : {})}>
            <div className="gallery__stage">
              {set.images.map((src, v) => {
                const opening = s === plan.initial && v === 0;
                const placeholder = imagePlaceholder(src);
                return (
                  <div key={src} className="gallery__view" data-view={v}>
                    <StaticImage
                      src={src}
                      alt={`${about}, image ${v + 1} of ${count}`}
                      width={800}
                      height={800}
                      sizes="(min-width: 860px) 600px, 100vw"
                      {...(placeholder ? { placeholder } : {})}
                      {...(opening ? { loading: 'eager', fetchPriority: 'high' } : { loading: 'lazy' })}
                    />
                    <button type="button" className="gallery__zoom" popoverTarget={`${id}-zoom-${s}-${v}`}>
                      {LENS}
                      <span className="visually-hidden">
                        Enlarge image {v + 1} of {count}
                        {set.colour ? ` (${set.colour})` : ''}
                      </span>
                      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
                        <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
                        <path d="M15.5 15.5L21 21M10.5 7.5v6M7.5 10.5h6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                      </svg>
                    </button>
                    <div
                      id={`${id}-zoom-${s}-${v}`}
                      popover="auto"
                      className="gallery__zoomed"
                      role="dialog"
                      aria-label={`${about}, image ${v + 1} of ${count}, enlarged`}
                    >
                      {/* The source itself at its full 800 px: the enlarged view is where its detail is wanted, and one
                          URL instead of a srcset keeps the page light (every view of every colour has one). */}
                      <StaticImage src={src} alt={`${about}, image ${v + 1} of ${count}`} width={800} height={800} loading="lazy" unoptimized />
                      <button type="button" className="button gallery__close" popoverTarget={`${id}-zoom-${s}-${v}`} popoverTargetAction="hide">
                        Close
                      </button>
                    </div>
                  </div>
                );
              })}
            </div>
            {count > 1 ? (
              <fieldset className="gallery__thumbs">
                <legend className="visually-hidden">{set.colour ? `Images of ${set.colour}` : 'Product images'}</legend>
                {set.images.map((src, v) => (
                  <span key={src} className="gallery__thumb">
                    <input type="radio" className="gallery__pick" name={`${id}-view-${s}`} id={`${id}-view-${s}-${v}`} data-view={v} defaultChecked={v === 0} />
                    <label htmlFor={`${id}-view-${s}-${v}`} className="gallery__thumb-label">
                      <StaticImage src={src} alt={`Image ${v + 1} of ${count}`} width={72} height={72} sizes="72px" loading="lazy" />
                    </label>
                  </span>
                ))}
              </fieldset>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
