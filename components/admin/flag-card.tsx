'use client';

import { useId, useState } from 'react';
import type { ApiResult } from '@/components/api/api-request';
import type { Flag, FlagAuditEntry } from '@/server/flags/contract';
import { ConfirmDialog } from './confirm-dialog';
import { describeChange, describeState, flagBadge } from './describe-flag';
import { FlagHistory } from './flag-history';
import { FlagSettingsForm, type SettingsChange } from './flag-settings-form';
import styles from './flags-admin.module.css';
import { currentFlagFrom, patchFlag, revertFlagTo } from './flags-api';

// One flag on /admin/flags: status, kill switch (confirmed), rollout and audience, history with revert. Every write
// sends the version on screen; a 409 replaces the card's values with the current ones and says so, so a marketer
// never overwrites a colleague's change without having seen it.

const BADGE_CLASS = { On: styles.badgeOn, Off: styles.badgeOff, Limited: styles.badgeLimited } as const;

export function FlagCard({
  flag,
  ttlSeconds,
  onUpdated,
  announce,
}: {
  flag: Flag;
  ttlSeconds: number;
  onUpdated: (flag: Flag) => void;
  announce: (message: string) => void;
}) {
  const titleId = useId();
  const historyId = useId();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const badge = flagBadge(flag);

  async function apply(request: () => Promise<ApiResult<Flag>>, done: (updated: Flag) => string) {
    setBusy(true);
    setProblem(null);
    const result = await request();
    setBusy(false);
    if (result.ok) {
      onUpdated(result.data);
      announce(done(result.data));
      return;
    }
    const current = result.status === 409 ? currentFlagFrom(result.details) : undefined;
    if (current) {
      onUpdated(current);
      setProblem(`${result.message} The values below are now the current ones.`);
      return;
    }
    if (result.status === 401) {
      setProblem('Your session has ended. Sign in again to change flags.');
      return;
    }
    setProblem(result.message);
  }

  const toggle = () => {
    setConfirming(false);
    const enabled = !flag.enabled;
    void apply(
      () => patchFlag(flag.key, { enabled, expectedVersion: flag.version }),
      (f) => `${f.key} is now ${describeState(f)}. Shoppers see it within ${ttlSeconds} seconds.`,
    );
  };

  const saveSettings = (change: SettingsChange) =>
    void apply(
      () => patchFlag(flag.key, { ...change, expectedVersion: flag.version }),
      (f) => `${f.key} is now ${describeState(f)}.`,
    );

  const revert = (entry: FlagAuditEntry) =>
    void apply(
      () => revertFlagTo(flag.key, entry.entryId, flag.version),
      (f) => `${f.key} reverted: now ${describeState(f)}.`,
    );

  return (
    <article className={styles.card} aria-labelledby={titleId} aria-busy={busy}>
      <header className={styles.head}>
        <h2 id={titleId} className={styles.key}>
          {flag.key}
        </h2>
        <span className={`${styles.badge} ${BADGE_CLASS[badge]}`}>{badge}</span>
      </header>
      <p className={styles.description}>{flag.description}</p>
      <p className={styles.state} data-testid="flag-state">
        {describeState(flag)}
      </p>
      <p className={styles.meta}>{describeChange(flag)}</p>
      {problem ? (
        <p className={styles.alert} role="alert">
          {problem}
        </p>
      ) : null}

      <div className={styles.actions}>
        <button type="button" className={flag.enabled ? 'button button--ghost' : 'button'} disabled={busy} onClick={() => setConfirming(true)}>
          {flag.enabled ? 'Turn off' : 'Turn on'}
        </button>
        <button type="button" className="button button--ghost" aria-expanded={showHistory} aria-controls={historyId} onClick={() => setShowHistory((v) => !v)}>
          {showHistory ? 'Hide history' : 'History'}
        </button>
      </div>

      <FlagSettingsForm key={flag.version} flag={flag} busy={busy} onSave={saveSettings} />

      <div id={historyId} hidden={!showHistory}>
        {showHistory ? <FlagHistory flag={flag} busy={busy} onRevert={revert} /> : null}
      </div>

      <ConfirmDialog
        open={confirming}
        title={`Turn ${flag.enabled ? 'off' : 'on'} ${flag.key}?`}
        confirmLabel={flag.enabled ? 'Yes, turn it off' : 'Yes, turn it on'}
        onConfirm={toggle}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {flag.enabled
            ? `Every shopper stops seeing it within ${ttlSeconds} seconds.`
            : `Shoppers in its audience (${describeState({ ...flag, enabled: true })}) see it within ${ttlSeconds} seconds.`}
        </p>
      </ConfirmDialog>
    </article>
  );
}
