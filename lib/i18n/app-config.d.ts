import type messages from "@/messages/de.json";
import type { FORMATS } from "./dates";
import type { AppLocale } from "./routing";

// Message keys and locales are checked by the compiler: a typo in `t("…")` fails `tsc`.
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof messages;
    Formats: typeof FORMATS;
  }
}
