import { useLocale, useTranslations } from "next-intl";
import { direction } from "@/lib/i18n/routing";

// In the dialogue's list (decision 033): a voice message nobody has transcribed yet has an empty
// body (and, without a typed title, an empty title) — the database allows that only for them.

/** "Voice message" where an untitled voice message's title would be, in the page's language (the heading around it carries the spoken one). */
export function VoiceUntitled() {
  const locale = useLocale();
  return (
    <span lang={locale} dir={direction(locale)}>
      {useTranslations("voice")("untitled")}
    </span>
  );
}

/** Whether an item is a voice message whose transcript is still pending. */
export const isVoicePending = (item: { title: string; excerpt?: string }) => (item.excerpt !== undefined ? item.excerpt === "" : item.title === "");
