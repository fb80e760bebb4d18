import { getTranslations } from "next-intl/server";
import type { ContributionListItem } from "@/lib/contributions/list-contributions";

export async function KindBadge({ kind }: { kind: ContributionListItem["kind"] }) {
  const t = await getTranslations("kinds");
  const colours = kind === "NEED" ? "bg-need-bg text-need-ink" : "bg-proposal-bg text-proposal-ink";
  return <span className={`badge ${colours}`}>{t(kind)}</span>;
}
