import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Section } from "@/components/section";
import { direction } from "@/lib/i18n/routing";
import { Link } from "@/components/link";
import type { ContributionDetail } from "@/lib/contributions/get-contribution";
import { UserText } from "@/components/text/user-text";
import { municipalityPaths } from "@/lib/routes/paths";
import { getFormatter } from "@/lib/i18n/format";

/**
 * The public answers, oldest first: an append-only record of the status, what was decided and
 * why, who decided, which actor is responsible (a link to it on the organigram) and by when.
 */
export async function ResponseTimeline({
  responses,
  municipalitySlug,
  languageFallback,
  body,
}: {
  responses: ContributionDetail["responses"];
  municipalitySlug?: string;
  /** The dialogue's first language: an answer's language where none is stored. */
  languageFallback: string;
  /** Renders an answer's words (e.g. in the reader's language, components/translations); default: as written. */
  body?: (response: ContributionDetail["responses"][number] & { language: string }) => ReactNode;
}) {
  const [t, statuses, format] = await Promise.all([getTranslations("contributionPage"), getTranslations("statuses"), getFormatter()]);
  return (
    <Section id="responses-heading" heading={t("responsesHeading")} className="mt-10">
      {responses.length === 0 ? (
        <p className="mt-3">{t("noResponses")}</p>
      ) : (
        <ol className="mt-3 space-y-4 border-s-2 border-line ps-4" data-testid="response-timeline">
          {responses.map(({ language, ...response }) => (
            <li key={response.id} id={`response-${response.id}`}>
              <p className="flex flex-wrap items-baseline gap-x-3">
                <span className="badge bg-phase-bg text-phase-ink">{statuses(response.status)}</span>
                <time dateTime={response.createdAt.toISOString()} className="text-sm text-muted">
                  {format.dateTime(response.createdAt, "day")}
                </time>
              </p>
              {body ? (
                body({ ...response, language: language ?? languageFallback })
              ) : (
                <UserText text={response.body} format="markdown" className="mt-2" lang={language ?? languageFallback} dir={direction(language ?? languageFallback)} />
              )}
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 text-sm">
                {response.decidedBy && (
                  <>
                    <dt className="text-muted">{t("decidedBy")}</dt>
                    <dd className="break-words"><bdi>{response.decidedBy}</bdi></dd>
                  </>
                )}
                {response.actor && (
                  <>
                    <dt className="text-muted">{t("responsible")}</dt>
                    <dd className="break-words">
                      {municipalitySlug ? <Link href={municipalityPaths(municipalitySlug).actor(response.actor.id)}><bdi>{response.actor.name}</bdi></Link> : response.actor.name}
                    </dd>
                  </>
                )}
                {response.dueDate && (
                  <>
                    <dt className="text-muted">{t("dueDate")}</dt>
                    <dd>
                      <time dateTime={response.dueDate.toISOString().slice(0, 10)}>{format.dateTime(response.dueDate, "day", { timeZone: "UTC" })}</time>
                    </dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
