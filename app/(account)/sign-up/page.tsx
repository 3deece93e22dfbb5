import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/account/sign-up-form';
import { getSessionUser, safeNextPath } from '@/server/identity';

export const metadata: Metadata = { title: 'Create an account', robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  if (await getSessionUser()) redirect(next);
  return (
    <section aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">Create an account</h1>
      <SignUpForm next={next} />
    </section>
  );
}
