import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { SupportBreakdown } from "@/components/support-breakdown";
import { direction } from "@/lib/i18n/routing";
import type { QueuedNeed } from "@/lib/responses/list-answer-queue";
import { Filled, TEXT } from "@/components/text/with-name";
import { dialoguePaths, withQuery } from "@/lib/routes/paths";
import { getFormatter } from "@/lib/i18n/format";

/**
 * Needs waiting for an answer, oldest first: how long each has been open and who supports it
 * (per perspective, lived experience first). `showDialogue` names the dialogue of each, for
 * the municipality-wide queue.
 */
export async function AnswerQueue({ needs, municipalitySlug, showDialogue = false }: { needs: QueuedNeed[]; municipalitySlug: string; showDialogue?: boolean }) {
  const [t, format] = await Promise.all([getTranslations("answerQueue"), getFormatter()]);
  if (needs.length === 0) return <p className="mt-4 rounded border-s-4 border-brand bg-proposal-bg p-3">{t("empty")}</p>;
  return (
    <ol className="mt-4 space-y-4" data-testid="answer-queue">
      {needs.map((need) => (
        <li key={need.id} className="rounded border border-line p-4">
          <h3 className="text-lg break-words" lang={need.language} dir={direction(need.language)}>
            <Link href={withQuery(dialoguePaths(municipalitySlug, need.dialogue.slug).contribution(need.id), {}, "respond-heading")}>{need.title}</Link>
          </h3>
          {showDialogue && (
            <p className="text-sm text-muted">
              <Filled message={t("inDialogue", { title: TEXT })} text={{ value: need.dialogue.title, lang: need.dialogue.language }} />
            </p>
          )}
          <p className="mt-1 text-sm">
            <strong>{t("age", { days: need.ageDays })}</strong>{" "}
            <span className="text-muted">
              ({t("postedOn", { date: format.dateTime(need.createdAt, "day") })})
            </span>
          </p>
          <SupportBreakdown supports={need.supports} />
        </li>
      ))}
    </ol>
  );
}
