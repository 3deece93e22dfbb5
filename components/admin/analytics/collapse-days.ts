import type { Money } from '@/server/platform/money';

export type DayRow = { day: string; orders: number; revenue: Money };
export type CollapsedRow = { label: string; orders: number; revenue: Money };

// The revenue table lists days that sold, and folds each run of days without orders into one row, so a quiet month
// is one line instead of thirty rows of $0.00 (the chart above still draws every day).
export function collapseEmptyDays(days: readonly DayRow[]): CollapsedRow[] {
  const out: CollapsedRow[] = [];
  let run: DayRow[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const first = run[0]!;
    const last = run.at(-1)!;
    out.push({
      label: run.length === 1 ? `${first.day} (no orders)` : `${first.day} to ${last.day} (${run.length} days, no orders)`,
      orders: 0,
      revenue: first.revenue,
    });
    run = [];
  };
  for (const d of days) {
    if (d.orders === 0) {
      run.push(d);
      continue;
    }
    flush();
    out.push({ label: d.day, orders: d.orders, revenue: d.revenue });
  }
  flush();
  return out;
}
