'use client';

import Link from 'next/link';
import { useActionState, useId } from 'react';
import { useShopper } from '@/components/shopper/shopper-context';
import { INITIAL_REVIEW_FORM_STATE, type ReviewFormState } from './review-form-state';
import styles from './reviews.module.css';

const TITLE_MAX = 120;
const BODY_MAX = 4000;

type ReviewAction = (state: ReviewFormState, form: FormData) => Promise<ReviewFormState>;

/**
 * "Write a review": for shoppers who received the product (the server decides; the form says why if not). A guest
 * is asked to sign in before writing anything, with a link that comes back here: the product page is shared HTML,
 * so the guest's prompt is what renders first, and the form replaces it once /api/shopper says who is looking.
 */
export function WriteReview({ slug, action }: { slug: string; action: ReviewAction }) {
  const shopper = useShopper();
  const id = useId();
  if (!shopper?.user) {
    return (
      <section className={styles.form} aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`}>Write a review</h3>
        <p>
          <Link href={`/sign-in?${new URLSearchParams({ next: `/p/${slug}` })}`}>Sign in to write a review</Link>. Reviews come from shoppers who received this
          product.
        </p>
      </section>
    );
  }
  return <ReviewForm slug={slug} action={action} />;
}

function ReviewForm({ slug, action }: { slug: string; action: ReviewAction }) {
  const [state, submit, pending] = useActionState(action, INITIAL_REVIEW_FORM_STATE);
  const id = useId();
  const values = state.values;
  if (state.status === 'sent') {
    return (
      <p role="status" className={styles.notice}>
        {state.message}
      </p>
    );
  }
  const problem = (field: string) =>
    state.fields[field] ? (
      <span id={`${id}-${field}-error`} className={styles.problem}>
        {state.fields[field]}
      </span>
    ) : null;
  const described = (field: string) => (state.fields[field] ? `${id}-${field}-error` : undefined);
  return (
    <form action={submit} className={styles.form} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Write a review</h3>
      <p className={styles.meta}>Reviews come from shoppers who received this product, and appear once checked.</p>
      <fieldset className={styles.stars} aria-describedby={described('rating')}>
        <legend>Your rating</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n}>
            <input type="radio" name="rating" value={n} required defaultChecked={values?.rating === String(n)} /> {n} {n === 1 ? 'star' : 'stars'}
          </label>
        ))}
      </fieldset>
      {problem('rating')}
      <label htmlFor={`${id}-title`}>Title</label>
      <input
        id={`${id}-title`}
        type="text"
        name="title"
        required
        minLength={3}
        maxLength={TITLE_MAX}
        defaultValue={values?.title}
        aria-describedby={described('title')}
      />
      {problem('title')}
      <label htmlFor={`${id}-body`}>Your review</label>
      <textarea
        id={`${id}-body`}
        name="body"
        rows={5}
        required
        minLength={10}
        maxLength={BODY_MAX}
        defaultValue={values?.body}
        aria-describedby={described('body')}
      />
      {problem('body')}
      {state.status === 'error' ? (
        <p role="alert" className={styles.problem}>
          {state.message}
          {state.code === 'UNAUTHENTICATED' ? (
            <>
              {' '}
              <Link href={`/sign-in?${new URLSearchParams({ next: `/p/${slug}` })}`}>Sign in</Link>
            </>
          ) : null}
        </p>
      ) : null}
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Sending…' : 'Submit review'}
        </button>
      </div>
    </form>
  );
}
