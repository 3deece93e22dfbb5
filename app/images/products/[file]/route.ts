import { parseProductImageFileName, renderProductImagePng } from '@/server/catalog/images';
import { AppError } from '@/server/errors';
import { route } from '@/server/http/respond';

// Product artwork, drawn from the file name alone (see server/catalog/images). Same name, same bytes: cache forever.

// sharp is a native module: Node only.

export const GET = route<{ params: Promise<{ file: string }> }>(async (_req, { params }) => {
  const spec = parseProductImageFileName((await params).file);
  if (!spec) {
    throw new AppError('BAD_REQUEST', 'Product image names look like <category>.<productId>.<n>.png, for example running-shoes.p-1a2b3c4d5e6f7a8b.1.png.');
  }
  const png = await renderProductImagePng(spec);
  // Buffer is not a BodyInit in TypeScript's DOM types; copying ~50 KB into a plain Uint8Array is free next to the render.
  return new Response(new Uint8Array(png), {
    headers: {
      'Content-Type': 'image/png',
      'Content-Length': String(png.length),
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  });
});
