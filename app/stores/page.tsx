import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { isEnabled } from '@/server/flags';

// Placeholder until the store locator lands (its own issue); it exists so the `store-locator` route flag has a page
// to gate. The flag is checked here as well as in middleware: a bypassed middleware must not reopen the page.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Stores', alternates: { canonical: '/stores' } };

export default async function StoresPage() {
  if (!(await isEnabled('store-locator'))) notFound();
  return (
    <section aria-labelledby="stores-title">
      <h1 id="stores-title">Stores</h1>
      <p>The store locator will help you find a Trail &amp; Table store near you, with opening hours and directions. It is on its way.</p>
    </section>
  );
}
