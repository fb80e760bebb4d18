// Where the district map writes each district's name (decision 049). A phone draws the 320 × 240
// map about as wide as the screen, so names in a long-worded language (Arabic, Ukrainian, …)
// overlap their neighbours or run off the edge when simply centred on each district. Instead a
// name is written only where it fits inside its own district, inside the map and clear of every
// other label; otherwise the district gets a small numbered key that refers to the table below
// the map, which names every district. Pure: no fonts on the server, so widths are estimated
// generously (e2e/visitor-follows-district-to-its-list.spec.ts measures the real ones).
import { MAP_HEIGHT, MAP_WIDTH, type ProjectedDistrict } from "./project-districts";

/** Font size of a name, in map units (≈ px at 360 px). */
export const NAME_FONT_SIZE = 11;
/** Font size of a key's number, and the key's radius. */
export const KEY_FONT_SIZE = 9;
export const KEY_RADIUS = 7.5;
/** Space kept between two labels, and between a label and the map's edge. */
const GAP = 2;

export type LabelBox = { left: number; top: number; right: number; bottom: number };

export type PlacedLabel =
  | { id: string; kind: "name"; x: number; y: number; box: LabelBox }
  | { id: string; kind: "key"; key: number; x: number; y: number; box: LabelBox };

/**
 * A width the text will not exceed in bold at `fontSize` in the fonts of app/globals.css:
 * generous per character of its script, nothing for combining marks (Arabic vowel signs).
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) {
    if (/\p{M}|[\u200c\u200d\u200e\u200f]/u.test(char)) continue;
    if (/\s/u.test(char)) ems += 0.35;
    else if (/\p{Script=Ethiopic}|\p{Script=Han}|\p{Script=Hangul}/u.test(char)) ems += 1.05;
    else if (/\p{Script=Arabic}/u.test(char)) ems += 0.62;
    else if (/\p{Lu}/u.test(char)) ems += 0.8;
    else ems += 0.7;
  }
  return Math.ceil(ems * fontSize);
}

const overlaps = (a: LabelBox, b: LabelBox) =>
  a.left < b.right + GAP && b.left < a.right + GAP && a.top < b.bottom + GAP && b.top < a.bottom + GAP;

const insideMap = (box: LabelBox) => box.left >= GAP && box.top >= GAP && box.right <= MAP_WIDTH - GAP && box.bottom <= MAP_HEIGHT - GAP;

const around = (x: number, y: number, width: number, height: number): LabelBox => ({
  left: x - width / 2,
  top: y - height / 2,
  right: x + width / 2,
  bottom: y + height / 2,
});

/**
 * Labels for `districts` in table order (a key's number is the district's row in the table,
 * from 1). A name is written at the district's centre when its estimated box lies within the
 * district's own box, within the map and clear of labels placed before; otherwise a key goes at
 * the centre or, when that is taken, a little beside it within the district. A district left
 * without either (never in practice: keys are small) is still a named link and a table row.
 * No two returned boxes overlap and all lie inside the map.
 */
export function placeLabels(districts: readonly (Pick<ProjectedDistrict, "id" | "label" | "bounds"> & { name: string; key: number })[]): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const free = (box: LabelBox) => insideMap(box) && placed.every((label) => !overlaps(label.box, box));
  const keyed: typeof districts[number][] = [];
  // Names first, largest districts first, so that a key never takes the room a name needed.
  const byArea = [...districts].sort((a, b) => area(b.bounds) - area(a.bounds));
  for (const district of byArea) {
    const [x, y] = district.label;
    const [[left, top], [right, bottom]] = district.bounds;
    const box = around(x, y, estimateTextWidth(district.name, NAME_FONT_SIZE), NAME_FONT_SIZE * 1.4);
    const withinDistrict = box.left >= left + GAP && box.right <= right - GAP && box.top >= top && box.bottom <= bottom;
    if (withinDistrict && free(box)) {
      placed.push({ id: district.id, kind: "name", x, y, box });
    } else keyed.push(district);
  }
  const size = KEY_RADIUS * 2;
  for (const district of keyed) {
    const [x, y] = district.label;
    const [[left, top], [right, bottom]] = district.bounds;
    const candidates: [number, number][] = [[x, y]];
    for (const step of [size + GAP, 2 * (size + GAP)]) candidates.push([x, y - step], [x, y + step], [x - step, y], [x + step, y]);
    const spot = candidates
      .filter(([cx, cy]) => cx >= left && cx <= right && cy >= top && cy <= bottom)
      .map(([cx, cy]) => ({ cx, cy, box: around(cx, cy, size, size) }))
      .find(({ box }) => free(box));
    if (spot) placed.push({ id: district.id, kind: "key", key: district.key, x: spot.cx, y: spot.cy, box: spot.box });
  }
  const order = new Map(districts.map((district, index) => [district.id, index]));
  return placed.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

function area([[left, top], [right, bottom]]: ProjectedDistrict["bounds"]): number {
  return (right - left) * (bottom - top);
}
