'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import styles from './products-admin.module.css';

// A product's words and pictures (PATCH /api/admin/products/[id] name, description, images). An image goes from the
// browser straight to S3 with a presigned POST (POST …/images); this form checks type, size and dimensions first so
// a marketer hears at once, and the server checks the bytes again when the images are saved. The bucket answers
// without CORS headers locally, so the post is no-cors: its answer is opaque, and saving is where a failed upload
// shows ("not uploaded").

const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 5 * 1024 * 1024;
const MIN_SIDE = 400;

type Image = { ref: string; src: string; fresh: boolean };

async function checkImage(file: File): Promise<string | null> {
  if (!TYPES.includes(file.type)) return 'Choose a JPEG, PNG or WebP image.';
  if (file.size > MAX_BYTES) return `The image is ${(file.size / 1024 / 1024).toFixed(1)} MB; at most 5 MB.`;
  const bitmap = await createImageBitmap(file).catch(() => null);
  if (!bitmap) return 'That file could not be read as an image.';
  const { width, height } = bitmap;
  bitmap.close();
  if (Math.min(width, height) < MIN_SIDE) return `The image is ${width} × ${height}; each side must be at least ${MIN_SIDE} pixels.`;
  return null;
}

export function ProductContentForm({
  productId,
  version,
  name,
  description,
  images,
}: {
  productId: string;
  version: number;
  name: string;
  description: string;
  images: string[];
}) {
  const router = useRouter();
  const id = useId();
  const nameField = useRef<HTMLInputElement>(null);
  const descriptionField = useRef<HTMLTextAreaElement>(null);
  const fileField = useRef<HTMLInputElement>(null);
  const [list, setList] = useState<Image[]>(images.map((src) => ({ ref: src, src, fresh: false })));
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState<'upload' | 'save' | null>(null);
  // The version this form last saved. The page re-renders after a save (router.refresh, for the history list) but
  // does not remount this form, so the "saved" message stays; versions only grow, so the larger of the page's and
  // ours is the one to send next (the price form above may have saved since).
  const [savedVersion, setSavedVersion] = useState(version);
  const currentVersion = Math.max(version, savedVersion);

  const upload = async () => {
    const file = fileField.current?.files?.[0];
    setError('');
    setMessage('');
    if (!file) return setError('Choose an image file first.');
    const problem = await checkImage(file);
    if (problem) return setError(problem);
    setBusy('upload');
    const presigned = await apiRequest<{ upload: { url: string; fields: Record<string, string> }; key: string }>(
      `/api/admin/products/${encodeURIComponent(productId)}/images`,
      { method: 'POST' },
    );
    if (!presigned.ok) {
      setBusy(null);
      return setError(presigned.message);
    }
    const form = new FormData();
    for (const [k, v] of Object.entries(presigned.data.upload.fields)) form.append(k, v);
    form.append('Content-Type', file.type);
    form.append('file', file);
    const sent = await fetch(presigned.data.upload.url, { method: 'POST', body: form, mode: 'no-cors' }).then(
      () => true,
      () => false,
    );
    setBusy(null);
    if (!sent) return setError('The image could not be uploaded. Check your connection and try again.');
    setList((l) => [...l, { ref: presigned.data.key, src: URL.createObjectURL(file), fresh: true }]);
    if (fileField.current) fileField.current.value = '';
    setMessage(`${file.name} uploaded. Save content to show it on the product page.`);
  };

  const move = (i: number, by: -1 | 1) =>
    setList((l) => {
      const next = [...l];
      const [item] = next.splice(i, 1);
      next.splice(i + by, 0, item!);
      return next;
    });

  const save = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError('');
    setMessage('');
    setBusy('save');
    const res = await apiRequest<{ version: number; images: string[] }>(`/api/admin/products/${encodeURIComponent(productId)}`, {
      method: 'PATCH',
      body: {
        name: nameField.current?.value ?? name,
        description: descriptionField.current?.value ?? description,
        images: list.map((i) => i.ref),
        expectedVersion: currentVersion,
      },
    });
    setBusy(null);
    if (!res.ok) return setError(res.message);
    setSavedVersion(res.data.version);
    setList(res.data.images.map((src) => ({ ref: src, src, fresh: false })));
    setMessage('Content saved. The product page and search show it within 10 seconds.');
    router.refresh();
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Content</h2>
      <form className={styles.form} onSubmit={save} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} ref={nameField} defaultValue={name} maxLength={200} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>Description</label>
          <textarea id={`${id}-description`} ref={descriptionField} defaultValue={description} maxLength={5000} rows={6} />
        </div>
        <fieldset className={styles.images}>
          <legend>Images (the first is the main one)</legend>
          {list.length === 0 ? <p className={styles.hint}>No images.</p> : null}
          <ol className={styles.imageList}>
            {list.map((img, i) => (
              <li key={img.ref}>
                {/* biome-ignore lint/performance/noImgElement: an admin thumbnail, including a just-uploaded local blob the optimiser cannot fetch; the text beside it names it */}
                <img src={img.src} alt="" width={96} height={96} />
                <span>
                  Image {i + 1}
                  {img.fresh ? ' (new)' : ''}
                </span>
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => move(i, -1)}
                  disabled={i === 0}
                  aria-label={`Move image ${i + 1} earlier`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => move(i, 1)}
                  disabled={i === list.length - 1}
                  aria-label={`Move image ${i + 1} later`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => setList((l) => l.filter((_, j) => j !== i))}
                  aria-label={`Remove image ${i + 1}`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ol>
          <div className="field">
            <label htmlFor={`${id}-file`}>Add an image (JPEG, PNG or WebP, at most 5 MB, at least 400 × 400 pixels)</label>
            <input id={`${id}-file`} ref={fileField} type="file" accept={TYPES.join(',')} />
          </div>
          <button type="button" className="button button--ghost" onClick={upload} disabled={busy !== null}>
            {busy === 'upload' ? 'Uploading…' : 'Upload image'}
          </button>
        </fieldset>
        {error ? (
          <p className={styles.error} role="alert">
            {error}
          </p>
        ) : null}
        <div className={styles.actions}>
          <button type="submit" className="button" disabled={busy !== null}>
            {busy === 'save' ? 'Saving…' : 'Save content'}
          </button>
        </div>
        <p role="status">{message}</p>
      </form>
    </section>
  );
}
