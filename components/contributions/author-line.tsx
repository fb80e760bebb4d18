import { getFormatter, getTranslations } from "next-intl/server";
import type { ContributionDetail } from "@/lib/contributions/get-contribution";

type Person = { displayName: string; perspective: ContributionDetail["authorPerspective"]; showPerspective: boolean; deletedAt: Date | null } | null;

/** A person's name as others see it: their perspective only if they chose to show it. */
export async function PersonName({ person, perspective }: { person: Person; perspective: ContributionDetail["authorPerspective"] }) {
  const [t, perspectives] = await Promise.all([getTranslations("contributionPage"), getTranslations("perspectives")]);
  if (!person || person.deletedAt) return <span className="italic">{t("deletedAccount")}</span>;
  return (
    <>
      <bdi className="font-semibold">{person.displayName}</bdi>
      {person.showPerspective && <span className="text-muted"> ({perspectives(perspective)})</span>}
    </>
  );
}

/**
 * Whose voice it is. For what was said at a meeting, on paper or through an interpreter, who
 * typed it in is named apart: the recorder is never shown as the voice.
 */
export async function AuthorLine({ contribution }: { contribution: ContributionDetail }) {
  const [t, format, onBehalf] = await Promise.all([getTranslations("contributionPage"), getFormatter(), getTranslations("onBehalf")]);
  const date = format.dateTime(contribution.createdAt, { dateStyle: "medium" });
  const voice =
    contribution.author || contribution.source === "ONLINE" ? (
      <PersonName person={contribution.author} perspective={contribution.authorPerspective} />
    ) : (
      <span className="font-semibold">{t("offlineVoice")}</span>
    );
  if (contribution.source === "ONLINE") {
    return (
      <p className="mt-2 text-sm">
        {t("by")} {voice} · <time dateTime={contribution.createdAt.toISOString()}>{date}</time>
      </p>
    );
  }
  const recorder = contribution.recordedBy && !contribution.recordedBy.deletedAt ? contribution.recordedBy.displayName : t("deletedAccount");
  const where = contribution.meeting?.title ?? "";
  return (
    <p className="mt-2 text-sm">
      {voice}{" "}
      {t("saidAt", { source: contribution.source, meeting: where, date })} {t("recordedBy", { name: recorder })}
      {contribution.interpreterName && <> · {onBehalf("interpretedBy", { name: contribution.interpreterName })}</>}
    </p>
  );
}
