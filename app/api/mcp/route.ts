import { z } from 'zod';
import { handleMcpRequest, resolveAgentCaller } from '@/server/agents';
import { parseJsonBody, route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

/** A JSON-RPC message or batch: tool calls are small; anything bigger is not an agent asking about a shop. */
const MAX_MCP_BODY_BYTES = 64 * 1024;

// POST /api/mcp: the Model Context Protocol server (Streamable HTTP, stateless, JSON answers; docs/agents.md).
// GET (a server-sent stream) and DELETE (ending a session) have nothing to serve in stateless mode: 405.
export const POST = route(async (req) => {
  const { user } = await resolveAgentCaller(req);
  const body = await parseJsonBody(req, z.unknown(), MAX_MCP_BODY_BYTES);
  const res = await handleMcpRequest(req, body, { user });
  // Per caller (the tool list depends on the session): never stored by a shared cache.
  res.headers.set('Cache-Control', 'private, no-store');
  return res;
});
