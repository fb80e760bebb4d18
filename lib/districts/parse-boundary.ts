// A district's boundary as staff upload it: GeoJSON text (RFC 7946) in, one area out, or the
// reasons it is refused as catalogue keys (`districtValidation.*`) to show next to the field.
// Pure: the staff form, the domain function and the tests use it alike (decision 049).
import type { Message } from "@/lib/validation";

/** What the form accepts at most, as text: a town's districts drawn in detail stay far below. */
export const MAX_BOUNDARY_BYTES = 500_000;
/** Positions over all rings of one district; enough for a detailed outline, few enough to draw fast. */
export const MAX_BOUNDARY_VERTICES = 5_000;
/** Polygons in one MultiPolygon (a district with islands or parts). */
export const MAX_BOUNDARY_POLYGONS = 50;

export type Position = [number, number];
export type Ring = Position[];
export type Boundary = { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };

export type ParsedBoundary = { ok: true; boundary: Boundary } | { ok: false; error: Message };

const fail = (key: string, params?: Record<string, string | number>): ParsedBoundary => ({
  ok: false,
  error: { key: `districtValidation.${key}`, ...(params ? { params } : {}) },
});

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The geometry inside a Geometry, a Feature or a FeatureCollection of exactly one Feature. */
function geometryOf(value: unknown): { geometry: Record<string, unknown> } | { error: ParsedBoundary } {
  if (!isObject(value)) return { error: fail("notGeoJson") };
  if (value.type === "FeatureCollection") {
    const features = Array.isArray(value.features) ? value.features : null;
    if (!features) return { error: fail("notGeoJson") };
    if (features.length !== 1) return { error: fail("oneFeature") };
    return geometryOf(features[0]);
  }
  if (value.type === "Feature") {
    return isObject(value.geometry) ? { geometry: value.geometry } : { error: fail("notArea", { type: "null" }) };
  }
  if (typeof value.type === "string") return { geometry: value };
  return { error: fail("notGeoJson") };
}

/** [longitude, latitude] in range; a third value (height) is dropped. */
function positionOf(value: unknown): Position | null {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) return null;
  const [lon, lat] = value;
  if (typeof lon !== "number" || typeof lat !== "number" || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return null;
  return [lon, lat];
}

/** Twice the planar signed area (longitude right, latitude up): positive when anticlockwise. */
export function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

type Counter = { vertices: number };

/**
 * A polygon's rings, each closed, with at least three distinct corners and an area, wound as
 * RFC 7946 says (outer ring anticlockwise, holes clockwise) whatever the file did.
 */
function polygonOf(value: unknown, counter: Counter): Ring[] | ParsedBoundary {
  if (!Array.isArray(value) || value.length === 0) return fail("notGeoJson");
  const rings: Ring[] = [];
  for (const [index, rawRing] of value.entries()) {
    if (!Array.isArray(rawRing)) return fail("notGeoJson");
    counter.vertices += rawRing.length;
    if (counter.vertices > MAX_BOUNDARY_VERTICES) return fail("tooManyVertices", { max: MAX_BOUNDARY_VERTICES });
    const ring: Ring = [];
    for (const rawPosition of rawRing) {
      const position = positionOf(rawPosition);
      if (!position) return fail("badPosition");
      ring.push(position);
    }
    if (ring.length < 4) return fail("ringTooShort");
    const [first, last] = [ring[0]!, ring.at(-1)!];
    if (first[0] !== last[0] || first[1] !== last[1]) return fail("ringNotClosed");
    if (new Set(ring.map(([x, y]) => `${x},${y}`)).size < 3) return fail("ringTooShort");
    const area = signedArea(ring);
    if (area === 0) return fail("ringNoArea");
    const outer = index === 0;
    rings.push((outer ? area > 0 : area < 0) ? ring : [...ring].reverse());
  }
  return rings;
}

/** GeoJSON text → a Polygon or MultiPolygon, or why not. */
export function parseBoundary(text: string): ParsedBoundary {
  if (Buffer.byteLength(text, "utf8") > MAX_BOUNDARY_BYTES) return fail("tooLarge", { max: Math.round(MAX_BOUNDARY_BYTES / 1000) });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail("notJson");
  }
  const found = geometryOf(json);
  if ("error" in found) return found.error;
  const { geometry } = found;
  const counter: Counter = { vertices: 0 };
  if (geometry.type === "Polygon") {
    const rings = polygonOf(geometry.coordinates, counter);
    return Array.isArray(rings) ? { ok: true, boundary: { type: "Polygon", coordinates: rings } } : rings;
  }
  if (geometry.type === "MultiPolygon") {
    const parts = geometry.coordinates;
    if (!Array.isArray(parts) || parts.length === 0) return fail("notGeoJson");
    if (parts.length > MAX_BOUNDARY_POLYGONS) return fail("tooManyPolygons", { max: MAX_BOUNDARY_POLYGONS });
    const polygons: Ring[][] = [];
    for (const part of parts) {
      const rings = polygonOf(part, counter);
      if (!Array.isArray(rings)) return rings;
      polygons.push(rings);
    }
    return { ok: true, boundary: { type: "MultiPolygon", coordinates: polygons } };
  }
  return fail("notArea", { type: typeof geometry.type === "string" ? geometry.type.slice(0, 40) : "?" });
}
