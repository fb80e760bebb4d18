import { getTranslations } from "next-intl/server";
import { currentFlash } from "@/lib/flash/flash";
import { FlashNotice } from "./flash-notice";

/** The confirmation a form post left for this page (lib/flash/flash.ts), said once. */
export async function FlashMessage() {
  const key = await currentFlash();
  if (!key) return null;
  const t = await getTranslations("feedback.flash");
  return <FlashNotice text={t(key)} />;
}
