import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type FinishedAnswer, finishCatalogPage, inlineScriptHashes } from './catalog-page-response';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
const ctx = { dev: false, publicHost: false };

const HTML = [
  '<!DOCTYPE html><html><head><script src="/_next/static/chunks/main.js" async=""></script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script></head><body>',
  '<script type="application/ld+json">{"name":"Mug > Cup"}</script>',
  '<SCRIPT data-x="a>b">self.__next_f.push([1,"x"])</SCRIPT >',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script id="e"></script></body></html>',
].join('');

function answer(over: Partial<FinishedAnswer> = {}): FinishedAnswer {
  return {
    method: 'GET',
    pathname: '/p/mug',
    status: 200,
    contentType: 'text/html; charset=utf-8',
    contentEncoding: undefined,
    setsCookie: false,
    body: Buffer.from(HTML),
    ...over,
  };
}

describe('inlineScriptHashes', () => {
  it('hashes the exact text of each distinct inline script and skips script files', () => {
    expect(inlineScriptHashes(HTML)).toEqual([
      sha('(self.__next_f=self.__next_f||[]).push([0])'),
      sha('{"name":"Mug > Cup"}'),
      sha('self.__next_f.push([1,"x"])'),
      sha(''),
    ]);
  });
});

describe('finishCatalogPage', () => {
  it("gives catalog HTML a 'self' + hashes policy with no nonce and no 'unsafe-inline', and the shared-cache header", () => {
    const h = finishCatalogPage(answer(), ctx);
    const csp = h['Content-Security-Policy']!;
    expect(csp).toContain(`script-src 'self' 'sha256-${sha('(self.__next_f=self.__next_f||[]).push([0])')}'`);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toMatch(/nonce-|unsafe-inline'[^;]*;?\s*$|script-src[^;]*unsafe-inline/);
    expect(h['Cache-Control']).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
  });

  it('hashes compressed HTML as the browser will see it', () => {
    const plain = finishCatalogPage(answer(), ctx)['Content-Security-Policy'];
    expect(finishCatalogPage(answer({ contentEncoding: 'gzip', body: gzipSync(HTML) }), ctx)['Content-Security-Policy']).toBe(plain);
  });

  it('never lets a shared cache keep an answer that sets a cookie, or an error', () => {
    expect(finishCatalogPage(answer({ setsCookie: true }), ctx)['Cache-Control']).toBeUndefined();
    const missing = finishCatalogPage(answer({ status: 404 }), ctx);
    expect(missing['Cache-Control']).toBeUndefined();
    expect(missing['Content-Security-Policy']).toContain('sha256-');
  });

  it('marks the Flight payload of a catalog page shareable without a CSP, and leaves other paths alone', () => {
    const rsc = finishCatalogPage(answer({ contentType: 'text/x-component', body: Buffer.from('0:{}') }), ctx);
    expect(rsc['Content-Security-Policy']).toBeUndefined();
    expect(rsc['Cache-Control']).toContain('public');
    expect(finishCatalogPage(answer({ pathname: '/cart' }), ctx)).toEqual({});
    expect(finishCatalogPage(answer({ method: 'POST' }), ctx)).toEqual({});
  });

  it('says Vary: Accept on HTML and Markdown alike, keeping the Vary the answer had', () => {
    expect(finishCatalogPage(answer(), ctx).Vary).toBe('Accept');
    expect(finishCatalogPage(answer({ vary: 'rsc, next-router-state-tree' }), ctx).Vary).toBe('rsc, next-router-state-tree, Accept');
    expect(finishCatalogPage(answer({ vary: 'Accept, rsc' }), ctx).Vary).toBe('Accept, rsc');
    const markdown = finishCatalogPage(answer({ contentType: 'text/markdown; charset=utf-8', body: Buffer.from('# Mug') }), ctx);
    expect(markdown).toMatchObject({ Vary: 'Accept', 'Cache-Control': expect.stringContaining('s-maxage') });
    expect(markdown['Content-Security-Policy']).toBeUndefined();
  });
});
