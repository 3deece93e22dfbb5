import { productImagePng } from '@/server/catalog';
import { route } from '@/server/platform/http/respond';

// Product artwork, drawn from the file name (see server/catalog/images): only names a product lists (404 otherwise),
// at most a few renders at once (503 with Retry-After beyond), rendered once and kept (serve-product-image.ts).
// Same name, same bytes: cache forever.

// sharp is a native module: Node only.

export const GET = route<{ params: Promise<{ file: string }> }>(async (_req, { params }) => {
  const png = await productImagePng((await params).file);
  // Buffer is not a BodyInit in TypeScript's DOM types; copying ~50 KB into a plain Uint8Array is free next to the render.
  return new Response(new Uint8Array(png), {
    headers: {
      'Content-Type': 'image/png',
      'Content-Length': String(png.length),
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  });
});
