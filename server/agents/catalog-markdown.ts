import {
  type Category,
  categorySlugSchema,
  getCategory,
  getProductBySlug,
  listCategories,
  listProducts,
  type Product,
  type ProductSummary,
  productSlugSchema,
} from '../catalog';
import { isAppError } from '../platform/errors';
import { formatMoney } from '../platform/money';
import { siteUrl } from '../platform/site';

// The catalog pages as Markdown, for agents that send `Accept: text/markdown` (middleware rewrites them to
// app/md). Each reads exactly what its HTML page reads (the same cached catalog calls, the same page sizes), so
// a price in the Markdown is the price on the page. Shopper-specific parts (cart, recommendations, recently viewed)
// are islands on the HTML page and absent here too.

/** Markdown text with its characters that would start markup escaped (names come from the catalog, not us). */
function md(text: string): string {
  return text
    .replace(/([\\`*_[\]<>#|])/g, '\\$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function productLine(p: ProductSummary): string {
  return `- [${md(p.name)}](${siteUrl(`/p/${p.slug}`)}) — ${formatMoney(p.price)}, rated ${p.rating}/5`;
}

export async function homeMarkdown(): Promise<string> {
  // The home page's own three reads (app/page.tsx).
  const [categories, featured, newest] = await Promise.all([
    listCategories(),
    listProducts({ sort: 'featured', limit: 12 }),
    listProducts({ sort: 'newest', limit: 6 }),
  ]);
  return [
    '# Trail & Table',
    '',
    `Outdoor gear, books and kitchen goods: ${categories.reduce((n, c) => n + c.productCount, 0)} products. Prices in US dollars. Page: ${siteUrl('/')}`,
    '',
    '## Categories',
    '',
    ...categories.map((c) => `- [${md(c.name)}](${siteUrl(`/c/${c.slug}`)}) — ${c.productCount} products`),
    '',
    '## Featured',
    '',
    ...featured.items.map(productLine),
    '',
    '## New arrivals',
    '',
    ...newest.items.map(productLine),
    '',
    `More for agents: ${siteUrl('/llms.txt')}`,
    '',
  ].join('\n');
}

/** null when there is no such category (the HTML page answers 404 too). */
export async function categoryMarkdown(slug: string, cursor: string | undefined): Promise<string | null> {
  const parsed = categorySlugSchema.safeParse(slug);
  if (!parsed.success) return null;
  const category: Category | null = await getCategory(parsed.data);
  if (!category) return null;
  let page: Awaited<ReturnType<typeof listProducts>>;
  try {
    // The category page's read (app/c/[category]/page.tsx): 24 a page, featured first.
    page = await listProducts({ category: category.slug, sort: 'featured', limit: 24, cursor });
  } catch (err) {
    if (!(isAppError(err) && err.code === 'INVALID_CURSOR')) throw err;
    page = await listProducts({ category: category.slug, sort: 'featured', limit: 24 });
  }
  const lines = [
    `# ${md(category.name)}`,
    '',
    category.description ? `${md(category.description)}\n` : '',
    `${category.productCount} products. Page: ${siteUrl(`/c/${category.slug}`)}`,
    '',
    ...page.items.map(productLine),
    '',
  ];
  if (page.nextCursor) lines.push(`Next page: ${siteUrl(`/c/${category.slug}?cursor=${encodeURIComponent(page.nextCursor)}`)}`, '');
  return lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n');
}

function optionsText(options: Record<string, string>): string {
  const entries = Object.entries(options);
  return entries.length ? entries.map(([k, v]) => `${md(k)}: ${md(v)}`).join(', ') : 'one option';
}

function productBody(p: Product): string {
  const inStock = p.variants.some((v) => v.available > 0);
  return [
    `# ${md(p.name)}`,
    '',
    `- Price: ${formatMoney(p.price)}${p.variants.length > 1 ? ' (lowest option)' : ''}`,
    `- Availability: ${inStock ? 'in stock' : 'out of stock'}`,
    `- Brand: ${md(p.brand)}`,
    `- Category: [${md(p.category)}](${siteUrl(`/c/${p.category}`)})`,
    `- Rating: ${p.rating}/5 from ${p.reviewCount} reviews`,
    `- Link: ${siteUrl(`/p/${p.slug}`)}`,
    `- Product id: \`${p.id}\``,
    '',
    md(p.description),
    '',
    '## Options',
    '',
    '| option | price | available now | variant id |',
    '| --- | --- | --- | --- |',
    ...p.variants.map(
      (v) => `| ${optionsText(v.options)} | ${formatMoney(v.price)} | ${v.available > 0 ? `${v.available} in stock` : 'out of stock'} | \`${v.id}\` |`,
    ),
    '',
    'To buy: add a variant to the cart on the page above (or with the add_to_cart tool at /api/mcp); checkout is done by the shopper.',
    '',
  ].join('\n');
}

/** null when there is no such published product. */
export async function productMarkdown(slug: string): Promise<string | null> {
  const parsed = productSlugSchema.safeParse(slug);
  if (!parsed.success) return null;
  const product = await getProductBySlug(parsed.data);
  return product ? productBody(product) : null;
}

/** The Markdown of the catalog page at `/${path.join('/')}`, or null when there is none (a 404). */
export async function catalogMarkdown(path: string[], cursor: string | undefined): Promise<string | null> {
  if (path.length === 0) return homeMarkdown();
  const [kind, slug, ...rest] = path;
  if (rest.length > 0 || !slug) return null;
  if (kind === 'p') return productMarkdown(slug);
  if (kind === 'c') return categoryMarkdown(slug, cursor);
  return null;
}
