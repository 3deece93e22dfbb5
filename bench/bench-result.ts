// The shape of bench/results/latest.json: what one run measured, where, and how the budgets came out.
import type { RouteJs } from './first-load-js';
import type { LighthouseScores } from './lighthouse-audit';
import type { LoadResult } from './load-test';
import type { MachineInfo } from './machine-info';
import type { SearchColdStartRow } from './search-cold-start';
import type { SearchTiming } from './search-timing';

export interface LoadRow extends LoadResult {
  /** This target's figure divided by the static page's, measured in the same run on the same server. */
  ratioToStatic: { requestsPerSecond: number; p50: number; p99: number };
}

export interface BudgetCheck {
  budget: string;
  measured: string;
  met: boolean;
  note?: string;
}

export interface BenchResult {
  date: string;
  machine: MachineInfo;
  settings: { connections: number; durationSeconds: number; lighthouse: string; build: 'built' | 'reused'; catalogProducts: number | null };
  targets: { categorySlug: string; productSlug: string; searchWord: string };
  load: LoadRow[];
  lighthouse: LighthouseScores[];
  firstLoadJs: RouteJs[];
  search: SearchTiming;
  /** The search index at a cold start: full Scan vs S3 snapshot (absent in results from before the snapshots). */
  searchColdStart?: SearchColdStartRow[];
  budgets: BudgetCheck[];
}
