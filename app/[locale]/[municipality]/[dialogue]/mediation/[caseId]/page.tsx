import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { CloseMediationForm } from "@/components/moderation/moderation-forms";
import { Section } from "@/components/section";
import { UserText } from "@/components/text/user-text";
import { getViewer } from "@/lib/auth/get-viewer";
import { findDialogue } from "@/lib/dialogues/find-dialogue";
import { getMediationCase } from "@/lib/moderation/mediation";
import { closeMediationAction } from "@/lib/actions/moderation/moderation";
import { dialoguePaths } from "@/lib/routes/paths";
import { getFormatter } from "@/lib/i18n/format";

type Params = { locale: string; municipality: string; dialogue: string; caseId: string };
type Props = { params: Promise<Params> };

/** The case, for the dialogue's moderators and the case's participants; a 404 for everyone else. */
const load = cache(async (municipalitySlug: string, dialogueSlug: string, caseId: string) => {
  const viewer = await getViewer();
  const dialogue = await findDialogue(viewer, { municipalitySlug, dialogueSlug });
  if (!dialogue) return null;
  const mediation = await getMediationCase(viewer, { caseId, dialogueId: dialogue.id });
  return mediation ? { dialogue, mediation } : null;
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moderation");
  return { title: t("mediation.caseTitle"), robots: { index: false } };
}

export default async function MediationCasePage({ params }: Props) {
  const { municipality, dialogue: slug, caseId } = await params;
  const loaded = await load(municipality, slug, caseId);
  if (!loaded) notFound();
  const { dialogue, mediation } = loaded;
  const [t, format] = await Promise.all([getTranslations("moderation"), getFormatter()]);
  const paths = dialoguePaths(dialogue);
  const date = (value: Date) => (
    <time dateTime={value.toISOString()}>{format.dateTime(value, "dayLong")}</time>
  );
  return (
    <ClientMessages namespaces={["moderation"]} forms>
      <p className="text-sm">
        <Link href={mediation.mayManage ? paths.moderation : paths.home}>{mediation.mayManage ? t("queue.title") : t("backToDialogue")}</Link>
      </p>
      <h1 className="mt-4 text-3xl">{t("mediation.caseTitle")}</h1>
      <p className="mt-2 text-muted">{t("mediation.private")}</p>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="text-muted">{t("mediation.subject")}</dt>
        <dd className="break-words" dir="auto">
          {mediation.subject}
        </dd>
        <dt className="text-muted">{t("mediation.participants")}</dt>
        <dd>{mediation.participants.map((name) => name ?? t("deletedPerson")).join(", ")}</dd>
        <dt className="text-muted">{t("mediation.openedBy")}</dt>
        <dd>
          {mediation.openedBy.displayName} · {date(mediation.createdAt)}
        </dd>
        <dt className="text-muted">{t("mediation.status")}</dt>
        <dd>{mediation.closedAt ? <>{t("mediation.statusClosed")} · {date(mediation.closedAt)}</> : t("mediation.statusOpen")}</dd>
      </dl>
      <Section id="outcome-heading" heading={t("mediation.outcome")} className="mt-8">
        {mediation.outcome ? (
          <UserText text={mediation.outcome} format="markdown" className="mt-2" dir="auto" data-testid="mediation-outcome" />
        ) : (
          <p className="mt-2">{t("mediation.outcomePending")}</p>
        )}
        {mediation.mayManage && !mediation.closedAt && (
          <div className="mt-4 rounded border border-line bg-surface p-4">
            <CloseMediationForm action={closeMediationAction} caseId={mediation.id} />
          </div>
        )}
      </Section>
    </ClientMessages>
  );
}
