import "server-only";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * "Voice message" in `locale`: what names a voice message with no typed title while it awaits its
 * transcript, wherever a title is listed outside its page — follows, notifications, digests, push
 * (decision 046). Only these contributions have an empty title (decision 033).
 */
export async function untitledVoiceLabel(locale: string): Promise<string> {
  return (await translatorFor(locale, "voice"))("untitled");
}
