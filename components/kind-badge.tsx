import { useTranslations } from "next-intl";
import type { ContributionKind } from "@/lib/generated/prisma/enums";

/** The badge's classes, for the dialogue's list, which renders it inline with its label hoisted (decision 079). */
export const kindBadgeClass = (kind: ContributionKind) => (kind === "NEED" ? "badge bg-need-bg text-need-ink" : "badge bg-proposal-bg text-proposal-ink");

// Not async: rendered without a component to await.
export function KindBadge({ kind }: { kind: ContributionKind }) {
  const t = useTranslations("kinds");
  return <span className={kindBadgeClass(kind)}>{t(kind)}</span>;
}
