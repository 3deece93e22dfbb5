// One bounded autocannon run against 127.0.0.1: throughput, latency percentiles and failures.
import autocannon from 'autocannon';

export interface LoadTarget {
  name: string;
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  name: string;
  path: string;
  method: string;
  requestsPerSecond: number;
  totalRequests: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors and timeouts plus non-2xx answers: every request that did not succeed. */
  errors: number;
  non2xx: number;
}

export async function runLoad(origin: string, target: LoadTarget, opts: { connections: number; duration: number }): Promise<LoadResult> {
  const url = new URL(target.path, origin);
  if (url.hostname !== '127.0.0.1') throw new Error(`load is only ever sent to 127.0.0.1, not ${url.hostname}`);
  const method = target.method ?? 'GET';
  const result = await autocannon({
    url: url.href,
    method,
    headers: target.headers,
    body: target.body,
    connections: opts.connections,
    duration: opts.duration,
    timeout: 10,
  });
  return {
    name: target.name,
    path: target.path,
    method,
    requestsPerSecond: result.requests.average,
    totalRequests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    non2xx: result.non2xx,
  };
}

/** A few sequential requests per target, so the measured run sees warm caches ('use cache' entries, Redis, JIT). */
export async function warm(origin: string, target: LoadTarget, times = 5): Promise<void> {
  for (let i = 0; i < times; i++) {
    const res = await fetch(new URL(target.path, origin), { method: target.method ?? 'GET', headers: target.headers, body: target.body });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`warm-up ${target.method ?? 'GET'} ${target.path} answered ${res.status}`);
  }
}
