import { authorizationServerIssuer } from '@/server/identity';
import { route } from '@/server/platform/http/respond';
import { siteUrl } from '@/server/platform/site';

export const dynamic = 'force-dynamic';

// OAuth 2.0 Protected Resource Metadata (RFC 9728), which the MCP authorization spec has remote agents read first:
// the resource is the MCP server, its authorization server the Cognito user pool (authorization code + PKCE on the
// pool's hosted UI; docs/agents.md "Remote agents"). The access token it issues is sent as `Authorization: Bearer`.
export const GET = route(async () => {
  const issuer = authorizationServerIssuer();
  return Response.json(
    {
      resource: siteUrl('/api/mcp'),
      authorization_servers: issuer ? [issuer] : [],
      bearer_methods_supported: ['header'],
      scopes_supported: ['openid', 'email', 'profile'],
      resource_name: 'Trail & Table MCP server',
      resource_documentation: siteUrl('/llms.txt'),
    },
    { headers: { 'Cache-Control': 'public, max-age=300' } },
  );
});
