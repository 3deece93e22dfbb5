import { handleStripeWebhook } from '@/server/payments';
import { route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

// Stripe calls this from its servers: no session, no Origin; the signature over the raw body is the authentication
// (server/payments/stripe/stripe-webhook.ts), so the body is read as text, never parsed before it is verified.
export const POST = route(async (req) => {
  const result = await handleStripeWebhook(await req.text(), req.headers.get('stripe-signature'));
  return Response.json({ received: true, ...result }, { headers: { 'Cache-Control': 'no-store' } });
});
