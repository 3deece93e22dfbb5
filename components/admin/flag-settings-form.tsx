'use client';

import { type FormEvent, useId, useState } from 'react';
import type { Flag } from '@/server/flags/contract';
import { type AudienceDraft, AudiencePicker, audienceDraft, audienceFromDraft } from './audience-picker';
import styles from './flags-admin.module.css';

// Rollout percentage and audience of one flag, saved together. The parent remounts it (key = version) whenever the
// flag changes, so a draft never outlives the values it was made from.

export type SettingsChange = { rolloutPercent: number; audience: NonNullable<ReturnType<typeof audienceFromDraft>> };

export function FlagSettingsForm({ flag, busy, onSave }: { flag: Flag; busy: boolean; onSave: (change: SettingsChange) => void }) {
  const base = useId();
  const [rollout, setRollout] = useState(flag.rolloutPercent);
  const [audience, setAudience] = useState<AudienceDraft>(() => audienceDraft(flag.audience));
  const parsedAudience = audienceFromDraft(audience);
  const changed = rollout !== flag.rolloutPercent || JSON.stringify(parsedAudience) !== JSON.stringify(flag.audience);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (parsedAudience && changed) onSave({ rolloutPercent: rollout, audience: parsedAudience });
  }

  return (
    <form className={styles.settings} onSubmit={onSubmit} aria-label={`Rollout and audience of ${flag.key}`}>
      <div className={styles.rollout}>
        <label htmlFor={`${base}-rollout`}>Rollout</label>
        <input
          id={`${base}-rollout`}
          type="range"
          min={0}
          max={100}
          step={1}
          value={rollout}
          onChange={(e) => setRollout(Number(e.target.value))}
          aria-valuetext={`${rollout}% of the audience`}
          disabled={busy}
        />
        <output htmlFor={`${base}-rollout`} className={styles.percent}>
          {rollout}%
        </output>
      </div>
      <AudiencePicker value={audience} onChange={setAudience} disabled={busy} />
      {audience.kind === 'groups' && !parsedAudience ? <p className={styles.hint}>Name at least one group.</p> : null}
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={busy || !changed || !parsedAudience}>
          Save rollout and audience
        </button>
        {changed ? (
          <button
            type="button"
            className="button button--ghost"
            disabled={busy}
            onClick={() => {
              setRollout(flag.rolloutPercent);
              setAudience(audienceDraft(flag.audience));
            }}
          >
            Undo edits
          </button>
        ) : null}
      </div>
    </form>
  );
}
