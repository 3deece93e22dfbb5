'use client';

import { apiRequest } from '@/components/api/api-request';
import type { SavedAddress } from '@/server/account';

// Saved addresses at checkout, kept out of checkout-form.tsx: a picker that fills the address fields (the default
// is filled in from the start), and a "save this address" box whose address is stored after the order is placed.
// Saving is a convenience: a failure never stands between the shopper and their order confirmation.

export type { SavedAddress };

export function defaultSavedAddress(addresses: SavedAddress[]): SavedAddress | undefined {
  return addresses.find((a) => a.isDefault) ?? addresses[0];
}

function label(a: SavedAddress): string {
  return [a.name, a.line1, a.city, a.postalCode].filter(Boolean).join(', ');
}

export function SavedAddressPicker({
  id,
  addresses,
  selected,
  onSelect,
}: {
  id: string;
  addresses: SavedAddress[];
  selected: string;
  onSelect: (address: SavedAddress | undefined) => void;
}) {
  if (addresses.length === 0) return null;
  return (
    <div>
      <label htmlFor={id}>Saved address</label>{' '}
      <select id={id} value={selected} onChange={(e) => onSelect(addresses.find((a) => a.id === e.target.value))}>
        {addresses.map((a) => (
          <option key={a.id} value={a.id}>
            {label(a)}
            {a.isDefault ? ' (default)' : ''}
          </option>
        ))}
        <option value="">A new address</option>
      </select>
    </div>
  );
}

export function SaveAddressOption({ id }: { id: string }) {
  return (
    <label htmlFor={id}>
      <input id={id} type="checkbox" name="saveAddress" value="yes" /> Save this address to my account
    </label>
  );
}

/** After a placed order: stores the address it shipped to when the box was ticked (best effort). */
export async function saveAddressIfAsked(form: FormData, address: Record<string, unknown>): Promise<void> {
  if (form.get('saveAddress') !== 'yes') return;
  await apiRequest('/api/account/addresses', { method: 'POST', body: address });
}
