import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { RowList, Section } from "@/components/section";
import { findParticipantsForNewCode, listSignInCodeIssues } from "@/lib/accounts/new-sign-in-code";
import { getViewer } from "@/lib/auth/get-viewer";
import { direction } from "@/lib/i18n/routing";
import { loadMunicipalityFor } from "@/lib/pages/municipality-page";
import { IssueSignInCodeForm } from "./issue-form";
import { municipalityPaths } from "@/lib/routes/paths";
import { getFormatter } from "@/lib/i18n/format";

type Props = { params: Promise<{ locale: string; municipality: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** For the municipality's staff and platform admins only; everyone else gets a 404. */
const loadMunicipality = async (slug: string) => loadMunicipalityFor(await getViewer(), slug, "issueSignInCodes");

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signInCodes");
  return { title: t("title"), robots: { index: false } };
}

/**
 * A participant lost the paper with their sign-in code (decision 032): staff find them by name,
 * confirm them in person, and hand over a new code. Every new code is in the log below.
 */
export default async function SignInCodesPage({ params, searchParams }: Props) {
  const [{ municipality: slug }, query] = await Promise.all([params, searchParams]);
  const loaded = await loadMunicipality(slug);
  if (!loaded) notFound();
  const { viewer, municipality } = loaded;
  const name = typeof query.name === "string" ? query.name.trim().slice(0, 100) : "";
  const [t, format, found, log] = await Promise.all([
    getTranslations("signInCodes"),
    getFormatter(),
    name.length >= 2 ? findParticipantsForNewCode(viewer, { municipalityId: municipality.id, name }) : null,
    listSignInCodeIssues(viewer, { municipalityId: municipality.id }),
  ]);

  return (
    <ClientMessages namespaces={["signInCodes", "join"]} forms>
      <p className="text-sm">
        <Link href={municipalityPaths(municipality.slug).staff}>{t("back")}</Link>
      </p>
      <h1 className="mt-4 text-3xl">{t("title")}</h1>
      <p className="mt-1 text-lg font-semibold"><bdi>{municipality.name}</bdi></p>
      <p className="mt-3">{t("intro")}</p>

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3">
        <div className="grow">
          <label htmlFor="participant-name" className="block font-semibold">{t("search")}</label>
          <input id="participant-name" name="name" defaultValue={name} minLength={2} className="mt-1 block w-full rounded border border-muted bg-white px-3 py-2 text-ink" />
        </div>
        <button type="submit" className="rounded border-2 border-brand px-5 py-2 font-semibold text-brand hover:bg-surface">{t("searchSubmit")}</button>
      </form>

      {found && (
        <Section id="found-heading" heading={t("foundHeading")} className="mt-6">
          <RowList items={found} none={t("noResults")}>
            {(person) => (
              <li key={person.id} className="py-4">
                <p className="font-semibold"><bdi>{person.displayName}</bdi></p>
                <p className="text-sm text-muted">{t("since", { date: format.dateTime(person.createdAt, "day") })}</p>
                <ul className="mt-1 text-sm">
                  {person.memberships.map(({ dialogue }, index) => (
                    <li key={index} lang={dialogue.languages[0] ?? "de"} dir={direction(dialogue.languages[0] ?? "de")}>{dialogue.title}</li>
                  ))}
                </ul>
                <IssueSignInCodeForm municipalityId={municipality.id} userId={person.id} />
              </li>
            )}
          </RowList>
        </Section>
      )}

      <Section id="log-heading" heading={t("logHeading")} className="mt-10 border-t border-line pt-6">
        {log.length === 0 ? (
          <p className="mt-3">{t("logEmpty")}</p>
        ) : (
          <ol className="mt-3 space-y-2" data-testid="sign-in-code-log">
            {log.map((entry) => (
              <li key={entry.id}>
                <time dateTime={entry.createdAt.toISOString()} className="text-muted">
                  {format.dateTime(entry.createdAt, "moment")}
                </time>{" "}
                {t("logEntry", { staff: entry.issuedBy.displayName, person: entry.user.displayName })}
                {entry.endedSessions && <span className="text-muted"> · {t("logEndedSessions")}</span>}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </ClientMessages>
  );
}
