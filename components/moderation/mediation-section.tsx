import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { openMediationAction } from "@/lib/actions/moderation/moderation";
import { Section } from "@/components/section";
import type { listMediationCandidates, listMediationCases } from "@/lib/moderation/mediation";
import { OpenMediationForm } from "./open-mediation-form";
import { dialoguePaths } from "@/lib/routes/paths";
import { getFormatter } from "@/lib/i18n/format";

type Page = { locale: string; municipality: string; dialogue: string };

/** The dialogue's private mediation cases and the form to open one; the page renders it for moderators (mediation:manage) and loads both lists. */
export async function MediationSection({
  dialogueId,
  page,
  cases,
  members,
}: {
  dialogueId: string;
  page: Page;
  cases: Awaited<ReturnType<typeof listMediationCases>>;
  members: Awaited<ReturnType<typeof listMediationCandidates>>;
}) {
  const [t, format] = await Promise.all([getTranslations("moderation"), getFormatter()]);
  const paths = dialoguePaths(page.municipality, page.dialogue);
  return (
    <Section id="mediation-heading" heading={t("mediation.heading")} className="mt-10">
      <p className="mt-1 text-sm text-muted">{t("mediation.intro")}</p>
      {cases.length === 0 ? (
        <p className="mt-3">{t("mediation.none")}</p>
      ) : (
        <ul className="mt-3 space-y-2">
          {cases.map((mediation) => (
            <li key={mediation.id}>
              <Link href={paths.mediation(mediation.id)} className="font-semibold">
                {mediation.subject}
              </Link>{" "}
              <span className="text-sm text-muted">
                · {mediation.closedAt ? t("mediation.statusClosed") : t("mediation.statusOpen")} ·{" "}
                <time dateTime={mediation.createdAt.toISOString()}>{format.dateTime(mediation.createdAt, "day")}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
      <details className="mt-4 rounded border border-line bg-surface p-4">
        <summary className="cursor-pointer font-semibold text-brand">{t("mediation.openNew")}</summary>
        <div className="mt-3">
          <OpenMediationForm action={openMediationAction.bind(null, page)} dialogueId={dialogueId} members={members} />
        </div>
      </details>
    </Section>
  );
}
