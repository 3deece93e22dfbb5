'use client';

import { useActionState } from 'react';
import type { CampaignFormState } from '@/app/admin/campaigns/campaign-form';
import { CategoryPicker } from '@/components/admin/category-picker';
import { ProductPicker } from '@/components/admin/product-picker';
import { ErrorSummary } from '@/components/forms/error-summary';
import type { CampaignFormOptions } from '@/server/campaigns';
import styles from './campaigns.module.css';

// The create form of /admin/campaigns. A server action behind useActionState, so it works before hydration (a plain
// form post the server answers with the next step): edit → preview (recipient count and the email as sent) →
// create, which opens the new campaign's page where it is sent.

type Action = (state: CampaignFormState, form: FormData) => Promise<CampaignFormState>;

export function CampaignForm({ initial, options, action }: { initial: CampaignFormState; options: CampaignFormOptions; action: Action }) {
  const [state, submit, pending] = useActionState(action, initial);
  const { values, preview } = state;
  const invalid = (id: string) => (state.problems.some((p) => p.fieldId === id) ? true : undefined);
  const hidden = (name: string) => <input key={name} type="hidden" name={name} value={values[name] ?? ''} />;

  return (
    <form action={submit} className={styles.form} aria-busy={pending} noValidate>
      <ErrorSummary problems={state.problems} />
      {state.step === 'preview' && preview ? (
        <section aria-labelledby="preview-title">
          <h3 id="preview-title">Preview</h3>
          <p role="status">{preview.recipientsLabel} in this segment now.</p>
          <article className={styles.email} aria-label="Email preview">
            <p>
              <strong>Subject:</strong> {preview.subject}
            </p>
            <pre>{preview.text}</pre>
            <p>
              <small>Headers: {preview.headers.map((h) => `${h.name}: ${h.value}`).join('; ')}</small>
            </p>
          </article>
          {['kind', 'category', 'productId', 'from', 'to', 'promotionCode', 'subject', 'message'].map(hidden)}
          <div className={styles.actions}>
            <button type="submit" name="intent" value="create" className="button" disabled={pending}>
              Create campaign
            </button>
            <button type="submit" name="intent" value="back" className="button button--ghost" disabled={pending}>
              Back to editing
            </button>
          </div>
        </section>
      ) : (
        <fieldset className={styles.fields} disabled={pending}>
          <legend>New campaign</legend>
          <fieldset className={styles.fields}>
            <legend>Who gets it (only shoppers who agreed to marketing email)</legend>
            <div className={styles.choice}>
              <input type="radio" id="kind-bought" name="kind" value="bought-in-category" defaultChecked={values.kind !== 'viewed-not-bought'} />
              <label htmlFor="kind-bought">Bought in a category</label>
            </div>
            <CategoryPicker
              id="category"
              name="category"
              label="Category"
              categories={options.categories}
              initial={values.category ? [values.category] : []}
              invalid={invalid('category')}
            />
            <div className={styles.choice}>
              <input type="radio" id="kind-viewed" name="kind" value="viewed-not-bought" defaultChecked={values.kind === 'viewed-not-bought'} />
              <label htmlFor="kind-viewed">Viewed a product but did not buy it</label>
            </div>
            <ProductPicker
              id="productId"
              name="productId"
              label="Product"
              initial={
                values.productId ? { id: values.productId, name: options.products.find((p) => p.id === values.productId)?.name ?? values.productId } : null
              }
              invalid={invalid('productId')}
            />
            <div className="field">
              <label htmlFor="from">From (UTC day)</label>
              <input id="from" name="from" type="date" defaultValue={values.from} aria-invalid={invalid('from')} required />
            </div>
            <div className="field">
              <label htmlFor="to">To (UTC day, included)</label>
              <input id="to" name="to" type="date" defaultValue={values.to} aria-invalid={invalid('to')} required />
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor="promotionCode">Promotion code (optional)</label>
            <select id="promotionCode" name="promotionCode" defaultValue={values.promotionCode} aria-invalid={invalid('promotionCode')}>
              <option value="">No promotion</option>
              {options.promotions.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.code}: {p.description}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="subject">Subject</label>
            <input id="subject" name="subject" defaultValue={values.subject} aria-invalid={invalid('subject')} maxLength={150} required />
          </div>
          <div className="field">
            <label htmlFor="message">Message</label>
            <textarea id="message" name="message" defaultValue={values.message} aria-invalid={invalid('message')} rows={6} maxLength={5000} required />
          </div>
          <div className={styles.actions}>
            <button type="submit" name="intent" value="preview" className="button">
              Preview
            </button>
          </div>
        </fieldset>
      )}
    </form>
  );
}
