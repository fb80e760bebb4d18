import { getTranslations } from "next-intl/server";
import { VerifiedBadges } from "@/components/identity/verified-badge";
import { Filled, TEXT } from "@/components/text/with-name";
import type { VerifiedRole } from "@/lib/accounts/verified-roles";
import type { ContributionDetail, PublicPerson } from "@/lib/contributions/get-contribution";
import type { ChannelKind } from "@/lib/generated/prisma/enums";
import { getFormatter } from "@/lib/i18n/format";

/**
 * A person's name as others see it: with their perspective only if they chose to show it (the
 * domain function leaves it null otherwise, lib/perspectives/public-perspective.ts).
 */
export async function PersonName({ person, roles }: { person: PublicPerson | null; roles?: readonly VerifiedRole[] }) {
  const [t, perspectives] = await Promise.all([getTranslations("contributionPage"), getTranslations("perspectives")]);
  if (!person || person.deletedAt) return <span className="italic">{t("deletedAccount")}</span>;
  return (
    <>
      <bdi className="font-semibold">{person.displayName}</bdi>
      <VerifiedBadges roles={roles} />
      {person.perspective && <span className="text-muted"> ({perspectives(person.perspective)})</span>}
    </>
  );
}

/**
 * Whose voice it is. For what was said at a meeting, on paper or through an interpreter, who
 * typed it in is named apart: the recorder is never shown as the voice. The meeting's title sits
 * in the sentence in a `<bdi>` with its own language (decision 028).
 */
export async function AuthorLine({
  contribution,
  roles,
  meetingTitle,
  channelKind,
}: {
  contribution: ContributionDetail;
  roles?: readonly VerifiedRole[];
  /** The meeting it was said at, titled in the reader's language where a version exists, with the language it is in (the page's loader picks it). */
  meetingTitle?: { value: string; lang: string };
  /** "via WhatsApp": the channel a messenger contribution came by, for those who may know it ("channel:kind:read"); never the number. */
  channelKind?: ChannelKind | null;
}) {
  const [t, format, onBehalf, perspectives] = await Promise.all([
    getTranslations("contributionPage"),
    getFormatter(),
    getTranslations("onBehalf"),
    getTranslations("perspectives"),
  ]);
  const date = format.dateTime(contribution.createdAt, "day");
  const voice =
    contribution.author || contribution.source === "ONLINE" ? (
      <PersonName person={contribution.author} roles={roles} />
    ) : (
      <>
        <span className="font-semibold">{t("offlineVoice")}</span>
        {contribution.offlineVoicePerspective && <span className="text-muted"> ({perspectives(contribution.offlineVoicePerspective)})</span>}
      </>
    );
  if (contribution.source === "ONLINE") {
    return (
      <p className="mt-2 text-sm">
        {t("by")} {voice} · <time dateTime={contribution.createdAt.toISOString()}>{date}</time>
      </p>
    );
  }
  // Sent by the person themselves from their phone: nobody recorded it (decision 045).
  if (contribution.source === "MESSENGER") {
    return (
      <p className="mt-2 text-sm" data-testid="messenger-source">
        {voice} {t("sentByMessenger", { kind: channelKind ?? "other", date })}
      </p>
    );
  }
  const recorder = contribution.recordedBy && !contribution.recordedBy.deletedAt ? contribution.recordedBy.displayName : t("deletedAccount");
  const where = contribution.meeting ? meetingTitle : undefined;
  return (
    <p className="mt-2 text-sm">
      {voice} <Filled message={t("saidAt", { source: contribution.source, meeting: TEXT, date })} text={where} /> {t("recordedBy", { name: recorder })}
      {contribution.interpreterName && <> · {onBehalf("interpretedBy", { name: contribution.interpreterName })}</>}
    </p>
  );
}
