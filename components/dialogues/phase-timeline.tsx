import { useTranslations } from "next-intl";
import { Section } from "@/components/section";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";
import type { LoadedDialogue } from "@/lib/dialogues/load-dialogue";
import { PhaseBadge } from "@/components/phase-badge";
import { useFormatter } from "@/lib/i18n/format";

const STEPS = [
  { phase: "COLLECTING", date: "collectingFrom" },
  { phase: "DELIBERATING", date: "deliberatingFrom" },
  { phase: "RESPONDING", date: "respondingFrom" },
  { phase: "CLOSED", date: "closesAt" },
] as const satisfies readonly { phase: DialoguePhase; date: keyof LoadedDialogue["dates"] }[];

/**
 * Where the dialogue stands: its phases in order with the dates the host team planned, the
 * current one marked (aria-current, and in words, not by colour alone), and what it allows.
 */
export function PhaseTimeline({ phase, dates }: { phase: DialoguePhase; dates: LoadedDialogue["dates"] }) {
  const t = useTranslations("dialogue");
  const phases = useTranslations("phases");
  const hints = useTranslations("phaseHints");
  const format = useFormatter();
  const current = STEPS.findIndex((step) => step.phase === phase);
  return (
    <Section id="phase-timeline" heading={t("timeline.heading")} headingClassName="sr-only" className="mt-3 rounded border border-line p-3">
      <p>
        <PhaseBadge phase={phase} />
      </p>
      <p className="mt-2 text-sm">
        {hints(phase)}
        {phase !== "DRAFT" && <> {t(`allows.${phase}`)}</>}
      </p>
      <ol className="mt-2 grid gap-x-2 gap-y-0.5 text-sm sm:grid-cols-4" aria-label={t("timeline.heading")}>
        {STEPS.map((step, index) => {
          const date = dates[step.date];
          const state = index < current ? "done" : index === current ? "current" : "next";
          return (
            <li
              key={step.phase}
              {...(state === "current" ? { "aria-current": "step" as const } : {})}
              className={`phase-step ${state === "current" ? "border-brand font-semibold" : state === "done" ? "border-phase-ink/40 text-muted" : "border-line text-muted"}`}
            >
              <span className="block">
                {phases(step.phase)}
                {state === "current" && <> ({t("timeline.now")})</>}
              </span>
              {date && (
                <time dateTime={date.toISOString()} className="block">
                  {t(step.phase === "CLOSED" ? "timeline.until" : "timeline.from", { date: format.dateTime(date, "day") })}
                </time>
              )}
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
