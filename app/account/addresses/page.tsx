import type { Metadata } from 'next';
import { AddressForm } from '@/components/account/address-form';
import { AddressList } from '@/components/account/address-list';
import { listAddresses } from '@/server/account';
import { accountPageUser } from '../account-user';
import { addAddressAction, deleteAddressAction, makeDefaultAddressAction } from '../actions';
import { addressCountries } from './address-countries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Addresses' };

type Props = { searchParams: Promise<{ saved?: string; deleted?: string }> };

export default async function AddressesPage({ searchParams }: Props) {
  const user = await accountPageUser('/account/addresses');
  const [addresses, params] = await Promise.all([listAddresses(user.id), searchParams]);
  return (
    <>
      <section aria-labelledby="addresses-title">
        <h1 id="addresses-title">Your addresses</h1>
        <p role="status">{params.saved ? 'Address saved.' : params.deleted ? 'Address deleted.' : ''}</p>
        <AddressList addresses={addresses} makeDefault={makeDefaultAddressAction} remove={deleteAddressAction} />
      </section>
      <section aria-labelledby="add-address-title">
        <h2 id="add-address-title">Add an address</h2>
        <AddressForm action={addAddressAction} countries={addressCountries()} submitLabel="Save address" />
      </section>
    </>
  );
}
