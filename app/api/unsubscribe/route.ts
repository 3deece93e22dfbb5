import { unsubscribe } from '@/server/campaigns';
import { route } from '@/server/http/respond';

// The List-Unsubscribe link of every campaign email (RFC 8058). No session: the signed token in the link is the
// proof. POST is the one-click unsubscribe mail clients send (`List-Unsubscribe=One-Click`); GET, a person
// following the link, does the same (withdrawing consent is safe to repeat) and says so in plain words.

function params(req: Request): { u: string; t: string } {
  const url = new URL(req.url);
  return { u: url.searchParams.get('u') ?? '', t: url.searchParams.get('t') ?? '' };
}

export const POST = route(async (req) => {
  const { u, t } = params(req);
  await unsubscribe(u, t);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const GET = route(async (req) => {
  const { u, t } = params(req);
  await unsubscribe(u, t);
  return new Response(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribed</title></head><body><main><h1>You are unsubscribed</h1><p>You will get no more marketing email from us. Order emails still arrive.</p><p><a href="/">Back to the shop</a></p></main></body></html>',
    { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } },
  );
});
