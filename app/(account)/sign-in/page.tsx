import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/account/sign-in-form';
import { getSessionUser, safeNextPath } from '@/server/identity';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  // Only a path on this site: ?next= must not turn the sign-in page into a redirect to someone else's.
  const next = safeNextPath((await searchParams).next);
  if (await getSessionUser()) redirect(next);
  return (
    <section aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <SignInForm next={next} />
      <p>
        Bought without an account? <Link href="/orders/lookup">Find your order</Link>
      </p>
    </section>
  );
}
