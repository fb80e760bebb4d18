import { getFormatter, getTranslations } from "next-intl/server";
import type { ContributionDetail } from "@/lib/contributions/get-contribution";

/** The public answers, oldest first: an append-only record of who decided what, and who does it. */
export async function ResponseTimeline({ responses }: { responses: ContributionDetail["responses"] }) {
  const [t, statuses, format] = await Promise.all([getTranslations("contributionPage"), getTranslations("statuses"), getFormatter()]);
  return (
    <section aria-labelledby="responses-heading" className="mt-10">
      <h2 id="responses-heading" className="text-2xl">
        {t("responsesHeading")}
      </h2>
      {responses.length === 0 ? (
        <p className="mt-3">{t("noResponses")}</p>
      ) : (
        <ol className="mt-3 space-y-4 border-s-2 border-line ps-4">
          {responses.map((response) => (
            <li key={response.id}>
              <p className="flex flex-wrap items-baseline gap-x-3">
                <span className="badge bg-phase-bg text-phase-ink">{statuses(response.status)}</span>
                <time dateTime={response.createdAt.toISOString()} className="text-sm text-muted">
                  {format.dateTime(response.createdAt, { dateStyle: "medium" })}
                </time>
              </p>
              <p className="mt-2 whitespace-pre-line break-words">{response.body}</p>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 text-sm">
                {response.decidedBy && (
                  <>
                    <dt className="text-muted">{t("decidedBy")}</dt>
                    <dd>{response.decidedBy}</dd>
                  </>
                )}
                {response.actor && (
                  <>
                    <dt className="text-muted">{t("responsible")}</dt>
                    <dd>{response.actor.name}</dd>
                  </>
                )}
                {response.dueDate && (
                  <>
                    <dt className="text-muted">{t("dueDate")}</dt>
                    <dd>{format.dateTime(response.dueDate, { dateStyle: "medium", timeZone: "UTC" })}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
