import { pickDistrictName } from "@/lib/districts/district-names";
import type { District } from "@/lib/districts/list-districts";
import { PLACE_NOT_SAID, PLACE_WHOLE_TOWN } from "@/lib/districts/place";
import { direction } from "@/lib/i18n/routing";

export type PlaceOption = { value: string; label: string; lang?: string; dir?: "ltr" | "rtl" };

/**
 * The choices of "where is it about" for the contribution forms: "rather not say" first (the
 * default: nobody has to place themselves), the whole town, then the districts by name in the
 * reader's language where staff wrote one. Empty without districts: the field is left out.
 */
export function placeOptions(
  districts: readonly District[],
  { locale, fallbackLanguage, notSaid, wholeTown }: { locale: string; fallbackLanguage: string; notSaid: string; wholeTown: string },
): PlaceOption[] {
  if (districts.length === 0) return [];
  return [
    { value: PLACE_NOT_SAID, label: notSaid },
    { value: PLACE_WHOLE_TOWN, label: wholeTown },
    ...districts.map((district) => {
      const { name, language } = pickDistrictName(district.names, locale, fallbackLanguage);
      const own = language.split("-")[0] === locale.split("-")[0];
      return { value: district.id, label: name, ...(own ? {} : { lang: language, dir: direction(language) }) };
    }),
  ];
}
