'use client';

import { describedBy, FormField } from '@/components/forms/form-field';
import type { SavedAddress } from '@/server/account';
import { AccountActionForm } from './account-action-form';
import type { AccountFormState } from './account-form-state';

type Action = (prev: AccountFormState, form: FormData) => Promise<AccountFormState>;
export type AddressCountry = { code: string; name: string; regions: [string, string][] | null };

const LABELS: Record<string, string> = {
  name: 'Full name',
  line1: 'Address line 1',
  line2: 'Address line 2',
  city: 'City',
  region: 'State, province or region',
  postalCode: 'Postal code',
  country: 'Country',
};

/**
 * Add or edit one address. Works without script: the region list holds every country's regions in groups (US
 * states and Canadian provinces), and the server says which does not fit the chosen country.
 */
export function AddressForm({
  action,
  countries,
  address,
  submitLabel,
}: {
  action: Action;
  countries: AddressCountry[];
  address?: SavedAddress;
  submitLabel: string;
}) {
  return (
    <AccountActionForm action={action} labels={LABELS}>
      {({ id, errors, pending }) => (
        <>
          {address ? <input type="hidden" name="id" value={address.id} /> : null}
          <FormField
            id={id('name')}
            name="name"
            label={LABELS.name ?? ''}
            autoComplete="name"
            maxLength={100}
            defaultValue={address?.name}
            error={errors.name}
          />
          <FormField
            id={id('line1')}
            name="line1"
            label={LABELS.line1 ?? ''}
            autoComplete="address-line1"
            maxLength={200}
            defaultValue={address?.line1}
            error={errors.line1}
          />
          <FormField
            id={id('line2')}
            name="line2"
            label="Address line 2 (optional)"
            autoComplete="address-line2"
            maxLength={200}
            defaultValue={address?.line2}
            error={errors.line2}
          />
          <FormField id={id('city')} name="city" label="City" autoComplete="address-level2" maxLength={100} defaultValue={address?.city} error={errors.city} />
          <FormField id={id('country')} label="Country" error={errors.country}>
            <select
              id={id('country')}
              name="country"
              autoComplete="country"
              defaultValue={address?.country ?? 'US'}
              aria-invalid={errors.country ? true : undefined}
              aria-describedby={describedBy(id('country'), errors.country)}
            >
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField id={id('region')} label="State or province (US and Canada)" error={errors.region}>
            <select
              id={id('region')}
              name="region"
              autoComplete="address-level1"
              defaultValue={address?.region ?? ''}
              aria-invalid={errors.region ? true : undefined}
              aria-describedby={describedBy(id('region'), errors.region)}
            >
              <option value="">None (other countries)</option>
              {countries
                .filter((c) => c.regions)
                .map((c) => (
                  <optgroup key={c.code} label={c.name}>
                    {c.regions?.map(([code, name]) => (
                      <option key={code} value={code}>
                        {name}
                      </option>
                    ))}
                  </optgroup>
                ))}
            </select>
          </FormField>
          <FormField
            id={id('postalCode')}
            name="postalCode"
            label="Postal code or ZIP"
            autoComplete="postal-code"
            maxLength={20}
            defaultValue={address?.postalCode}
            error={errors.postalCode}
          />
          {address?.isDefault ? (
            <p>This is your default address.</p>
          ) : (
            <label>
              <input type="checkbox" name="isDefault" value="yes" /> Make this my default address
            </label>
          )}
          <div>
            <button type="submit" className="button" disabled={pending}>
              {pending ? 'Saving…' : submitLabel}
            </button>
          </div>
        </>
      )}
    </AccountActionForm>
  );
}
