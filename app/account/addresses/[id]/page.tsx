import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AddressForm } from '@/components/account/address-form';
import { getAddress } from '@/server/account';
import { accountPageUser } from '../../account-user';
import { editAddressAction } from '../../actions';
import { addressCountries } from '../address-countries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit address' };

type Props = { params: Promise<{ id: string }> };

export default async function EditAddressPage({ params }: Props) {
  const { id } = await params;
  const user = await accountPageUser(`/account/addresses/${encodeURIComponent(id)}`);
  // Read under the caller's own id: someone else's address is not found.
  const address = await getAddress(user.id, id);
  if (!address) notFound();
  return (
    <section aria-labelledby="edit-address-title">
      <h1 id="edit-address-title">Edit address</h1>
      <AddressForm action={editAddressAction} countries={addressCountries()} address={address} submitLabel="Save changes" />
    </section>
  );
}
