import { getImageProps, type ImageProps } from 'next/image';

/**
 * next/image's markup (the optimiser's srcset, `sizes`, lazy loading, a placeholder as the background) without its
 * client component. `<Image>` is a 'use client' module: a page that renders one, even from a server component,
 * ships next/image's runtime (~5 kB gzipped) to hydrate an <img> that needs no script (docs/adr/0034). A placeholder
 * stays under the picture once it has loaded; the drawn product pictures are opaque, so it never shows through.
 */
export function StaticImage({ alt, ...rest }: ImageProps) {
  const { props } = getImageProps({ alt, ...rest });
  // biome-ignore lint/performance/noImgElement: this is next/image's own <img> (getImageProps), minus its client runtime
  return <img {...props} alt={alt} />;
}
