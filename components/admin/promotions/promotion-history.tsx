'use client';

import { useEffect, useState } from 'react';
import type { PromotionAuditEntry } from '@/server/promotions';
import { describeOffer } from './describe-promotion';
import styles from './promotions-admin.module.css';
import { fetchPromotionHistory } from './promotions-api';

type Settings = PromotionAuditEntry['after'];

/** The fields that differ between two snapshots, in words ("active: on → off"). */
function changes(before: Settings | null, after: Settings): string {
  if (!before) return `created: ${describeOffer(after)}${after.automatic ? ', automatic' : ''}${after.active ? '' : ', paused'}`;
  const keys = Object.keys(after) as (keyof Settings)[];
  const show = (v: unknown) => (v === null ? 'none' : typeof v === 'boolean' ? (v ? 'on' : 'off') : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const diff = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`);
  return diff.join('; ') || 'no change';
}

/** Who changed the promotion, when, and what, newest first; reloads when the version changes. */
export function PromotionHistory({ code, version }: { code: string; version: number }) {
  const [entries, setEntries] = useState<PromotionAuditEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger, so the history reloads after every change
  useEffect(() => {
    let live = true;
    void fetchPromotionHistory(code).then((res) => {
      if (!live) return;
      if (res.ok) setEntries(res.data.entries);
      else setProblem(res.message);
    });
    return () => {
      live = false;
    };
  }, [code, version]);
  if (problem) return <p className={styles.alert}>{problem}</p>;
  if (!entries) return <p aria-busy="true">Loading history…</p>;
  return (
    <ol className={styles.history} aria-label={`History of ${code}`}>
      {entries.map((e) => (
        <li key={e.entryId}>
          <time dateTime={e.at}>{new Date(e.at).toLocaleString('en-US', { timeZone: 'UTC' })} UTC</time> · {e.by} · version {e.version}:{' '}
          {changes(e.before, e.after)}
        </li>
      ))}
    </ol>
  );
}
