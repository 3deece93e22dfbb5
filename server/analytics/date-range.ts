import { z } from 'zod';

// The dashboard's date range: two UTC days, both included, at most a year apart. A day that is not a real
// calendar date (2026-02-30) or a range that ends before it starts is a 400, never an empty answer.

export const MAX_RANGE_DAYS = 366;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real calendar date');

export const dateRangeSchema = z
  .object({ from: day, to: day })
  .refine((r) => r.from <= r.to, { message: 'must not be before from', path: ['to'] })
  .refine((r) => daysBetween(r.from, r.to) < MAX_RANGE_DAYS, { message: `the range may span at most ${MAX_RANGE_DAYS} days`, path: ['to'] });

export type DateRange = z.infer<typeof dateRangeSchema>;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Every day of the range, in order (so a chart shows the days without orders too). */
export function daysOf(range: DateRange): string[] {
  const out: string[] = [];
  const n = daysBetween(range.from, range.to);
  for (let i = 0; i <= n; i++) out.push(new Date(Date.parse(`${range.from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));
  return out;
}

/** The last `days` days up to today (UTC): the dashboard's default. */
export function lastDays(days: number, now = new Date()): DateRange {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}
