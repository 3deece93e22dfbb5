'use client';

import { type KeyboardEvent, type PointerEvent, type ReactNode, useRef, useState } from 'react';
import { type DistanceUnit, scaleBar } from '@/server/locations/contract';

// Pan and zoom for the server-drawn store map (store-map.tsx): the base map arrives as SVG children and is only
// transformed here, so this island is a few kilobytes whatever the map holds. Markers are drawn here, outside the
// transform, so they keep their size when zoomed. Buttons, the keyboard (arrows pan, + and − zoom, 0 resets, when
// the map has focus) and a pointer drag all move the same view. Before hydration it is the plain map.

export type MapMarker = { id: string; x: number; y: number; kind: 'store' | 'my-store' | 'origin'; label: string; n?: number };

type View = { k: number; x: number; y: number };

const MIN_K = 0.5;
const MAX_K = 12;
const STEP = 1.6;
const PAN_PX = 60;
/** How far beyond the frame the server drew the base map (base-map.ts CLIP_MARGIN): the view never shows past it. */
const MARGIN = 0.5;

function clampView(v: View, width: number, height: number): View {
  const k = Math.min(MAX_K, Math.max(MIN_K, v.k));
  const clamp = (t: number, size: number) => Math.min(k * size * MARGIN, Math.max(size - k * size * (1 + MARGIN), t));
  return { k, x: clamp(v.x, width), y: clamp(v.y, height) };
}

/** Zoom by `factor` keeping the point (cx, cy) of the frame where it is. */
function zoomAt(v: View, factor: number, cx: number, cy: number): View {
  const k = Math.min(MAX_K, Math.max(MIN_K, v.k * factor));
  const f = k / v.k;
  return { k, x: cx - (cx - v.x) * f, y: cy - (cy - v.y) * f };
}

export function MapViewport(props: {
  width: number;
  height: number;
  label: string;
  markers: MapMarker[];
  widthKm: number;
  unit: DistanceUnit;
  attribution: string;
  children: ReactNode;
}) {
  const { width, height, markers } = props;
  const home: View = { k: 1, x: 0, y: 0 };
  const [view, setView] = useState<View>(home);
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ id: number; sx: number; sy: number; view: View } | null>(null);
  const set = (v: View) => setView(clampView(v, width, height));
  // The buttons and keys zoom about "you are here" (else the shopper's store) while it is in the frame, so the stores
  // around it spread out instead of sliding off the edge; otherwise about the frame's centre.
  const focus = markers.find((m) => m.kind === 'origin') ?? markers.find((m) => m.kind === 'my-store');
  const zoom = (factor: number) => {
    const fx = focus ? view.x + focus.x * view.k : -1;
    const fy = focus ? view.y + focus.y * view.k : -1;
    const inFrame = fx >= 0 && fx <= width && fy >= 0 && fy <= height;
    set(zoomAt(view, factor, inFrame ? fx : width / 2, inFrame ? fy : height / 2));
  };
  const pan = (dx: number, dy: number) => set({ ...view, x: view.x + dx, y: view.y + dy });

  /** CSS pixels to the SVG's own units (the frame is scaled to the page's width). */
  const unitsPerPx = () => width / (svg.current?.getBoundingClientRect().width || width);

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    switch (e.key) {
      case 'ArrowLeft':
        pan(PAN_PX, 0);
        break;
      case 'ArrowRight':
        pan(-PAN_PX, 0);
        break;
      case 'ArrowUp':
        pan(0, PAN_PX);
        break;
      case 'ArrowDown':
        pan(0, -PAN_PX);
        break;
      case '+':
      case '=':
        zoom(STEP);
        break;
      case '-':
        zoom(1 / STEP);
        break;
      case '0':
        set(home);
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  function onPointerDown(e: PointerEvent<SVGSVGElement>) {
    if (e.button !== 0) return;
    drag.current = { id: e.pointerId, sx: e.clientX, sy: e.clientY, view };
    e.currentTarget.setPointerCapture(e.pointerId);
  }
  function onPointerMove(e: PointerEvent<SVGSVGElement>) {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    const u = unitsPerPx();
    set({ ...d.view, x: d.view.x + (e.clientX - d.sx) * u, y: d.view.y + (e.clientY - d.sy) * u });
  }
  const endDrag = () => {
    drag.current = null;
  };

  const bar = scaleBar(props.widthKm / view.k, width, props.unit);
  return (
    <div className="store-map">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the map takes focus so its keyboard controls (arrows, + and −) have somewhere to live */}
      <section className="store-map__frame" aria-label="Store map" aria-describedby="store-map-help" tabIndex={0} onKeyDown={onKeyDown}>
        <svg
          ref={svg}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={props.label}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
          onDoubleClick={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            const u = unitsPerPx();
            set(zoomAt(view, STEP, (e.clientX - r.left) * u, (e.clientY - r.top) * u));
          }}
        >
          <rect width={width} height={height} className="store-map__water" />
          <g transform={`translate(${view.x.toFixed(1)} ${view.y.toFixed(1)}) scale(${view.k.toFixed(3)})`}>{props.children}</g>
          {markers.map((m) => (
            <g
              key={m.id}
              className={`store-map__marker store-map__marker--${m.kind}`}
              transform={`translate(${(view.x + m.x * view.k).toFixed(1)} ${(view.y + m.y * view.k).toFixed(1)})`}
            >
              <title>{m.label}</title>
              {m.kind === 'origin' ? (
                <>
                  <circle r="17" className="store-map__halo" />
                  <circle r="7" />
                </>
              ) : m.kind === 'my-store' ? (
                <>
                  <path d="M0-16 4.7-6.5 15.2-4.9 7.6 2.5 9.4 12.9 0 8 -9.4 12.9 -7.6 2.5 -15.2-4.9 -4.7-6.5Z" />
                  {m.n ? (
                    <text y="4" textAnchor="middle">
                      {m.n}
                    </text>
                  ) : null}
                </>
              ) : (
                <>
                  <circle r={m.n ? 11 : 6} />
                  {m.n ? (
                    <text y="4" textAnchor="middle">
                      {m.n}
                    </text>
                  ) : null}
                </>
              )}
            </g>
          ))}
          <g className="store-map__scale" transform={`translate(12 ${height - 14})`}>
            <rect x="-4" y="-16" width={bar.px + 8} height="22" rx="3" />
            <path d={`M0 -4V0H${bar.px}V-4`} />
            <text x={bar.px / 2} y="-6" textAnchor="middle">
              {bar.label}
            </text>
          </g>
          <text x={width - 6} y={height - 6} textAnchor="end" className="store-map__credit">
            {props.attribution}
          </text>
        </svg>
      </section>
      <div className="store-map__controls">
        <button type="button" className="button button--ghost" onClick={() => zoom(STEP)} aria-label="Zoom in" disabled={view.k >= MAX_K}>
          +
        </button>
        <button type="button" className="button button--ghost" onClick={() => zoom(1 / STEP)} aria-label="Zoom out" disabled={view.k <= MIN_K}>
          −
        </button>
        <button type="button" className="button button--ghost" onClick={() => set(home)}>
          Reset map
        </button>
      </div>
      <p id="store-map-help" className="store-map__help">
        Drag to move the map, or focus it and use the arrow keys; + and − zoom.
      </p>
    </div>
  );
}
