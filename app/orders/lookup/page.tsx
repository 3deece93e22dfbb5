import type { Metadata } from 'next';
import Link from 'next/link';
import { OrderLookupForm } from '@/components/orders/order-lookup-form';
import { lookUpOrder } from './actions';

export const metadata: Metadata = { title: 'Find your order', robots: { index: false } };

// For guests: the order number from the confirmation email and the email it went to open the order in this browser.
export default function OrderLookupPage() {
  return (
    <section aria-labelledby="lookup-title">
      <h1 id="lookup-title">Find your order</h1>
      <p>Bought without an account? Enter the email address you used and the order number from your confirmation email.</p>
      <OrderLookupForm action={lookUpOrder} />
      <p>
        Have an account? <Link href={`/sign-in?${new URLSearchParams({ next: '/orders' })}`}>Sign in</Link> to see all your orders.
      </p>
    </section>
  );
}
