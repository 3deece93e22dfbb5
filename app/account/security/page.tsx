import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { accountPageUser } from '../account-user';
import { changePasswordAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Security' };

export default async function SecurityPage() {
  await accountPageUser('/account/security');
  return (
    <section aria-labelledby="security-title">
      <h1 id="security-title">Change your password</h1>
      <ChangePasswordForm action={changePasswordAction} />
    </section>
  );
}
