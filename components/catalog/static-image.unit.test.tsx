import Image from 'next/image';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StaticImage } from './static-image';

// StaticImage is next/image's markup without its client runtime (docs/adr/0034): the HTML a shopper gets must be
// the same <img> next/image renders on the server, so the optimiser's srcset, sizes, lazy loading, priority and the
// placeholder behave as before. Only next/image's `data-nimg` marker (read by its own runtime) is left out, and the
// attributes may come in another order.

/** Each tag with its attributes sorted, next/image's marker dropped. */
const tags = (html: string) =>
  [...html.matchAll(/<(\w+)([^>]*?)\/?>/g)].map(([, name, attrs]) => [
    name,
    ...[...attrs!.matchAll(/ ([\w-]+)="([^"]*)"/g)]
      .map(([a]) => a)
      .filter((a) => !a.startsWith(' data-nimg'))
      .sort(),
  ]);

describe('StaticImage', () => {
  it('renders the <img> next/image renders: srcset through the optimiser, sizes, lazy, placeholder background', () => {
    const props = {
      src: '/images/products/backpacks.p-1.teal.1.png',
      alt: 'Rucksack, Teal, image 1 of 3',
      width: 800,
      height: 800,
      sizes: '(min-width: 860px) 600px, 100vw',
      placeholder: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E",
      loading: 'lazy',
    } as const;
    const html = renderToStaticMarkup(<StaticImage {...props} />);
    expect(html).toContain('srcSet="/_next/image?url=%2Fimages%2Fproducts%2Fbackpacks.p-1.teal.1.png&amp;w=');
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('background-image:url(&quot;data:image/svg+xml');
    expect(tags(html)).toEqual(tags(renderToStaticMarkup(<Image {...props} />)));
  });

  it('keeps eager loading with high fetch priority for the first picture, and an unoptimised source as it is', () => {
    const eager = { src: '/images/products/a.png', alt: '', width: 400, height: 400, loading: 'eager', fetchPriority: 'high' } as const;
    const html = renderToStaticMarkup(<StaticImage {...eager} />);
    expect(html).toContain('fetchPriority="high"');
    expect(tags(html)).toEqual(tags(renderToStaticMarkup(<Image {...eager} />)));
    const raw = renderToStaticMarkup(<StaticImage src="/images/products/a.png" alt="A" width={800} height={800} unoptimized />);
    expect(raw).toContain('src="/images/products/a.png"');
    expect(raw).not.toContain('srcSet');
  });
});
