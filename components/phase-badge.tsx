import { useTranslations } from "next-intl";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";

// Not async: list items and the dialogue page render it without a component to await.
export function PhaseBadge({ phase }: { phase: DialoguePhase }) {
  const t = useTranslations("dialogueCard");
  const phases = useTranslations("phases");
  // A closed dialogue reads as finished at a glance; the word says it too.
  const colours = phase === "CLOSED" ? "bg-surface text-muted ring-1 ring-line" : "bg-phase-bg text-phase-ink";
  return <span className={`badge ${colours}`}>{t("phase", { phase: phases(phase) })}</span>;
}
