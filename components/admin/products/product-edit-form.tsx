'use client';

import { useActionState } from 'react';
import type { ProductFormState } from '@/app/admin/products/[id]/product-form';
import { TableScroll } from '@/components/admin/table-scroll';
import { ErrorSummary } from '@/components/forms/error-summary';
import styles from './products-admin.module.css';

// The edit form of /admin/products/[id]. A server action behind useActionState, so it works before hydration (a plain
// form post the server answers with the next step): edit → review the listed changes → save. Every save carries
// the version and the stock counts the form was rendered with, so nothing a colleague or a sale changed meanwhile
// is overwritten unseen (a refusal brings the current values in).

type Action = (state: ProductFormState, form: FormData) => Promise<ProductFormState>;

export function ProductEditForm({ initial, action }: { initial: ProductFormState; action: Action }) {
  const [state, submit, pending] = useActionState(action, initial);
  const { values, product } = state;
  const reviewing = state.step === 'review';

  const hidden = (name: string) => <input key={name} type="hidden" name={name} value={values[name] ?? ''} />;

  return (
    <form action={submit} className={styles.form} aria-busy={pending} noValidate>
      {hidden('id')}
      {hidden('expectedVersion')}
      {hidden('seenPublished')}
      {hidden('seenFeaturedRank')}
      {state.variantFields.flatMap((f) => [hidden(f.seenPrice), hidden(f.seenStock)])}

      <ErrorSummary problems={state.problems} />
      {state.message ? (
        <p className="notice" role="status">
          {state.message}
        </p>
      ) : null}

      {reviewing ? (
        <section className={styles.review} aria-labelledby="review-title">
          <h2 id="review-title">Check before saving</h2>
          <p>These changes go live for every shopper within 10 seconds:</p>
          <ul>
            {state.changes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {state.variantFields.flatMap((f) => [hidden(f.price), hidden(f.stock)])}
          {hidden('published')}
          {hidden('featuredRank')}
          <div className={styles.actions}>
            <button type="submit" name="intent" value="save" className="button" disabled={pending}>
              Save changes
            </button>
            <button type="submit" name="intent" value="back" className="button button--ghost" disabled={pending}>
              Back to editing
            </button>
          </div>
        </section>
      ) : (
        // key: a new version (saved, or brought in by a conflict) resets the inputs to the values sent with it.
        <fieldset key={`${product.version}:${state.step}`} className={styles.fields} disabled={pending}>
          <legend>Version {product.version}</legend>
          <TableScroll label="Variants">
            <table className={styles.table}>
              <caption>Variants</caption>
              <thead>
                <tr>
                  <th scope="col">Variant</th>
                  <th scope="col">Price (USD)</th>
                  <th scope="col">Stock (units)</th>
                </tr>
              </thead>
              <tbody>
                {state.variantFields.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">{f.label}</th>
                    <td>
                      <label className="visually-hidden" htmlFor={f.price}>
                        Price of {f.label}
                      </label>
                      <input id={f.price} name={f.price} defaultValue={values[f.price]} inputMode="decimal" size={10} required />
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={f.stock}>
                        Stock of {f.label}
                      </label>
                      <input id={f.stock} name={f.stock} defaultValue={values[f.stock]} inputMode="numeric" size={8} required />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <div className="field">
            <label htmlFor="published">Publication</label>
            <select id="published" name="published" defaultValue={values.published}>
              <option value="yes">Published: listed, searchable, for sale</option>
              <option value="no">Unpublished: hidden from shoppers</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="featuredRank">Featured rank (lower shows first)</label>
            <input id="featuredRank" name="featuredRank" defaultValue={values.featuredRank} inputMode="numeric" size={10} required />
          </div>
          <div className={styles.actions}>
            <button type="submit" name="intent" value="review" className="button">
              Review changes
            </button>
          </div>
        </fieldset>
      )}
    </form>
  );
}
