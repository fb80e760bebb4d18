import { useTranslations } from "@/lib/i18n/client";
import type { Translate } from "./photo-fields";

/** The "images" texts in a client form (the typed namespace form is too large a type for the compiler here). */
export function useImageTexts(): Translate {
  const t = useTranslations();
  return (key, values) => t(`images.${key}`, values);
}
