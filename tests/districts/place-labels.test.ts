// The district map's labels at phone width (decision 049): in every UI language, the demo's
// districts get a name or a numbered key each, no two labels overlap, none leaves the map, and a
// name is written only inside its own district. Arabic and Ukrainian names are longer than the
// small districts are wide: there the key refers to the table. A real browser's widths are
// measured by e2e/visitor-follows-district-to-its-list.spec.ts.
import { describe, expect, it } from "vitest";
import { pickDistrictName } from "@/lib/districts/district-names";
import { estimateTextWidth, placeLabels, type LabelBox, type PlacedLabel } from "@/lib/districts/place-labels";
import { MAP_HEIGHT, MAP_WIDTH, projectDistricts } from "@/lib/districts/project-districts";
import { locales } from "@/lib/i18n/routing";
import { DISTRICTS } from "@/prisma/seed/districts";

const seed = DISTRICTS.map((district, index) => ({ id: `d${index}`, names: district.names, boundary: { type: "Polygon" as const, coordinates: [district.outline] } }));
const shapes = projectDistricts(seed);

function labelsIn(locale: string, rename: (name: string) => string = (name) => name): PlacedLabel[] {
  return placeLabels(
    shapes.map((shape, index) => ({ ...shape, name: rename(pickDistrictName(seed[index]!.names, locale, "de").name), key: index + 1 })),
  );
}

const overlap = (a: LabelBox, b: LabelBox) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function expectSound(labels: PlacedLabel[]) {
  expect(labels.map((label) => label.id).sort()).toEqual(shapes.map((shape) => shape.id).sort());
  for (const [index, label] of labels.entries()) {
    expect(label.box.left, `${label.id} within the map`).toBeGreaterThanOrEqual(0);
    expect(label.box.top).toBeGreaterThanOrEqual(0);
    expect(label.box.right).toBeLessThanOrEqual(MAP_WIDTH);
    expect(label.box.bottom).toBeLessThanOrEqual(MAP_HEIGHT);
    for (const other of labels.slice(index + 1)) expect(overlap(label.box, other.box), `${label.id} and ${other.id} overlap`).toBe(false);
    if (label.kind === "name") {
      const [[left, top], [right, bottom]] = shapes.find((shape) => shape.id === label.id)!.bounds;
      expect(label.box.left >= left && label.box.right <= right && label.box.top >= top && label.box.bottom <= bottom, `${label.id}'s name inside its district`).toBe(true);
    }
  }
}

describe("the district map's labels", () => {
  it("has the demo's four districts drawn", () => {
    expect(shapes).toHaveLength(DISTRICTS.length);
  });

  it.each(locales)("in %s: one label per district, inside the map, none overlapping", (locale) => {
    expectSound(labelsIn(locale));
  });

  it("gives Arabic names that do not fit a numbered key, numbered as the table's rows", () => {
    const labels = labelsIn("ar");
    expectSound(labels);
    const keys = labels.filter((label) => label.kind === "key");
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.map((key) => [key.id, key.key])).toEqual(keys.map((key) => [key.id, shapes.findIndex((shape) => shape.id === key.id) + 1]));
  });

  it("still keeps every label apart and inside when every name is very long", () => {
    const labels = labelsIn("uk", (name) => `${name} ${name} ${name}`);
    expectSound(labels);
    expect(labels.every((label) => label.kind === "key")).toBe(true);
  });

  it("writes a short name where it fits", () => {
    const labels = labelsIn("de", () => "A");
    expectSound(labels);
    expect(labels.every((label) => label.kind === "name")).toBe(true);
  });

  it("estimates Arabic vowel signs as nothing and wide scripts as wider", () => {
    expect(estimateTextWidth("مَدِينَة", 10)).toBe(estimateTextWidth("مدينة", 10));
    expect(estimateTextWidth("ከባቢ", 10)).toBeGreaterThan(estimateTextWidth("abc", 10));
  });
});
