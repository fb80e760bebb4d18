import { getTranslations } from "next-intl/server";
import { Notice } from "./notice";

/** Shown on the start page after "delete account" sent the person there. */
export async function AccountDeletedNotice() {
  const t = await getTranslations("session");
  return <Notice>{t("accountDeleted")}</Notice>;
}
