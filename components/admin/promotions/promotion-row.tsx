'use client';

import { useState } from 'react';
import type { CategoryChoice } from '@/components/admin/category-picker';
import { ConfirmDialog } from '@/components/admin/confirm-dialog';
import { type ApiResult, type FieldErrors, fieldErrorsFrom } from '@/components/api/api-request';
import type { Promotion } from '@/server/promotions';
import { describeLimits, describeOffer, promotionStatus, toggleAction } from './describe-promotion';
import { type PromotionBody, PromotionForm } from './promotion-form';
import { PromotionHistory } from './promotion-history';
import styles from './promotions-admin.module.css';
import { currentPromotionFrom, patchPromotion } from './promotions-api';

// One promotion on /admin/promotions: what it gives, its uses, pause/resume (confirmed: shoppers notice at once),
// edit, and history. Every write sends the version on screen; a 409 shows the current values and says so.

export function PromotionRow({
  promotion,
  categories,
  onUpdated,
  announce,
}: {
  promotion: Promotion;
  categories: CategoryChoice[];
  onUpdated: (p: Promotion) => void;
  announce: (m: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const p = promotion;

  async function save(body: PromotionBody, done: (p: Promotion) => string): Promise<boolean> {
    setBusy(true);
    setProblem(null);
    const result: ApiResult<Promotion> = await patchPromotion(p.code, { ...body, expectedVersion: p.version });
    setBusy(false);
    if (result.ok) {
      onUpdated(result.data);
      setErrors({});
      announce(done(result.data));
      return true;
    }
    const current = result.status === 409 ? currentPromotionFrom(result.details) : undefined;
    if (current) {
      onUpdated(current);
      setProblem(`${result.message} The values shown are now the current ones.`);
      return false;
    }
    setErrors(fieldErrorsFrom(result.details));
    setProblem(result.message);
    return false;
  }

  const action = toggleAction(p);
  const toggle = () => {
    setConfirming(false);
    void save({ active: !p.active }, (u) => `${u.code} is now ${u.active ? 'active' : 'paused'}.`);
  };

  return (
    <tr aria-busy={busy}>
      <th scope="row">
        <span className={styles.code}>{p.code}</span>
        {p.automatic ? <small> automatic</small> : null}
      </th>
      <td>
        {p.description}
        <small>{describeOffer(p)}</small>
      </td>
      <td>{promotionStatus(p)}</td>
      <td>{describeLimits(p)}</td>
      <td>
        <div className={styles.actions}>
          {action ? (
            <button type="button" className="link-button" onClick={() => setConfirming(true)} disabled={busy}>
              {action}
              <span className="visually-hidden"> {p.code}</span>
            </button>
          ) : null}
          <button type="button" className="link-button" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
            Edit<span className="visually-hidden"> {p.code}</span>
          </button>
          <button type="button" className="link-button" onClick={() => setShowHistory((h) => !h)} aria-expanded={showHistory}>
            History<span className="visually-hidden"> of {p.code}</span>
          </button>
        </div>
        {problem ? (
          <p className={styles.alert} role="alert">
            {problem}
          </p>
        ) : null}
        {editing ? (
          <PromotionForm
            key={p.version}
            categories={categories}
            initial={p}
            errors={errors}
            busy={busy}
            submitLabel={`Save ${p.code}`}
            onCancel={() => setEditing(false)}
            onSubmit={(body) =>
              void save(body, (u) => `${u.code} saved (version ${u.version}).`).then((ok) => {
                if (ok) setEditing(false);
              })
            }
          />
        ) : null}
        {showHistory ? <PromotionHistory code={p.code} version={p.version} /> : null}
        <ConfirmDialog
          open={confirming}
          title={p.active ? `Pause ${p.code}?` : `Resume ${p.code}?`}
          confirmLabel={p.active ? 'Pause it' : 'Resume it'}
          onConfirm={toggle}
          onCancel={() => setConfirming(false)}
        >
          <p>
            {p.active
              ? 'Shoppers can no longer use it, and carts that hold it stop getting the discount at once.'
              : 'Shoppers can use it again at once, within its dates and limits.'}
          </p>
        </ConfirmDialog>
      </td>
    </tr>
  );
}
