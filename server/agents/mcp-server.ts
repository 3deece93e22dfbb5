import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isAppError } from '../platform/errors';
import { logger } from '../platform/observability';
import { TOOL_DESCRIPTIONS, TOOL_INPUTS } from './contract';
import { availableTools, runShopTool, type ToolContext } from './shop-tools';

// The Model Context Protocol server behind POST /api/mcp: Streamable HTTP in stateless mode with JSON answers (no
// SSE, no Mcp-Session-Id). Each request builds a server for its own caller, so the tool list is that caller's (the
// session tools appear only with a verified shopper) and nothing about one caller survives into the next request —
// which is also what a Lambda behind CloudFront needs: any instance may take any request (ADR 0020).

const log = logger.child({ component: 'mcp' });

const MCP_SERVER_INFO = { name: 'trail-and-table', version: '1.0.0' } as const;

function toolError(code: string, message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: JSON.stringify({ error: { code, message } }) }] };
}

function buildServer(ctx: ToolContext): McpServer {
  const server = new McpServer(MCP_SERVER_INFO, {
    instructions:
      'Trail & Table sells outdoor gear and kitchen goods. Prices are Money objects (integer minor units + currency): quote them only from tool results. ' +
      'Sign-in is the shop’s session cookie or a bearer access token; with it, get_cart, add_to_cart and get_order_status appear. Orders are placed by the shopper at checkoutUrl.',
  });
  for (const name of availableTools(ctx)) {
    server.registerTool(name, { description: TOOL_DESCRIPTIONS[name], inputSchema: TOOL_INPUTS[name] }, async (args: unknown): Promise<CallToolResult> => {
      try {
        const data = await runShopTool(name, args, ctx);
        return { content: [{ type: 'text', text: JSON.stringify(data) }], structuredContent: data as Record<string, unknown> };
      } catch (err) {
        // The shop's own refusals (not found, out of stock, signed out) are answers the agent can act on.
        if (isAppError(err)) return toolError(err.code, err.message);
        log.error('mcp tool failed', { tool: name, err: String(err) });
        return toolError('UNAVAILABLE', 'The shop could not answer just now. Please try again shortly.');
      }
    });
  }
  return server;
}

/** Answers one Streamable HTTP request (a JSON-RPC message or batch already read and size-checked by the route). */
export async function handleMcpRequest(req: Request, body: unknown, ctx: ToolContext): Promise<Response> {
  const server = buildServer(ctx);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(req, { parsedBody: body });
  } finally {
    await server.close();
  }
}
