// Whether a request for a catalog page asks for its Markdown rendering (API.md "For agents and feeds"). One plain
// function with no imports and nothing from outside its body: middleware.ts calls it, and sst.config.ts puts its
// source into the CloudFront viewer-request function, which folds the answer into the cache key (x-storefront-format),
// so the CDN keeps the HTML and the Markdown of one URL apart without keying on every browser's Accept string.

/**
 * True when `accept` ranks text/markdown above text/html: a higher q, or the same q and listed first. Browsers
 * never name text/markdown, so they always get HTML; `*` wildcards count for neither side.
 */
export function prefersMarkdown(accept: string | null | undefined): boolean {
  if (!accept) return false;
  let markdown = -1;
  let html = -1;
  let markdownAt = -1;
  let htmlAt = -1;
  const ranges = accept.split(',');
  for (let i = 0; i < ranges.length; i++) {
    const parts = String(ranges[i]).split(';');
    const type = String(parts[0]).trim().toLowerCase();
    let q = 1;
    for (let j = 1; j < parts.length; j++) {
      const param = String(parts[j]).trim().toLowerCase();
      if (param.indexOf('q=') === 0) {
        const value = parseFloat(param.slice(2));
        q = value >= 0 && value <= 1 ? value : 0;
      }
    }
    if (type === 'text/markdown' && q > markdown) {
      markdown = q;
      markdownAt = i;
    } else if (type === 'text/html' && q > html) {
      html = q;
      htmlAt = i;
    }
  }
  if (markdown <= 0) return false;
  return markdown > html || (markdown === html && markdownAt < htmlAt);
}
