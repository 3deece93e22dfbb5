import { TableScroll } from '@/components/admin/table-scroll';
import type { AnalyticsDashboard, ExperimentResult, VitalsRow } from '@/server/analytics';
import { formatMoney, money } from '@/server/platform/money';
import styles from './analytics.module.css';
import { ChartFigure } from './chart-figure';
import { collapseEmptyDays } from './collapse-days';
import { Plot, plotSvg } from './plot-svg';
import { rateVital, VITAL_THRESHOLDS } from './vital-thresholds';

// The marketers' dashboard, server-rendered: every chart is SVG in the HTML with a data table under it.

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (n: number) => n.toLocaleString('en-US');
const dollars = (minor: number) => minor / 100;
// Axis labels are 15 px in a PLOT_WIDTH drawing (≥ 12 px however narrow the panel): about 17 characters fit the
// left margin; the table under each chart has the whole name.
const shorten = (s: string) => (s.length > 17 ? `${s.slice(0, 16)}…` : s);

/**
 * An axis of counts (visitors, views, searches): whole numbers only, in the page's number format, over at least 0–1,
 * so a range with nothing in it draws "0" and "1" rather than Plot's lone "0.000000", a small one no "0.5", and three
 * ticks or so, whose "12,000"s do not run into each other on a phone.
 */
function countAxis(label: string, values: number[]) {
  const max = Math.max(1, ...values);
  return { grid: true, label, domain: [0, max], ticks: Math.min(3, max), tickFormat: (d: number) => (Number.isInteger(d) ? num(d) : '') };
}

type Column = {
  label: string;
  numeric?: boolean;
  /** Long unbroken values (page paths): may break anywhere rather than widen the table. Otherwise words stay whole. */
  anywhere?: boolean;
};

function cellClass(c: Column): string | undefined {
  return [c.numeric ? styles.num : '', c.anywhere ? styles.anywhere : ''].filter(Boolean).join(' ') || undefined;
}

