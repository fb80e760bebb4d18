import { LOCAL_PATH } from "@/lib/auth/local-path";
import type { AppLocale } from "./routing";

/** Where the choice leads: `next` when it is a path of this site in the chosen language, else that language's start page. */
export function languageTarget(locale: AppLocale, next: string | null): string {
  if (next && LOCAL_PATH.test(next) && (next === `/${locale}` || next.startsWith(`/${locale}/`) || next.startsWith(`/${locale}?`))) return next;
  return `/${locale}`;
}
