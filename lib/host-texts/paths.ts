import type { SubjectKind } from "./host-text-subject";

/** Where the versions of a text in other languages are written (without the locale prefix). */
export function hostTextsPath(subject: SubjectKind, id: string, language?: string): string {
  return `/texts/${subject}/${id}${language ? `?language=${encodeURIComponent(language)}` : ""}`;
}
