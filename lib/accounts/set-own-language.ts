import "server-only";
import { db } from "@/lib/db/client";
import type { AppLocale } from "@/lib/i18n/routing";
import { canManageOwnAccount, type Viewer } from "@/lib/policy/policy";

/** The header's language choice, stored for a signed-in person: mails and the next visit follow it. */
export async function setOwnLanguage(viewer: Viewer | null, locale: AppLocale): Promise<boolean> {
  if (!canManageOwnAccount(viewer)) return false;
  await db.user.update({ where: { id: viewer.id }, data: { locale } });
  return true;
}
