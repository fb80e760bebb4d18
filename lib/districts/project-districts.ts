// Districts drawn on the server: d3-geo fits a projection to the boundaries and writes each as
// an SVG path, so the page carries a finished drawing — no tiles, no map service, no script in
// the browser (decision 049).
import { geoMercator, geoPath, type GeoPermissibleObjects } from "d3-geo";
import type { Boundary, Ring } from "./parse-boundary";

export const MAP_WIDTH = 320;
export const MAP_HEIGHT = 240;
const PADDING = 8;

/**
 * `label`: where the name goes (the centroid), rounded like the path; `bounds`: the drawn
 * district's box, [[left, top], [right, bottom]] (./place-labels.ts fits names into it).
 */
export type ProjectedDistrict = { id: string; path: string; label: [number, number]; bounds: [[number, number], [number, number]] };

/**
 * d3-geo reads rings the other way round from RFC 7946 (outer ring clockwise): stored
 * boundaries are anticlockwise (./parse-boundary.ts), so each ring is turned for drawing.
 */
function forD3(boundary: Boundary): GeoPermissibleObjects {
  const turn = (rings: Ring[]) => rings.map((ring) => [...ring].reverse());
  return boundary.type === "Polygon"
    ? { type: "Polygon", coordinates: turn(boundary.coordinates) }
    : { type: "MultiPolygon", coordinates: boundary.coordinates.map(turn) };
}

/** The districts with a boundary as paths in a MAP_WIDTH × MAP_HEIGHT box; the rest are left out. */
export function projectDistricts(districts: { id: string; boundary: Boundary | null }[]): ProjectedDistrict[] {
  const drawn = districts.flatMap((district) => (district.boundary ? [{ id: district.id, geometry: forD3(district.boundary) }] : []));
  if (drawn.length === 0) return [];
  const collection = {
    type: "FeatureCollection" as const,
    features: drawn.map(({ geometry }) => ({ type: "Feature" as const, properties: {}, geometry })),
  };
  const projection = geoMercator().fitExtent(
    [
      [PADDING, PADDING],
      [MAP_WIDTH - PADDING, MAP_HEIGHT - PADDING],
    ],
    collection as Parameters<ReturnType<typeof geoMercator>["fitExtent"]>[1],
  );
  // Two decimals are finer than any screen pixel and keep the page small.
  const path = geoPath(projection).digits(2);
  const round = (value: number) => Math.round(value * 100) / 100;
  return drawn
    .map(({ id, geometry }) => {
      const [x, y] = path.centroid(geometry);
      const [[left, top], [right, bottom]] = path.bounds(geometry);
      return {
        id,
        path: path(geometry) ?? "",
        label: [round(x), round(y)] as [number, number],
        bounds: [
          [round(left), round(top)],
          [round(right), round(bottom)],
        ] as [[number, number], [number, number]],
      };
    })
    .filter((district) => district.path !== "" && Number.isFinite(district.label[0]));
}
