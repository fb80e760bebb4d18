// A district's boundary as staff upload it (decision 049): areas only, closed rings with an area,
// positions in range, within the size and vertex limits; each refusal names its reason as a
// catalogue key the form shows next to the field.
import { describe, expect, it } from "vitest";
import { MAX_BOUNDARY_BYTES, MAX_BOUNDARY_POLYGONS, MAX_BOUNDARY_VERTICES, parseBoundary, signedArea } from "@/lib/districts/parse-boundary";

const square = [
  [8.6, 50.1],
  [8.62, 50.1],
  [8.62, 50.12],
  [8.6, 50.12],
  [8.6, 50.1],
];
const polygon = { type: "Polygon", coordinates: [square] };

describe("parseBoundary accepts", () => {
  it.each([
    ["a Polygon", polygon],
    ["a Feature", { type: "Feature", properties: { name: "Weststadt" }, geometry: polygon }],
    ["a FeatureCollection of one Feature", { type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: polygon }] }],
    ["a MultiPolygon", { type: "MultiPolygon", coordinates: [[square], [square.map(([x, y]) => [x! + 0.05, y!])]] }],
    ["positions with a height", { type: "Polygon", coordinates: [square.map(([x, y]) => [x, y, 120])] }],
  ])("%s", (_name, geojson) => {
    const parsed = parseBoundary(JSON.stringify(geojson));
    expect(parsed.ok).toBe(true);
  });

  it("winds the outer ring anticlockwise and holes clockwise (RFC 7946), whatever the file did", () => {
    const clockwise = [...square].reverse();
    const hole = [
      [8.605, 50.105],
      [8.615, 50.105],
      [8.615, 50.115],
      [8.605, 50.115],
      [8.605, 50.105],
    ];
    const parsed = parseBoundary(JSON.stringify({ type: "Polygon", coordinates: [clockwise, hole] }));
    if (!parsed.ok || parsed.boundary.type !== "Polygon") throw new Error("expected a polygon");
    const [outer, inner] = parsed.boundary.coordinates;
    expect(signedArea(outer!)).toBeGreaterThan(0);
    expect(signedArea(inner!)).toBeLessThan(0);
  });
});

describe("parseBoundary refuses, with the reason for the field", () => {
  const manyPoints = Array.from({ length: MAX_BOUNDARY_VERTICES + 10 }, (_, i) => [8.6 + Math.cos(i) * 0.01, 50.1 + Math.sin(i) * 0.01]);
  manyPoints.push(manyPoints[0]!);
  it.each([
    ["text that is not JSON", "{ not json", "districtValidation.notJson"],
    ["JSON that is not GeoJSON", JSON.stringify({ hello: "world" }), "districtValidation.notGeoJson"],
    ["a point (no pins)", JSON.stringify({ type: "Point", coordinates: [8.6, 50.1] }), "districtValidation.notArea"],
    ["a line", JSON.stringify({ type: "LineString", coordinates: [[8.6, 50.1], [8.7, 50.2]] }), "districtValidation.notArea"],
    ["a Feature with a point", JSON.stringify({ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [8.6, 50.1] } }), "districtValidation.notArea"],
    ["a FeatureCollection of two", JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", geometry: polygon }, { type: "Feature", geometry: polygon }] }), "districtValidation.oneFeature"],
    ["an open ring", JSON.stringify({ type: "Polygon", coordinates: [square.slice(0, 4).concat([[8.61, 50.13]])] }), "districtValidation.ringNotClosed"],
    ["a ring of three positions", JSON.stringify({ type: "Polygon", coordinates: [[[8.6, 50.1], [8.62, 50.1], [8.6, 50.1]]] }), "districtValidation.ringTooShort"],
    ["a ring on one line", JSON.stringify({ type: "Polygon", coordinates: [[[8.6, 50.1], [8.61, 50.1], [8.62, 50.1], [8.6, 50.1]]] }), "districtValidation.ringNoArea"],
    ["a latitude beyond 90", JSON.stringify({ type: "Polygon", coordinates: [square.map(([x]) => [x, 95])] }), "districtValidation.badPosition"],
    ["a coordinate as text", JSON.stringify({ type: "Polygon", coordinates: [square.map(([x, y]) => [String(x), y])] }), "districtValidation.badPosition"],
    ["too many vertices", JSON.stringify({ type: "Polygon", coordinates: [manyPoints] }), "districtValidation.tooManyVertices"],
    ["too many polygons", JSON.stringify({ type: "MultiPolygon", coordinates: Array.from({ length: MAX_BOUNDARY_POLYGONS + 1 }, () => [square]) }), "districtValidation.tooManyPolygons"],
    ["more text than allowed", " ".repeat(MAX_BOUNDARY_BYTES + 1), "districtValidation.tooLarge"],
  ])("%s", (_name, text, key) => {
    const parsed = parseBoundary(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.key).toBe(key);
  });
});
