'use client';

import { useEffect, useId, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import type { Campaign } from '@/server/campaigns';
import styles from './campaigns.module.css';
import { describeProgress, STATUS_LABEL } from './describe-campaign';

// A campaign's send progress. The server renders it with the current counts (so it reads right without script);
// once hydrated, while a send is under way (or was just asked for), it polls GET /api/admin/campaigns/[id] every
// second until the campaign is sent.

type Progress = Pick<Campaign, 'id' | 'status' | 'total' | 'sent' | 'skipped' | 'failed'>;

export function CampaignProgress({ initial, live }: { initial: Progress; live: boolean }) {
  const [progress, setProgress] = useState(initial);
  const labelId = useId();
  const polling = progress.status === 'sending' || (live && progress.status === 'draft');

  useEffect(() => {
    if (!polling) return;
    const controller = new AbortController();
    let busy = false;
    const timer = setInterval(async () => {
      if (busy) return;
      busy = true;
      const res = await apiRequest<Campaign>(`/api/admin/campaigns/${encodeURIComponent(initial.id)}`, { signal: controller.signal });
      busy = false;
      if (res.ok && !controller.signal.aborted) setProgress(res.data);
    }, 1000);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [polling, initial.id]);

  const text = describeProgress(progress);
  return (
    <div className={styles.progress}>
      <p>
        Status: <strong>{STATUS_LABEL[progress.status]}</strong>
      </p>
      <p id={labelId} role="status" aria-live="polite">
        {text}
      </p>
      <progress
        aria-labelledby={labelId}
        max={Math.max(progress.total, 1)}
        value={progress.total === 0 ? 0 : progress.sent + progress.skipped + progress.failed}
      />
    </div>
  );
}
