import 'server-only';

// Public entry of the agents domain: the shop as AI agents reach it. The MCP server (/api/mcp) and the Bedrock
// assistant (server/assistant) offer the same tools (shop-tools.ts), which call the same server/ entries as the
// JSON routes; llms.txt, the Markdown catalog pages and the product feed read the catalog through its own door.

export { resolveAgentCaller } from './agent-session';
export { catalogMarkdown } from './catalog-markdown';
export type { ProductCard, ToolName } from './contract';
export { llmsTxt } from './llms-txt';
export { handleMcpRequest } from './mcp-server';
export { productFeedPage } from './product-feed';
export { availableTools, type OrderView, productCard, runShopTool, type ToolResults } from './shop-tools';
