import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The Translation select for a host text's versions: what picking one needs (HostTextVersion,
 * decision 025) plus the subject's own fields, e.g. `translations: versionsSelect({ title: true })`.
 */
export function versionsSelect<const F extends Prisma.TranslationSelect>(fields: F) {
  return { select: { language: true, method: true, checkedAt: true, outdatedAt: true, ...fields } } as const;
}
