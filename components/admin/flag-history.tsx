'use client';

import { useCallback, useEffect, useState } from 'react';
import type { Flag, FlagAuditEntry } from '@/server/flags/contract';
import { describeState, formatWhen } from './describe-flag';
import styles from './flags-admin.module.css';
import { fetchHistory } from './flags-api';

// Who changed one flag, when, and from what to what, newest first, with one-click revert. Reloaded whenever the
// flag's version changes (a save or a revert from this screen, or a conflict that brought in someone else's change).

const ACTION_LABEL: Record<FlagAuditEntry['action'], string> = { seed: 'Created', update: 'Changed', revert: 'Reverted' };

export function FlagHistory({ flag, busy, onRevert }: { flag: Flag; busy: boolean; onRevert: (entry: FlagAuditEntry) => void }) {
  const [entries, setEntries] = useState<FlagAuditEntry[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (cursor?: string) => {
      const result = await fetchHistory(flag.key, cursor);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setError(null);
      setEntries((prev) => (cursor && prev ? [...prev, ...result.data.entries] : result.data.entries));
      setNextCursor(result.data.nextCursor);
    },
    [flag.key],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: flag.version is the trigger, so the history reloads after every change to the flag
  useEffect(() => {
    void load();
  }, [load, flag.version]);

  if (error)
    return (
      <p className={styles.alert} role="alert">
        {error}
      </p>
    );
  if (!entries) return <p className={styles.hint}>Loading history…</p>;
  if (entries.length === 0) return <p className={styles.hint}>No changes recorded yet.</p>;

  return (
    <>
      <ol className={styles.history} aria-label={`History of ${flag.key}`}>
        {entries.map((entry) => (
          <li key={entry.entryId} className={styles.entry}>
            <div>
              <strong>{ACTION_LABEL[entry.action]}</strong> by {entry.by} · <time dateTime={entry.at}>{formatWhen(entry.at)}</time> · version {entry.version}
            </div>
            <div className={styles.change}>
              {entry.before ? describeState(entry.before) : 'New flag'} → {describeState(entry.after)}
            </div>
            {entry.before ? (
              <button
                type="button"
                className={`link-button ${styles.linkButton}`}
                disabled={busy}
                onClick={() => onRevert(entry)}
                aria-label={`Revert version ${entry.version}: back to ${describeState(entry.before)}`}
              >
                Revert to before this change
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {nextCursor ? (
        <button type="button" className="button button--ghost" onClick={() => void load(nextCursor)}>
          Show older changes
        </button>
      ) : null}
    </>
  );
}
