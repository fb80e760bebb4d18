import { z } from "zod";
import { defaultLocale, locales } from "@/lib/i18n/routing";

// Fields that identity forms carry besides what the domain validates: the page's language (server
// actions cannot read the [locale] segment) and where to go after signing in.

export const localeField = z.enum(locales).catch(defaultLocale);

/** A path on this site: one leading "/", no "//" or "/\" that browsers would read as another host. */
export const callbackPathField = z
  .string()
  .regex(/^\/(?![/\\])[^\s\\]*$/)
  .optional()
  .catch(undefined);
