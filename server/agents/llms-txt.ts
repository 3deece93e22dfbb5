import { listCategories } from '../catalog';
import { siteUrl } from '../platform/site';
import { TOOL_DESCRIPTIONS, type ToolName } from './contract';

// /llms.txt (llmstxt.org): what the shop sells and where an agent finds it, in Markdown. The categories come from
// the catalog (cached, the same read as the home page); the rest names the agent-facing doors of API.md.

export async function llmsTxt(): Promise<string> {
  const categories = await listCategories();
  const total = categories.reduce((n, c) => n + c.productCount, 0);
  const tools = (Object.keys(TOOL_DESCRIPTIONS) as ToolName[]).map((name) => `- \`${name}\`: ${TOOL_DESCRIPTIONS[name]}`);
  return [
    '# Trail & Table',
    '',
    `> An online shop for outdoor gear, books and kitchen goods: ${total} products in ${categories.length} categories, priced in US dollars, shipped from stores across the US.`,
    '',
    'Every catalog page answers Markdown to `Accept: text/markdown` (name, price, options, availability, link) and HTML otherwise.',
    'Prices are quoted as Money: integer minor units plus currency (`{ "amount": 2499, "currency": "USD" }` is $24.99).',
    'Agents may search, read products and fill a signed-in shopper’s cart; only the shopper places an order, at checkout.',
    '',
    '## Catalog',
    '',
    `- [Home](${siteUrl('/')}): featured products and new arrivals`,
    ...categories.map((c) => `- [${c.name}](${siteUrl(`/c/${c.slug}`)}): ${c.productCount} products`),
    '',
    '## For agents',
    '',
    `- [Product feed](${siteUrl('/feeds/products.json')}): every published product as JSON (id, slug, name, description, url, image, price, availability, brand, category), paged by \`cursor\``,
    `- [MCP server](${siteUrl('/api/mcp')}): Model Context Protocol over Streamable HTTP (POST, JSON-RPC 2.0). Sign in with the shop's session cookie or an OAuth 2.1 bearer token (${siteUrl('/.well-known/oauth-protected-resource')})`,
    `- [Search API](${siteUrl('/api/search?q=tent')}): \`GET /api/search?q=…\`, JSON with facets`,
    `- [Product API](${siteUrl('/api/products')}): \`GET /api/products\`, \`GET /api/products/{slug}\``,
    `- [Sitemap](${siteUrl('/sitemap.xml')})`,
    '',
    '## MCP tools',
    '',
    ...tools,
    '',
    '## Policies',
    '',
    '- Shipping, returns and payment: the `get_policies` MCP tool answers them.',
    `- Checkout (the shopper, in a browser): ${siteUrl('/checkout')}`,
    '',
  ].join('\n');
}
