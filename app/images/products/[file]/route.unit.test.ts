import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { GET } from './route';

const call = (file: string) => GET(new Request(`http://localhost/images/products/${file}`), { params: Promise.resolve({ file }) });

describe('GET /images/products/[file]', () => {
  it('answers an 800×800 PNG that may be cached forever', async () => {
    const res = await call('coffee.p-f82dde0c625dba94.2.png');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 800, height: 800 });
  });

  it('answers 400 with a JSON error for a name it could not have produced', async () => {
    const res = await call('..%2Fsecrets.png');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'BAD_REQUEST', message: expect.stringContaining('<category>.<productId>.<n>.png') } });
  });
});
