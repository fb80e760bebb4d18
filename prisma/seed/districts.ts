// Musterstadt's districts (decision 049): four simple outlines around a made-up town centre, so
// the district map shows in the demo. The demo contributions' old free-text district field
// names three of them and "Nordstraße", which matches none: linked at seeding the way staff
// defining a district links them (lib/districts/link-district-texts.ts); "Nordstraße" stays
// private to its authors.
import type { Position } from "../../lib/districts/parse-boundary";

export type SeedDistrict = { names: Record<string, string>; outline: Position[] };

/** An outline as RFC 7946 wants it: anticlockwise, closed. */
const ring = (...corners: Position[]): Position[] => [...corners, corners[0]!];

export const DISTRICTS: SeedDistrict[] = [
  {
    names: { de: "Nordstadt", ar: "المدينة الشمالية", fa: "شهر شمالی", uk: "Північне місто", en: "North Town" },
    outline: ring([8.6, 50.13], [8.618, 50.128], [8.64, 50.131], [8.662, 50.129], [8.664, 50.146], [8.635, 50.152], [8.603, 50.147]),
  },
  {
    names: { de: "Weststadt", ar: "الحي الغربي", fa: "محله غربی", uk: "Вестштадт", en: "West Town" },
    outline: ring([8.598, 50.104], [8.617, 50.102], [8.621, 50.116], [8.618, 50.128], [8.6, 50.13], [8.594, 50.117]),
  },
  {
    names: { de: "Altstadt", ar: "المدينة القديمة", fa: "شهر قدیم", uk: "Старе місто", en: "Old Town" },
    outline: ring([8.617, 50.102], [8.641, 50.101], [8.643, 50.117], [8.64, 50.131], [8.618, 50.128], [8.621, 50.116]),
  },
  {
    names: { de: "Am Lindenweg", ar: "آم ليندنفيغ", fa: "آم لیندن‌وگ", uk: "Ам Ліндевег", en: "Am Lindenweg" },
    outline: ring([8.641, 50.101], [8.661, 50.105], [8.666, 50.118], [8.662, 50.129], [8.64, 50.131], [8.643, 50.117]),
  },
];
