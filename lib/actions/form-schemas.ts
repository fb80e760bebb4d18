import { z } from "zod";
import { localPathField } from "@/lib/routes/local-path";
import { defaultLocale, locales } from "@/lib/i18n/routing";

// Fields that identity forms carry besides what the domain validates: the page's language (server
// actions cannot read the [locale] segment) and where to go after signing in.

export const localeField = z.enum(locales).catch(defaultLocale);

/** A path on this site (lib/routes/local-path.ts), or nothing. */
export const callbackPathField = localPathField;
