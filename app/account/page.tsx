import type { Metadata } from 'next';
import { ProfileForm } from '@/components/account/profile-form';
import { accountPageUser } from './account-user';
import { saveProfile } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Profile' };

export default async function ProfilePage() {
  const user = await accountPageUser('/account');
  return (
    <section aria-labelledby="profile-title">
      <h1 id="profile-title">Your profile</h1>
      <ProfileForm action={saveProfile} name={user.name} email={user.email} />
    </section>
  );
}
