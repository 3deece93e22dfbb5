import type { Metadata } from 'next';
import { ForgotPasswordForm } from '@/components/account/forgot-password-form';

export const metadata: Metadata = { title: 'Reset your password', robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <section aria-labelledby="forgot-title">
      <h1 id="forgot-title">Reset your password</h1>
      <ForgotPasswordForm />
    </section>
  );
}
