import type { ReactNode } from 'react';

// Email HTML from a React element tree, without react-dom. Why: mail is sent from route handlers and server actions,
// which Next runs under the `react-server` condition, where `react-dom/server` (what @react-email/render calls)
// refuses to load; the stream consumers run without it. The email components (@react-email/components) are plain
// function and forwardRef components with inline styles and no hooks, so a static walk renders them exactly,
// in every runtime. ADR 0021 has the trade-off; order-emails.unit.test.tsx runs it, and so do the integration
// tests that drive the senders under `react-server`.

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const FRAGMENT = Symbol.for('react.fragment');
const FORWARD_REF = Symbol.for('react.forward_ref');
const MEMO = Symbol.for('react.memo');

/** CSS properties whose numbers take no unit (react-dom's list, the part email styles can use). */
const UNITLESS = new Set(['lineHeight', 'fontWeight', 'opacity', 'zIndex', 'flex', 'flexGrow', 'flexShrink', 'order', 'zoom', 'orphans', 'widows']);

const ATTRIBUTE_NAMES: Record<string, string> = {
  className: 'class',
  htmlFor: 'for',
  httpEquiv: 'http-equiv',
  cellPadding: 'cellpadding',
  cellSpacing: 'cellspacing',
  colSpan: 'colspan',
  rowSpan: 'rowspan',
  charSet: 'charset',
};

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

function styleText(style: Record<string, unknown>): string {
  return Object.entries(style)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => {
      const name = k.startsWith('--') ? k : k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      const value = typeof v === 'number' && v !== 0 && !UNITLESS.has(k) ? `${v}px` : String(v);
      return `${name}:${value}`;
    })
    .join(';');
}

function attributes(props: Record<string, unknown>): string {
  let out = '';
  for (const [key, value] of Object.entries(props)) {
    if (key === 'children' || key === 'ref' || key === 'key' || value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') continue;
    if (key === 'style') {
      const css = styleText(value as Record<string, unknown>);
      if (css) out += ` style="${escapeAttribute(css)}"`;
      continue;
    }
    const name = ATTRIBUTE_NAMES[key] ?? key;
    out += value === true && !name.startsWith('data-') && !name.startsWith('aria-') ? ` ${name}=""` : ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return out;
}

type ElementLike = { type: unknown; props: Record<string, unknown> };

export function renderStaticMarkup(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string') return escapeText(node);
  if (typeof node === 'number' || typeof node === 'bigint') return String(node);
  if (Array.isArray(node)) return node.map(renderStaticMarkup).join('');
  if (typeof node !== 'object' || !('type' in node)) throw new TypeError('emails render elements, text and arrays only');
  const { type, props } = node as ElementLike;
  if (type === FRAGMENT) return renderStaticMarkup(props.children as ReactNode);
  if (typeof type === 'function') return renderStaticMarkup((type as (p: unknown) => ReactNode)(props));
  if (typeof type === 'object' && type !== null) {
    const t = type as { $$typeof?: symbol; render?: (p: unknown, ref: null) => ReactNode; type?: unknown };
    if (t.$$typeof === FORWARD_REF && t.render) return renderStaticMarkup(t.render(props, null));
    if (t.$$typeof === MEMO) return renderStaticMarkup({ type: t.type, props } as unknown as ReactNode);
  }
  if (typeof type !== 'string') throw new TypeError('emails cannot render this kind of component (no context, lazy or client components)');
  const open = `<${type}${attributes(props)}`;
  if (VOID.has(type)) return `${open}/>`;
  return `${open}>${renderStaticMarkup(props.children as ReactNode)}</${type}>`;
}
