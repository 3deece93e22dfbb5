'use client';

import { useId } from 'react';
import type { Audience } from '@/server/flags/contract';
import { parseGroups } from './describe-flag';
import styles from './flags-admin.module.css';

// Who a flag may reach: everyone, signed-in shoppers, or members of Cognito groups. The group list is typed as
// text and kept as text while editing, so a half-typed "marketers, " is not rewritten under the cursor.

export type AudienceDraft = { kind: Audience['kind']; groupsText: string };

export function audienceDraft(audience: Audience): AudienceDraft {
  return { kind: audience.kind, groupsText: audience.kind === 'groups' ? audience.groups.join(', ') : '' };
}

/** The audience to send, or null while a group audience has no group. */
export function audienceFromDraft(draft: AudienceDraft): Audience | null {
  if (draft.kind !== 'groups') return { kind: draft.kind };
  const groups = parseGroups(draft.groupsText);
  return groups.length > 0 ? { kind: 'groups', groups } : null;
}

const OPTIONS: { kind: Audience['kind']; label: string }[] = [
  { kind: 'everyone', label: 'Everyone' },
  { kind: 'signed-in', label: 'Signed-in shoppers' },
  { kind: 'groups', label: 'Cognito groups' },
];

export function AudiencePicker({ value, onChange, disabled }: { value: AudienceDraft; onChange: (next: AudienceDraft) => void; disabled?: boolean }) {
  const base = useId();
  return (
    <fieldset className={styles.audience} disabled={disabled}>
      <legend>Audience</legend>
      {OPTIONS.map((o) => (
        <label key={o.kind} className={styles.radio}>
          <input type="radio" name={`${base}-audience`} value={o.kind} checked={value.kind === o.kind} onChange={() => onChange({ ...value, kind: o.kind })} />
          {o.label}
        </label>
      ))}
      {value.kind === 'groups' ? (
        <div className="field">
          <label htmlFor={`${base}-groups`}>Groups (comma-separated)</label>
          <input
            id={`${base}-groups`}
            type="text"
            value={value.groupsText}
            onChange={(e) => onChange({ ...value, groupsText: e.target.value })}
            placeholder="marketers"
            spellCheck={false}
            autoCapitalize="none"
            maxLength={400}
            aria-describedby={`${base}-groups-hint`}
          />
          <small id={`${base}-groups-hint`} className={styles.hint}>
            Shoppers signed in with an account in any of these groups.
          </small>
        </div>
      ) : null}
    </fieldset>
  );
}
