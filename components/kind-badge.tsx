import { useTranslations } from "next-intl";
import type { ContributionKind } from "@/lib/generated/prisma/enums";

// Not async: one per list item, rendered without a component to await.
export function KindBadge({ kind }: { kind: ContributionKind }) {
  const t = useTranslations("kinds");
  const colours = kind === "NEED" ? "bg-need-bg text-need-ink" : "bg-proposal-bg text-proposal-ink";
  return <span className={`badge ${colours}`}>{t(kind)}</span>;
}
