// Search index at a cold start: the full Scan against the S3 snapshot (docs/search.md, "Snapshots in S3"), at
// catalog scale. server/search/testing/measure-cold-start.ts runs on a stack of its own and prints its rows as the
// last line; run as a child with --conditions=react-server so `server-only` resolves as in Next.
import { spawn } from 'node:child_process';
import type { ColdStartRow } from '../server/search/testing/measure-cold-start';

export type SearchColdStartRow = ColdStartRow;

export async function measureSearchColdStart(counts: number[] = [10_000, 50_000]): Promise<SearchColdStartRow[]> {
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'server/search/testing/measure-cold-start.ts', ...counts.map(String)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`measure-cold-start exited with ${code}`))));
  });
  const line = output.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`measure-cold-start printed no result:\n${output}`);
  return JSON.parse(line.slice('RESULT '.length)) as SearchColdStartRow[];
}

// `node --import tsx bench/search-cold-start.ts [count ...]`: this piece alone, without the whole bench.
if (import.meta.url === `file://${process.argv[1]}`) {
  const counts = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  console.log(JSON.stringify(await measureSearchColdStart(counts.length > 0 ? counts : undefined), null, 2));
}
