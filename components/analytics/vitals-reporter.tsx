'use client';

import { useEffect } from 'react';
import type { Metric } from 'web-vitals';

// Real-user Core Web Vitals (POST /api/vitals): the web-vitals library reports each metric once it is final, often
// as the page is hidden, so the request is keepalive and survives the unload. The path is the one the metric was
// measured on (the first page of the visit: LCP, CLS and INP belong to the hard load), never its query string.
// The server applies the page-view consent rules; staff pages are not reported.
// The library (~3 kB gzipped) is fetched after hydration, off every page's first load (docs/adr/0034): its observers
// read the browser's buffered entries, so paint, layout-shift and navigation timings from before it arrived count.
function send(metric: Metric, path: string): void {
  void fetch('/api/vitals', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: metric.name, value: Math.max(0, metric.value), path }),
    keepalive: true,
    credentials: 'same-origin',
  }).catch(() => {});
}

export function VitalsReporter() {
  useEffect(() => {
    const path = window.location.pathname;
    if (path.startsWith('/admin')) return;
    const report = (metric: Metric) => send(metric, path);
    let cancelled = false;
    import('web-vitals').then(
      ({ onLCP, onINP, onCLS, onFCP, onTTFB }) => {
        if (cancelled) return;
        onLCP(report);
        onINP(report);
        onCLS(report);
        onFCP(report);
        onTTFB(report);
      },
      // The chunk could not be fetched (offline, a deploy in flight): this page view goes unmeasured.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return null;
}
