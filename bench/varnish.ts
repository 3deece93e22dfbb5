// The CDN stand-in of `npm run bench`: Varnish (Debian's `varnish` package) in front of the bench server, configured
// like the CloudFront cache policy in sst.config.ts: on the catalog pages cookies are dropped (they are not in the
// key and the origin reads none), the key is the URL plus the `rsc` header (Next's Flight requests; `_rsc` is in the
// URL), the TTL is the origin's own s-maxage / stale-while-revalidate; everything else is passed to the origin
// uncached. Started and stopped by the bench itself, as a child in the foreground (-F), on 127.0.0.1 only.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Cdn {
  origin: string;
  stop(): Promise<void>;
}

/** Where varnishd is, or null with the reason printed once by the caller. */
export function findVarnishd(): string | null {
  for (const candidate of ['/usr/sbin/varnishd', '/usr/bin/varnishd']) {
    try {
      execFileSync(candidate, ['-V'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // Not there.
    }
  }
  return null;
}

export const VARNISH_MISSING = 'varnishd not found: install it with `sudo apt-get install -y varnish` (Debian/Ubuntu) to get the CDN rows.';

function vcl(backendPort: number): string {
  return `vcl 4.1;

backend origin {
  .host = "127.0.0.1";
  .port = "${backendPort}";
  .first_byte_timeout = 30s;
}

sub vcl_recv {
  # The catalog pages (server/platform/http/catalog-pages.ts): the same for everyone, so no cookie in the request or the key,
  # as CloudFront's cache policy forwards none for them.
  if (req.method == "GET" && req.url ~ "^/(c/[^/?]+|p/[^/?]+)?(\\?.*)?$") {
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
  }
  return (pass);
}

sub vcl_hash {
  hash_data(req.url);
  if (req.http.rsc) {
    hash_data(req.http.rsc);
  }
  return (lookup);
}

sub vcl_backend_response {
  # Never store an answer that sets a cookie (the origin sends none on these paths; this is the belt to its braces).
  if (beresp.http.Set-Cookie) {
    set beresp.uncacheable = true;
    return (deliver);
  }
}

sub vcl_deliver {
  if (obj.hits > 0) {
    set resp.http.X-Cache = "hit";
  } else {
    set resp.http.X-Cache = "miss";
  }
}
`;
}

export async function startVarnish(varnishd: string, listenPort: number, backendPort: number): Promise<Cdn> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-varnish-'));
  const vclFile = path.join(dir, 'bench.vcl');
  writeFileSync(vclFile, vcl(backendPort), { mode: 0o644 });
  // Started as root, varnishd compiles the VCL as its own unprivileged user: mkdtemp's 0700 folder would hide it.
  chmodSync(dir, 0o755);
  const child: ChildProcess = spawn(varnishd, ['-F', '-a', `127.0.0.1:${listenPort}`, '-f', vclFile, '-n', path.join(dir, 'work'), '-s', 'malloc,64m'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${listenPort}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`varnishd exited with ${child.exitCode}`);
    }
    try {
      const res = await fetch(`${origin}/api/categories`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('varnishd did not answer within 60 s');
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { origin, stop };
}

/** Whether the CDN now answers `path` from its cache (the second of two requests). */
export async function servesFromCache(origin: string, path: string): Promise<boolean> {
  let hit = false;
  for (let i = 0; i < 3 && !hit; i++) {
    const res = await fetch(new URL(path, origin));
    await res.arrayBuffer();
    hit = res.headers.get('x-cache') === 'hit';
  }
  return hit;
}
