import { type GeoProjection, geoDistance, geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, MultiLineString, MultiPoint } from 'geojson';
import { feature, mesh } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { GeoPoint } from './contract';

// The store locator's map, drawn on the server from map data shipped in npm packages (ADR 0031): no tiles, no
// network, no key. us-atlas (US Census cartographic boundaries, 1:10M) gives the nation, states and counties;
// world-atlas (Natural Earth, 1:50M) the land around it (Canada, Mexico). Neither has roads, so none are drawn.
// The answer is SVG path data in a fixed frame; the page's small island only pans and zooms it.

type UsObjects = { nation: GeometryCollection; states: GeometryCollection; counties: GeometryCollection };

export const MAP_WIDTH = 640;
export const MAP_HEIGHT = 420;
/**
 * Paths are kept this far (in frames) beyond the frame on every side, so zooming out to half size or panning shows
 * land, not a cut edge (map-viewport.tsx clamps the view to it).
 */
const CLIP_MARGIN = 0.5;
/** A view narrower than this many degrees of longitude (a metro area) is too close for one point to fill it. */
const MIN_SPAN_DEGREES = 0.6;
/** County lines help at city scale and are clutter (and weight) at a national one. */
const COUNTY_LINES_BELOW_KM = 1500;
const EARTH_RADIUS_KM = 6371.0088;

export type BaseMap = {
  width: number;
  height: number;
  /** SVG path data, in drawing order. */
  layers: { land: string; nation: string; counties: string | null; states: string; coast: string };
  /** Kilometres across the frame's width at its centre (for the scale bar). */
  widthKm: number;
};

type Layers = {
  land: FeatureCollection;
  nation: FeatureCollection;
  states: MultiLineString;
  coast: MultiLineString;
};
/** Full detail for a region or a city (with county lines); simplified for a national view, a third of the bytes. */
type AtlasFeatures = { detailed: Layers & { counties: MultiLineString }; coarse: Layers };

/**
 * Triangles smaller than this (in square degrees, Visvalingam) are dropped for the national view: about a pixel and
 * a half at its scale (~7 km a pixel), so the outline reads the same at 1x and under a third of the points remain
 * (345 kB of path data → 100 kB, measured for the all-stores frame). Zoomed far in, that view looks angular: a city
 * search draws the detailed data.
 */
const COARSE_MIN_WEIGHT = 0.01;

// Loaded on the first map only (a dynamic import: 1.3 MB of JSON that the checkout and the assistant, which import
// this domain too, must not parse), decoded once per process.
let features: Promise<AtlasFeatures> | null = null;

async function loadAtlas(): Promise<AtlasFeatures> {
  const [usModule, worldModule] = await Promise.all([import('us-atlas/counties-10m.json'), import('world-atlas/land-50m.json')]);
  const us = usModule.default as unknown as Topology<UsObjects>;
  const world = worldModule.default as unknown as Topology<{ land: GeometryCollection }>;
  const layers = (u: Topology<UsObjects>, w: Topology<{ land: GeometryCollection }>): Layers => ({
    land: feature(w, w.objects.land) as FeatureCollection,
    nation: feature(u, u.objects.nation) as FeatureCollection,
    // Shared borders once each: a line between two states is drawn once, not once per state.
    states: mesh(u, u.objects.states, (a, b) => a !== b),
    coast: mesh(u, u.objects.nation, (a, b) => a === b),
  });
  return {
    detailed: {
      ...layers(us, world),
      // County lines inside a state (the first two digits of a county's FIPS code are its state's).
      counties: mesh(us, us.objects.counties, (a, b) => a !== b && String(a.id).slice(0, 2) === String(b.id).slice(0, 2)),
    },
    coarse: layers(simplify(presimplify(us), COARSE_MIN_WEIGHT), simplify(presimplify(world), COARSE_MIN_WEIGHT)),
  };
}

function atlasFeatures(): Promise<AtlasFeatures> {
  features ??= loadAtlas().catch((err: unknown) => {
    features = null;
    throw err;
  });
  return features;
}

/** Mercator, fitted so every point sits inside the frame with room for its marker. */
export function fitProjection(points: readonly GeoPoint[], width = MAP_WIDTH, height = MAP_HEIGHT): GeoProjection {
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const midLng = (Math.min(...lngs) + Math.max(...lngs)) / 2;
  const half = MIN_SPAN_DEGREES / 2;
  const fit: MultiPoint = {
    type: 'MultiPoint',
    coordinates: [...points.map((p) => [p.lng, p.lat]), [midLng - half, midLat - half / 2], [midLng + half, midLat + half / 2]],
  };
  const padX = 48;
  const padY = 40;
  return geoMercator().fitExtent(
    [
      [padX, padY],
      [width - padX, height - padY],
    ],
    fit,
  );
}

/** One decimal is a tenth of a pixel at 1x: plenty, and a third of d3's default size; the national view, whole pixels. */
function compact(d: string | null, decimals: 0 | 1 = 1): string {
  return (d ?? '').replace(decimals === 1 ? /(\.\d)\d+/g : /\.\d+/g, decimals === 1 ? '$1' : '');
}

/** The base map behind the given points: land, the US, its state (and at city scale county) lines, the coast. */
export async function drawBaseMap(points: readonly GeoPoint[]): Promise<{ map: BaseMap; project: (p: GeoPoint) => [number, number] }> {
  const projection = fitProjection(points).clipExtent([
    [-MAP_WIDTH * CLIP_MARGIN, -MAP_HEIGHT * CLIP_MARGIN],
    [MAP_WIDTH * (1 + CLIP_MARGIN), MAP_HEIGHT * (1 + CLIP_MARGIN)],
  ]);
  const path = geoPath(projection);
  const west = projection.invert?.([0, MAP_HEIGHT / 2]);
  const east = projection.invert?.([MAP_WIDTH, MAP_HEIGHT / 2]);
  const widthKm = west && east ? geoDistance(west, east) * EARTH_RADIUS_KM : 0;
  const atlas = await atlasFeatures();
  const close = widthKm < COUNTY_LINES_BELOW_KM;
  const f = close ? atlas.detailed : atlas.coarse;
  const digits = close ? 1 : 0;
  const map: BaseMap = {
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    layers: {
      land: compact(path(f.land), digits),
      nation: compact(path(f.nation), digits),
      counties: close ? compact(path(atlas.detailed.counties)) : null,
      states: compact(path(f.states), digits),
      coast: compact(path(f.coast), digits),
    },
    widthKm,
  };
  return {
    map,
    project: (p) => {
      const xy = projection([p.lng, p.lat]) ?? [MAP_WIDTH / 2, MAP_HEIGHT / 2];
      return [Math.round(xy[0] * 10) / 10, Math.round(xy[1] * 10) / 10];
    },
  };
}
