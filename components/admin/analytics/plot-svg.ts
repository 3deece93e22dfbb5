import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

// Charts are drawn on the server with Observable Plot (ADR 0013): Plot builds its SVG
// through a DOM, which linkedom provides here, so the page ships finished SVG and no charting JavaScript. The SVG
// is role="img" with the chart's label; every chart has a data table beside it for screen readers and for exact
// numbers. Plot escapes text it writes into the SVG (text nodes), so product names and queries cannot inject markup.

/**
 * Every chart is drawn this wide with 15 px text and shown no wider (analytics.module.css), so on the narrowest panel
 * (a 390 px phone: about 325 px) its text is still ≥ 12 px; a 640 px drawing squeezed into a panel read as 8.6 px.
 */
export const PLOT_WIDTH = 400;

export function plotSvg(label: string, options: Omit<Plot.PlotOptions, 'document'>): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({
    width: PLOT_WIDTH,
    ...options,
    document,
    ariaLabel: label,
    style: { background: 'transparent', fontSize: '15px', overflow: 'visible' },
  }) as unknown as Element;
  svg.setAttribute('role', 'img');
  // Plot labels its mark groups ("bar", "rule") with aria-label, which ARIA forbids on a plain <g>; inside a
  // role="img" they are not read anyway (the chart's label and its data table are), so they go.
  for (const mark of svg.querySelectorAll('[aria-label]')) if (mark !== svg) mark.removeAttribute('aria-label');
  return svg.outerHTML;
}

export { Plot };