function Table({ caption, head, rows }: { caption: string; head: Column[]; rows: (string | number)[][] }) {
  return (
    <TableScroll label={caption}>
      <table className={styles.table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h.label} scope="col" className={h.numeric ? styles.num : undefined}>
                {h.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={head.length} className={styles.empty}>
                Nothing in this range.
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={String(r[0])}>
                {r.map((cell, i) => (
                  <td key={head[i]!.label} className={cellClass(head[i]!)}>
                    {typeof cell === 'number' ? num(cell) : cell}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}

function RevenueByDay({ data }: { data: AnalyticsDashboard['summary']['byDay'] }) {
  const step = Math.max(1, Math.ceil(data.length / 5));
  const svg = plotSvg('Revenue by day, in dollars', {
    height: 240,
    marginLeft: 64,
    marginBottom: 36,
    x: { type: 'band', label: null, tickFormat: (d: string) => (data.findIndex((r) => r.day === d) % step === 0 ? d.slice(5) : '') },
    y: { grid: true, label: 'Revenue ($)', domain: [0, Math.max(10, ...data.map((d) => dollars(d.revenue.amount)))], tickFormat: (d: number) => num(d) },
    marks: [Plot.barY(data, { x: 'day', y: (d: (typeof data)[number]) => dollars(d.revenue.amount), fill: '#2f5d50' }), Plot.ruleY([0])],
  });
  return (
    <ChartFigure
      id="revenue"
      title="Revenue and orders by day"
      question="Is the shop selling more or less than last week? Which days sold?"
      svg={svg}
      table={
        <Table
          caption="Revenue and orders by day"
          head={[{ label: 'Day' }, { label: 'Orders', numeric: true }, { label: 'Revenue', numeric: true }]}
          rows={collapseEmptyDays(data).map((d) => [d.label, d.orders, formatMoney(d.revenue)])}
        />
      }
    />
  );
}

function Funnel({ funnel }: { funnel: AnalyticsDashboard['summary']['funnel'] }) {
  const steps = [
    { step: 'Viewed a product', visitors: funnel.productViews },
    { step: 'Added to cart', visitors: funnel.addToCarts },
    { step: 'Started checkout', visitors: funnel.checkouts },
    { step: 'Ordered', visitors: funnel.orders },
  ];
  const rate = (i: number) => (i === 0 ? '—' : steps[i - 1]!.visitors ? pct(steps[i]!.visitors / steps[i - 1]!.visitors) : '—');
  const svg = plotSvg('Funnel: visitors at each step', {
    height: 220,
    marginLeft: 150,
    marginRight: 24,
    x: countAxis(
      'Visitors',
      steps.map((s) => s.visitors),
    ),
    y: { label: null, domain: steps.map((s) => s.step) },
    marks: [Plot.barX(steps, { y: 'step', x: 'visitors', fill: '#2f5d50' }), Plot.ruleX([0])],
  });
  return (
    <ChartFigure
      id="funnel"
      title="Funnel"
      question="Where do shoppers drop out between looking at a product and ordering? (Visitors reaching each step.)"
      svg={svg}
      table={
        <Table
          caption="Funnel"
          head={[
            { label: 'Step' },
            { label: 'Visitors', numeric: true },
            { label: 'From the step before', numeric: true },
            { label: 'From product views', numeric: true },
          ]}
          rows={steps.map((s, i) => [s.step, s.visitors, rate(i), funnel.productViews ? pct(s.visitors / funnel.productViews) : '—'])}
        />
      }
    />
  );
}

function TopProducts({ products }: { products: AnalyticsDashboard['topProducts'] }) {
  const svg = products.length
    ? plotSvg('Top products by views', {
        height: 40 + products.length * 28,
        marginLeft: 170,
        marginRight: 24,
        x: countAxis(
          'Views',
          products.map((p) => p.views),
        ),
        y: { label: null, domain: products.map((p) => p.name), tickFormat: shorten },
        marks: [Plot.barX(products, { y: 'name', x: 'views', fill: '#2f5d50' }), Plot.ruleX([0])],
      })
    : null;
  return (
    <ChartFigure
      id="products"
      title="Top products"
      question="Which products draw the most attention, and which of them get added to carts?"
      svg={svg}
      table={
        <Table
          caption="Top products"
          head={[{ label: 'Product' }, { label: 'Views', numeric: true }, { label: 'Units added to cart', numeric: true }]}
          rows={products.map((p) => [p.name, p.views, p.unitsAdded])}
        />
      }
    />
  );
}

function TopPages({ pages }: { pages: AnalyticsDashboard['topPages'] }) {
  const svg = pages.length
    ? plotSvg('Top pages by views', {
        height: 40 + pages.length * 28,
        marginLeft: 170,
        marginRight: 24,
        x: countAxis(
          'Page views',
          pages.map((p) => p.views),
        ),
        y: { label: null, domain: pages.map((p) => p.path), tickFormat: shorten },
        marks: [Plot.barX(pages, { y: 'path', x: 'views', fill: '#2f5d50' }), Plot.ruleX([0])],
      })
    : null;
  return (
    <ChartFigure
      id="pages"
      title="Top pages"
      question="Where do shoppers spend their visits?"
      svg={svg}
      table={
        <Table
          caption="Top pages"
          head={[
            { label: 'Page', anywhere: true },
            { label: 'Views', numeric: true },
            { label: 'Visitors', numeric: true },
          ]}
          rows={pages.map((p) => [p.path, p.views, p.visitors])}
        />
      }
    />
  );
}

function Searches({ id, title, question, rows }: { id: string; title: string; question: string; rows: { q: string; count: number }[] }) {
  const svg = rows.length
    ? plotSvg(title, {
        height: 40 + rows.length * 26,
        marginLeft: 170,
        marginRight: 24,
        x: countAxis(
          'Searches',
          rows.map((r) => r.count),
        ),
        y: { label: null, domain: rows.map((r) => r.q), tickFormat: shorten },
        marks: [Plot.barX(rows, { y: 'q', x: 'count', fill: id === 'zero' ? '#9a3b2e' : '#2f5d50' }), Plot.ruleX([0])],
      })
    : null;
  return (
    <ChartFigure
      id={id}
      title={title}
      question={question}
      svg={svg}
      table={<Table caption={title} head={[{ label: 'Search' }, { label: 'Searches', numeric: true }]} rows={rows.map((r) => [r.q, r.count])} />}
    />
  );
}

function Experiment({ result }: { result: ExperimentResult }) {
  const arms = [
    { side: 'With the flag on', ...result.exposed },
    { side: 'Without it', ...result.notExposed },
  ];
  const svg = plotSvg(`${result.flagKey}: conversion with and without, with 95% intervals`, {
    height: 150,
    marginLeft: 140,
    marginRight: 24,
    x: { grid: true, label: 'Conversion (%)', domain: [0, Math.max(5, ...arms.map((a) => a.conversionInterval.high * 100))] },
    y: { label: null, domain: arms.map((a) => a.side) },
    marks: [
      Plot.ruleY(arms, {
        y: 'side',
        x1: (a: (typeof arms)[number]) => a.conversionInterval.low * 100,
        x2: (a: (typeof arms)[number]) => a.conversionInterval.high * 100,
        strokeWidth: 3,
      }),
      Plot.dot(arms, { y: 'side', x: (a: (typeof arms)[number]) => a.conversionRate * 100, r: 5, fill: 'currentColor' }),
    ],
  });
  const rpv = result.revenuePerVisitor;
  const finite = Number.isFinite(rpv.interval.low) && Number.isFinite(rpv.interval.high);
  return (
    <ChartFigure
      id={`experiment-${result.flagKey}`}
      title={`Experiment: ${result.flagKey}`}
      question="Did visitors who saw this feature order more, and spend more per visitor, than those who did not?"
      svg={svg}
      table={
        <>
          <p className={styles.verdict}>{result.verdict.text}</p>
          <Table
            caption={`Experiment ${result.flagKey}`}
            head={[
              { label: 'Side' },
              { label: 'Visitors', numeric: true },
              { label: 'Ordered', numeric: true },
              { label: 'Conversion (95% CI)', numeric: true },
              { label: 'Revenue per visitor', numeric: true },
            ]}
            rows={arms.map((a) => [
              a.side,
              a.visitors,
              a.converted,
              `${pct(a.conversionRate)} (${pct(a.conversionInterval.low)}–${pct(a.conversionInterval.high)})`,
              formatMoney(a.revenuePerVisitor),
            ])}
          />
          <p>
            Revenue per visitor, with minus without: {formatMoney(money(Math.round(rpv.difference)))}
            {finite
              ? ` (95% confidence interval ${formatMoney(money(Math.round(rpv.interval.low)))} to ${formatMoney(money(Math.round(rpv.interval.high)))}).`
              : ' (not enough visitors for an interval).'}
          </p>
        </>
      }
    />
  );
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function vitalCell(metric: keyof typeof VITAL_THRESHOLDS, value: number | null): string {
  if (value === null) return 'no samples';
  const shown = metric === 'clsP75' ? value.toFixed(3) : metric === 'lcpP75' ? seconds(value) : `${Math.round(value)} ms`;
  return `${shown} (${rateVital(metric, value)})`;
}

function Vitals({ rows }: { rows: VitalsRow[] }) {
  const measured = rows.filter((r) => r.lcpP75 !== null);
  const svg = measured.length
    ? plotSvg('Largest Contentful Paint, 75th percentile by page template, in seconds, with the 2.5 s good threshold', {
        height: 60 + measured.length * 30,
        marginLeft: 150,
        marginRight: 24,
        x: { grid: true, label: 'LCP p75 (s)', domain: [0, Math.max(3, ...measured.map((r) => (r.lcpP75 ?? 0) / 1000))] },
        y: { label: null, domain: measured.map((r) => r.template), tickFormat: shorten },
        marks: [
          Plot.barX(measured, {
            y: 'template',
            x: (r: VitalsRow) => (r.lcpP75 ?? 0) / 1000,
            fill: (r: VitalsRow) => ((r.lcpP75 ?? 0) <= VITAL_THRESHOLDS.lcpP75.good ? '#2f5d50' : '#9a3b2e'),
          }),
          Plot.ruleX([VITAL_THRESHOLDS.lcpP75.good / 1000], { stroke: '#1f2a27', strokeDasharray: '4 3' }),
          Plot.ruleX([0]),
        ],
      })
    : null;
  return (
    <ChartFigure
      id="vitals"
      title="Real-user speed (Core Web Vitals)"
      question="How fast is each kind of page for real shoppers? 75th percentile against the good thresholds: LCP ≤ 2.5 s, INP ≤ 200 ms, CLS ≤ 0.1."
      svg={svg}
      table={
        <Table
          caption="Core Web Vitals, 75th percentile by page template"
          head={[
            { label: 'Page template' },
            { label: 'LCP', numeric: true },
            { label: 'INP', numeric: true },
            { label: 'CLS', numeric: true },
            { label: 'Samples', numeric: true },
          ]}
          rows={rows.map((r) => [r.template, vitalCell('lcpP75', r.lcpP75), vitalCell('inpP75', r.inpP75), vitalCell('clsP75', r.clsP75), r.samples])}
        />
      }
    />
  );
}

export function AnalyticsDashboardView({ data }: { data: AnalyticsDashboard }) {
  const { summary } = data;
  return (
    <>
      <dl className={styles.kpis}>
        <div className={styles.kpi}>
          <dt>Orders</dt>
          <dd>{num(summary.orders)}</dd>
        </div>
        <div className={styles.kpi}>
          <dt>Revenue</dt>
          <dd>{formatMoney(summary.revenue)}</dd>
        </div>
        <div className={styles.kpi}>
          <dt>Average order value</dt>
          <dd>{formatMoney(summary.averageOrderValue)}</dd>
        </div>
      </dl>
      <div className={styles.grid}>
        <RevenueByDay data={summary.byDay} />
        <Funnel funnel={summary.funnel} />
        <TopProducts products={data.topProducts} />
        <TopPages pages={data.topPages} />
        <Searches id="searches" title="Top searches" question="What are shoppers looking for?" rows={summary.topSearches} />
        <Searches
          id="zero"
          title="Zero-result searches"
          question="What do shoppers look for that the catalog does not have (or does not call by that name)?"
          rows={summary.zeroResultSearches}
        />
        <Vitals rows={summary.vitals} />
      </div>
      <h2>Experiments</h2>
      <p>Flags rolled out to part of the shop, read as experiments: visitors who saw the flag on against visitors who saw it off, over the same range.</p>
      {data.experiments.length === 0 ? (
        <p className={styles.empty}>No flag was in a partial rollout (between 0% and 100%) in this range.</p>
      ) : (
        <div className={styles.grid}>
          {data.experiments.map((e) => (
            <Experiment key={e.flagKey} result={e} />
          ))}
        </div>
      )}
    </>
  );
}
