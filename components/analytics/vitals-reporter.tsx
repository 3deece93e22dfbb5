'use client';

import { useEffect } from 'react';
import { type Metric, onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals';

// Real-user Core Web Vitals (POST /api/vitals): the web-vitals library reports each metric once it is final, often
// as the page is hidden, so the request is keepalive and survives the unload. The path is the one the metric was
// measured on (the first page of the visit: LCP, CLS and INP belong to the hard load), never its query string.
// The server applies the page-view consent rules; staff pages are not reported.
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
    onLCP(report);
    onINP(report);
    onCLS(report);
    onFCP(report);
    onTTFB(report);
  }, []);
  return null;
}
