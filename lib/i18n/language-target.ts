import { isLocalPath } from "@/lib/routes/local-path";
import type { AppLocale } from "./routing";
import { localized, sitePaths } from "@/lib/routes/paths";

/** Where the choice leads: `next` when it is a path of this site in the chosen language, else that language's start page. */
export function languageTarget(locale: AppLocale, next: string | null): string {
  const home = localized(locale, sitePaths.home());
  if (isLocalPath(next) && (next === home || next.startsWith(`${home}/`) || next.startsWith(`${home}?`))) return next;
  return home;
}
