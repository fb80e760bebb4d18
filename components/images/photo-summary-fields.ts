import type { FieldInfo } from "@/components/form/form";
import { altField, IMAGES_PER_CONTRIBUTION, photoField } from "@/lib/images/limits";

// Not a client module: a server component that renders <PhotoFields> (the edit form) names them
// for its error summary here too.

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The photo fields' names for the form's error summary (they sit inside <PhotoFields>); `t`: the "images" texts. */
export function photoSummaryFields(t: Translate): Record<string, FieldInfo> {
  return Object.fromEntries(
    Array.from({ length: IMAGES_PER_CONTRIBUTION }, (_, index) => index).flatMap((index) => [
      [photoField(index), { label: t("file", { number: index + 1 }) }],
      [altField(index), { label: t("alt", { number: index + 1 }) }],
    ]),
  );
}
