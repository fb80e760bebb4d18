import { getTranslations } from "next-intl/server";
import type { OpenDialogue } from "@/lib/dialogues/list-open-dialogues";

export async function PhaseBadge({ phase }: { phase: OpenDialogue["phase"] }) {
  const [t, phases] = await Promise.all([getTranslations("dialogueCard"), getTranslations("phases")]);
  // A closed dialogue reads as finished at a glance; the word says it too.
  const colours = phase === "CLOSED" ? "bg-surface text-muted ring-1 ring-line" : "bg-phase-bg text-phase-ink";
  return <span className={`badge ${colours}`}>{t("phase", { phase: phases(phase) })}</span>;
}
