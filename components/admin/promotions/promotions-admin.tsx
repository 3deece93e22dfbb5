'use client';

import { useState } from 'react';
import type { CategoryChoice } from '@/components/admin/category-picker';
import { TableScroll } from '@/components/admin/table-scroll';
import type { FieldErrors } from '@/components/api/api-request';
import { fieldErrorsFrom } from '@/components/api/api-request';
import type { Promotion } from '@/server/promotions';
import { PromotionForm } from './promotion-form';
import { PromotionRow } from './promotion-row';
import styles from './promotions-admin.module.css';
import { createPromotionRequest } from './promotions-api';

// The /admin/promotions screen: every promotion with its uses, a form for a new one, and one polite live region
// that reads out what each change did.

export function PromotionsAdmin({ initialPromotions, categories }: { initialPromotions: Promotion[]; categories: CategoryChoice[] }) {
  const [promotions, setPromotions] = useState(initialPromotions);
  const [message, setMessage] = useState('');
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  const onUpdated = (updated: Promotion) => setPromotions((all) => all.map((p) => (p.code === updated.code ? updated : p)));

  async function create(body: Record<string, unknown>) {
    setBusy(true);
    setProblem(null);
    const result = await createPromotionRequest(body);
    setBusy(false);
    if (result.ok) {
      setPromotions((all) => [...all, result.data].sort((a, b) => a.code.localeCompare(b.code)));
      setErrors({});
      setCreating(false);
      setFormKey((k) => k + 1);
      setMessage(`${result.data.code} created.`);
      return;
    }
    setErrors(fieldErrorsFrom(result.details));
    setProblem(result.message);
  }

  return (
    <>
      <p className={styles.status} role="status" aria-live="polite">
        {message}
      </p>
      <TableScroll label="Promotions">
        <table className={styles.table}>
          <caption className="visually-hidden">Promotions</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Offer</th>
              <th scope="col">Status</th>
              <th scope="col">Uses</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {promotions.map((p) => (
              <PromotionRow key={p.code} promotion={p} categories={categories} onUpdated={onUpdated} announce={setMessage} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      <section aria-labelledby="new-promotion-title" className={styles.create}>
        <h2 id="new-promotion-title">New promotion</h2>
        {creating ? (
          <>
            {problem ? (
              <p className={styles.alert} role="alert">
                {problem}
              </p>
            ) : null}
            <PromotionForm
              key={formKey}
              categories={categories}
              errors={errors}
              busy={busy}
              submitLabel="Create promotion"
              onSubmit={(b) => void create(b)}
              onCancel={() => setCreating(false)}
            />
          </>
        ) : (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            New promotion
          </button>
        )}
      </section>
    </>
  );
}
