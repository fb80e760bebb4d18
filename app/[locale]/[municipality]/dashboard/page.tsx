import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/components/link";
import { MunicipalityBanner } from "@/components/municipalities/municipality-banner";
import { Section } from "@/components/section";
import { getViewer } from "@/lib/auth/get-viewer";
import { direction } from "@/lib/i18n/routing";
import { Pagination } from "@/components/pagination";
import { parsePageNumber } from "@/lib/contributions/list-contributions";
import { PHASE_ORDER } from "@/lib/dialogues/dialogue-pages";
import { loadDashboardPage } from "@/lib/pages/staff-pages";
import { municipalityPaths } from "@/lib/routes/paths";
import { getFormatter } from "@/lib/i18n/format";

type Props = { params: Promise<{ locale: string; municipality: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The dashboard with one page of its dialogues: `?page=N`, with the keyset cursor its links carry (`after`/`before`). */
const load = async (slug: string, query: Record<string, string | string[] | undefined>) => {
  const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
  return loadDashboardPage(await getViewer(), slug, parsePageNumber(query.page), one(query.after), one(query.before));
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const loaded = await load((await params).municipality, await searchParams);
  if (!loaded) return {};
  const t = await getTranslations("staffDashboard");
  return { title: t("metaTitle", { municipality: loaded.municipality.name }), robots: { index: false } };
}

/** Where the municipality's staff start: what waits, what happened, and every way onward. */
export default async function DashboardPage({ params, searchParams }: Props) {
  const { locale, municipality: slug } = await params;
  const loaded = await load(slug, await searchParams);
  if (!loaded) notFound();
  const { municipality, dialogues, inPhase: phaseCounts, unansweredNeeds, openReports, activity } = loaded;
  const [t, phases, kinds, m, actors, overview, queue, format] = await Promise.all([
    getTranslations("staffDashboard"),
    getTranslations("phases"),
    getTranslations("kinds"),
    getTranslations("municipality"),
    getTranslations("actors"),
    getTranslations("overview"),
    getTranslations("answerQueue"),
    getFormatter(),
  ]);
  const paths = municipalityPaths(municipality.slug);
  const number = (n: number) => format.number(n);
  const textAttributes = (language: string) => (language.split("-")[0] === locale.split("-")[0] ? {} : { lang: language, dir: direction(language) });

  return (
    <div data-wide className="space-y-8">
      <MunicipalityBanner municipalityId={municipality.id} />
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={paths.home}>
          <bdi>{municipality.name}</bdi>
        </Link>
      </nav>
      <div>
        <h1 className="text-3xl">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("intro", { municipality: municipality.name })}</p>
      </div>

      {loaded.may.createDialogue && (
        <p>
          <Link href={paths.newDialogue} className="inline-block rounded bg-brand px-4 py-2 font-semibold text-white no-underline hover:underline">
            {m("newDialogue")}
          </Link>
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <Section id="waiting" heading={t("waitingHeading")} headingClassName="text-xl" className="rounded border border-line p-4">
          <dl className="mt-3 space-y-3">
            <div>
              <dt className="font-semibold">{t("unansweredNeeds")}</dt>
              <dd className="text-2xl font-bold" data-testid="dashboard-unanswered">{number(unansweredNeeds)}</dd>
              <dd>
                <Link href={paths.answerQueue}>{queue("municipalityTitle")}</Link>
              </dd>
            </div>
            <div>
              <dt className="font-semibold">{t("openReports")}</dt>
              <dd className="text-2xl font-bold" data-testid="dashboard-reports">{number(openReports)}</dd>
              <dd>{loaded.may.moderate ? <Link href={paths.moderation}>{t("moderationLink")}</Link> : <span className="text-muted">{t("reportsForModerators")}</span>}</dd>
            </div>
          </dl>
        </Section>

        <Section id="manage" heading={t("manageHeading")} headingClassName="text-xl" className="rounded border border-line p-4">
          <ul className="mt-3 space-y-2">
            <li><Link href={paths.actorsManage}>{actors("manageLink")}</Link></li>
            <li><Link href={paths.actors}>{actors("title")}</Link></li>
            <li><Link href={paths.staff}>{m("staffLink")}</Link></li>
            <li><Link href={paths.overview}>{overview("heading")}</Link></li>
            {loaded.may.brand && <li><Link href={paths.branding}>{t("brandingLink")}</Link></li>}
            {loaded.may.manageDistricts && <li><Link href={paths.districts}>{t("districtsLink")}</Link></li>}
            {loaded.may.manageChannel && <li><Link href={paths.messenger}>{t("messengerLink")}</Link></li>}
          </ul>
        </Section>

        <Section id="activity" heading={t("activityHeading")} headingClassName="text-xl" className="rounded border border-line p-4">
          {activity.length === 0 ? (
            <p className="mt-3 text-muted">{t("activityNone")}</p>
          ) : (
            <ul className="mt-3 space-y-3">
              {activity.map((item) => (
                <li key={`${item.kind}-${item.contribution.id}-${item.at.getTime()}`}>
                  <p className="text-sm text-muted">
                    <time dateTime={item.at.toISOString()}>{format.dateTime(item.at, "moment")}</time>
                    {" · "}
                    {item.kind === "response" ? t("activityResponse") : t("activityContribution", { kind: kinds(item.contribution.kind) })}
                  </p>
                  <p {...textAttributes(item.contribution.language)} className="break-words">
                    <Link href={paths.dialogue(item.dialogue.slug).contribution(item.contribution.id)}>{item.contribution.title || t("untitled")}</Link>
                  </p>
                  <p {...textAttributes(item.dialogue.language)} className="text-sm break-words">{item.dialogue.title}</p>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>

      <Section id="by-phase" heading={t("dialoguesHeading")}>
        {loaded.pageCount === 1 && dialogues.length === 0 && <p className="mt-3">{t("noDialogues")}</p>}
        <div className="mt-3 grid gap-6 lg:grid-cols-2">
          {PHASE_ORDER.map((phase) => {
            const inPhase = dialogues.filter((dialogue) => dialogue.phase === phase);
            if (inPhase.length === 0) return null;
            return (
              <section key={phase} aria-labelledby={`phase-${phase}`} data-testid={`dashboard-phase-${phase}`}>
                <h3 id={`phase-${phase}`} className="text-xl">
                  {phase === "DRAFT" ? m("draftsHeading") : phases(phase)} <span className="font-normal text-muted">({number(phaseCounts[phase])})</span>
                </h3>
                <ul className="mt-2 space-y-3">
                  {inPhase.map((dialogue) => (
                    <li key={dialogue.id} className="rounded border border-line p-3">
                      <p {...textAttributes(dialogue.language)} className="font-semibold break-words">
                        <Link href={paths.dialogue(dialogue.slug).home}>{dialogue.title}</Link>
                      </p>
                      <p className="mt-1 flex flex-wrap gap-x-4 text-sm">
                        <span>{t("contributions")}: {number(dialogue.contributions)}</span>
                        {phase !== "DRAFT" && <span>{t("unansweredNeeds")}: {number(dialogue.unansweredNeeds)}</span>}
                        <Link href={paths.dialogue(dialogue.slug).manage}>{t("manageDialogue")}</Link>
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
        {/* A town with many dialogues: twenty a page, plain links that carry the page's keyset cursor. */}
        <Pagination pathname={paths.dashboard} page={loaded.page} pageCount={loaded.pageCount} cursors={loaded.cursors} hash="by-phase" />
      </Section>
    </div>
  );
}
