import { isUnsubscribeLink, unsubscribe } from '@/server/campaigns';
import { route } from '@/server/platform/http/respond';

// The List-Unsubscribe link of every campaign email (RFC 8058). No session: the signed token in the link is the
// proof. POST withdraws consent: the one-click unsubscribe mail clients send (`List-Unsubscribe=One-Click`, 204), or
// the button of the page GET shows (200, a page saying so). GET changes nothing (issue 30 L10): mail scanners and
// link previews fetch every link in a message, and must not unsubscribe its reader.

function params(req: Request): { u: string; t: string } {
  const url = new URL(req.url);
  return { u: url.searchParams.get('u') ?? '', t: url.searchParams.get('t') ?? '' };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): Response {
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${title}</title></head><body><main><h1>${title}</h1>${body}<p><a href="/">Back to the shop</a></p></main></body></html>`,
    { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } },
  );
}

export const POST = route(async (req) => {
  const { u, t } = params(req);
  const oneClick = (await req.text()).includes('List-Unsubscribe=One-Click');
  await unsubscribe(u, t);
  if (oneClick) return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  return page('You are unsubscribed', '<p>You will get no more marketing email from us. Order emails still arrive.</p>');
});

export const GET = route(async (req) => {
  const { u, t } = params(req);
  // An invalid link is the JSON 404 every /api answer gives (unsubscribe() throws it).
  if (!isUnsubscribeLink(u, t)) await unsubscribe(u, t);
  const action = `/api/unsubscribe?${new URLSearchParams({ u, t })}`;
  return page(
    'Stop marketing email?',
    `<form method="post" action="${escapeHtml(action)}"><p>You will get no more marketing email from us. Order emails still arrive.</p><button type="submit" name="confirm" value="1">Unsubscribe</button></form>`,
  );
});
