// --compare <previous.json>: how this run moved against an earlier one. Throughput is compared as the ratio to
// the static page (each run's own baseline), since absolute req/s on a shared machine mostly measures the neighbours.
import type { BenchResult } from './bench-result';

const signed = (v: number, digits = 0, unit = '') => `${v >= 0 ? '+' : ''}${v.toFixed(digits)}${unit}`;

export function compareResults(current: BenchResult, previous: BenchResult): string {
  const lines: string[] = [];
  lines.push(`## Change against ${previous.date} (commit ${previous.machine.gitCommit?.slice(0, 10) ?? '?'})`);
  lines.push('');
  lines.push('| target | × static before → now | p50 ms before → now | p99 ms before → now | errors before → now |');
  lines.push('| --- | --- | --- | --- | --- |');
  for (const now of current.load) {
    const was = previous.load.find((l) => l.name === now.name);
    if (!was) continue;
    lines.push(
      `| \`${now.path}\` | ${was.ratioToStatic.requestsPerSecond.toFixed(2)} → ${now.ratioToStatic.requestsPerSecond.toFixed(2)} (${signed(now.ratioToStatic.requestsPerSecond - was.ratioToStatic.requestsPerSecond, 2)}) ` +
        `| ${was.p50Ms} → ${now.p50Ms} (${signed(now.p50Ms - was.p50Ms)}) | ${was.p99Ms} → ${now.p99Ms} (${signed(now.p99Ms - was.p99Ms)}) | ${was.errors} → ${now.errors} |`,
    );
  }
  lines.push('');
  lines.push('| page | performance | accessibility | best practices | SEO |');
  lines.push('| --- | --- | --- | --- | --- |');
  for (const now of current.lighthouse) {
    const was = previous.lighthouse.find((l) => l.name === now.name);
    if (!was) continue;
    const cell = (a: number | null, b: number | null) => (a === null || b === null ? `${a ?? '–'} → ${b ?? '–'}` : `${a} → ${b} (${signed(b - a)})`);
    lines.push(
      `| \`${now.path}\` | ${cell(was.performance, now.performance)} | ${cell(was.accessibility, now.accessibility)} | ${cell(was.bestPractices, now.bestPractices)} | ${cell(was.seo, now.seo)} |`,
    );
  }
  lines.push('');
  lines.push('| route | first-load JS gzipped kB before → now |');
  lines.push('| --- | --- |');
  for (const now of current.firstLoadJs) {
    const was = previous.firstLoadJs.find((j) => j.route === now.route);
    if (was)
      lines.push(
        `| \`${now.route}\` | ${(was.gzipBytes / 1000).toFixed(1)} → ${(now.gzipBytes / 1000).toFixed(1)} (${signed((now.gzipBytes - was.gzipBytes) / 1000, 1)}) |`,
      );
  }
  lines.push('');
  const budgetChanges = current.budgets.filter((b) => {
    const was = previous.budgets.find((p) => p.budget === b.budget);
    return was && was.met !== b.met;
  });
  if (budgetChanges.length > 0) {
    lines.push('Budgets that changed state:');
    for (const b of budgetChanges) lines.push(`- ${b.budget}: now ${b.met ? 'met' : 'missed'} (${b.measured})`);
  } else {
    lines.push('No budget changed state.');
  }
  lines.push('');
  return lines.join('\n');
}
