import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DialogueTitle } from "@/components/host-texts/dialogue-title";
import { Link } from "@/components/link";
import { PhaseBadge } from "@/components/phase-badge";
import { BarChart } from "@/components/results/bar-chart";
import { DataTable } from "@/components/results/data-table";
import { PrintSource } from "@/components/results/print-source";
import { ResultSection } from "@/components/results/result-section";
import { Section } from "@/components/section";
import { getViewer } from "@/lib/auth/get-viewer";
import { loadPublishedDialogue } from "@/lib/dialogues/load-dialogue";
import { direction } from "@/lib/i18n/routing";
import { getThemeNamer } from "@/lib/i18n/theme-names";
import { getDialogueResults } from "@/lib/results/get-dialogue-results";
import { listPolls } from "@/lib/polls/list-polls";
import { PollResults } from "@/components/polls/poll-results";
import { PollStatus } from "@/components/polls/poll-status";
import "@/components/results/results.css";
import { DistrictMap } from "@/components/districts/district-map";
import { getDistrictMap } from "@/lib/districts/get-district-map";
import { dialoguePaths, localized, withQuery } from "@/lib/routes/paths";
import { getFormatter } from "@/lib/i18n/format";

type Params = { locale: string; municipality: string; dialogue: string };
type Props = { params: Promise<Params> };

// Results are public once a dialogue is (dialogue:read): no draft, for nobody.
const loadDialogue = cache(async (municipalitySlug: string, dialogueSlug: string) => (await loadPublishedDialogue(await getViewer(), { municipalitySlug, dialogueSlug }))?.dialogue ?? null);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { municipality, dialogue: slug } = await params;
  const dialogue = await loadDialogue(municipality, slug);
  if (!dialogue) return {};
  const t = await getTranslations("results");
  return { title: t("metaTitle", { dialogue: dialogue.title }) };
}

export default async function ResultsPage({ params }: Props) {
  const { locale, municipality, dialogue: slug } = await params;
  const dialogue = await loadDialogue(municipality, slug);
  if (!dialogue) notFound();

  const [results, t, perspectives, statuses, themeName, format, polls, pollTexts, districtMap, districtText] = await Promise.all([
    getDialogueResults(await getViewer(), { dialogueId: dialogue.id }, { shared: true }),
    getTranslations("results"),
    getTranslations("perspectives"),
    getTranslations("statuses"),
    getThemeNamer(),
    getFormatter(),
    // Not in the shared tally: a poll closes by its time, with no write to key on (decision 048).
    listPolls(await getViewer(), { dialogueId: dialogue.id, locale }),
    getTranslations("polls"),
    getDistrictMap({ municipalityId: dialogue.municipality.id, dialogueId: dialogue.id }),
    getTranslations("districtMap"),
  ]);
  const dir = direction(locale);
  const mainLanguage = dialogue.languages[0] ?? "de";
  const paths = dialoguePaths(dialogue);
  const { contributions, needs, supports } = results;

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="results-nav text-sm">
        <Link href={paths.home}>{t("backToDialogue")}</Link>
      </nav>

      <header className="mt-4 space-y-2">
        <h1 className="text-3xl">{t("heading")}</h1>
        <DialogueTitle dialogue={dialogue} as="p" className="text-xl font-semibold break-words" />
        <p className="text-muted"><bdi>{dialogue.municipality.name}</bdi></p>
        <p>
          <PhaseBadge phase={dialogue.phase} />
        </p>
        <p className="text-sm text-muted">{t("asOf", { date: format.dateTime(new Date(), "dayLong") })}</p>
        <PrintSource path={localized(locale, paths.results)} label={t("printSource")} />
      </header>

      <Section id="in-brief" heading={t("inBriefHeading")} className="results-block mt-8">
        <ul className="mt-3 grid gap-3 sm:grid-cols-3">
          <li className="rounded border border-line p-3">{t("needsCount", { count: contributions.needs })}</li>
          <li className="rounded border border-line p-3">{t("proposalsCount", { count: contributions.proposals })}</li>
          <li className="rounded border border-line p-3">
            {needs.answeredShare === null
              ? t("noNeeds")
              : t("answeredShare", { share: format.number(needs.answeredShare, { style: "percent", maximumFractionDigits: 0 }) })}
          </li>
        </ul>
        <p className="mt-3 text-sm text-muted">{t("countingNote")}</p>
      </Section>

      <ResultSection id="support" heading={t("supportHeading")} intro={t("supportIntro")}>
        <BarChart
          dir={dir}
          series={[{ label: t("online") }, { label: t("atMeetings") }]}
          rows={supports.byPerspective.map((p) => ({ key: p.perspective, label: perspectives(p.perspective), values: [p.online, p.atMeetings] }))}
        />
        <DataTable
          id="support-table"
          caption={t("supportCaption")}
          columns={[t("perspective"), t("online"), t("atMeetings"), t("together")]}
          rows={[
            ...supports.byPerspective.map((p) => ({
              key: p.perspective,
              header: perspectives(p.perspective),
              cells: [p.online, p.atMeetings, p.online + p.atMeetings],
            })),
            { key: "all", header: t("allPerspectives"), cells: [supports.online, supports.atMeetings, supports.online + supports.atMeetings] },
          ]}
        />
      </ResultSection>

      <ResultSection id="raised" heading={t("raisedHeading")} intro={t("raisedIntro")}>
        <BarChart
          dir={dir}
          series={[{ label: t("needs") }, { label: t("proposals") }]}
          rows={contributions.byPerspective.map((p) => ({ key: p.perspective, label: perspectives(p.perspective), values: [p.needs, p.proposals] }))}
        />
        <DataTable
          id="raised-table"
          caption={t("raisedCaption")}
          columns={[t("perspective"), t("needs"), t("proposals")]}
          rows={contributions.byPerspective.map((p) => ({ key: p.perspective, header: perspectives(p.perspective), cells: [p.needs, p.proposals] }))}
        />
      </ResultSection>

      <ResultSection id="themes" heading={t("themesHeading")}>
        <BarChart
          dir={dir}
          series={[{ label: t("needs") }, { label: t("proposals") }]}
          rows={results.themes.map((r) => ({ key: r.theme.id, label: themeName(r.theme), values: [r.needs, r.proposals] }))}
        />
        <DataTable
          id="themes-table"
          caption={t("themesCaption")}
          columns={[t("theme"), t("needs"), t("proposals"), t("answeredNeeds")]}
          rows={results.themes.map((r) => ({ key: r.theme.id, header: themeName(r.theme), cells: [r.needs, r.proposals, r.answeredNeeds] }))}
        />
        <DataTable
          id="theme-support-table"
          caption={t("themeSupportCaption")}
          columns={[t("theme"), ...supports.byPerspective.map((p) => perspectives(p.perspective))]}
          rows={results.themes.map((r) => ({
            key: r.theme.id,
            header: themeName(r.theme),
            cells: r.supports.map((p) => p.online + p.atMeetings),
          }))}
        />
      </ResultSection>

      {districtMap.districts.length > 0 && (
        <ResultSection id="districts" heading={districtText("heading")} intro={districtText("intro")}>
          <DistrictMap
            id="results-districts"
            heading={districtText("heading")}
            districts={districtMap.districts}
            locale={locale}
            fallbackLanguage={mainLanguage}
            hrefFor={(district) => withQuery(paths.home, { district: district.id }, "contributions")}
          />
        </ResultSection>
      )}

      <ResultSection
        id="answers"
        heading={t("answersHeading")}
        intro={needs.total === 0 ? t("noNeeds") : t("answeredOf", { answered: needs.answered, total: needs.total })}
      >
        <BarChart
          dir={dir}
          series={[{ label: t("count") }]}
          rows={needs.byStatus.map((s) => ({ key: s.status, label: statuses(s.status), values: [s.count] }))}
        />
        <DataTable
          id="status-table"
          caption={t("statusCaption")}
          columns={[t("status"), t("needs")]}
          rows={needs.byStatus.map((s) => ({ key: s.status, header: statuses(s.status), cells: [s.count] }))}
        />
      </ResultSection>

      <ResultSection id="polls" heading={pollTexts("heading")} intro={pollTexts("resultsLater")}>
        {polls.length === 0 ? (
          <p className="mt-3">{pollTexts("none")}</p>
        ) : (
          polls.map((poll) => (
            <section key={poll.id} aria-labelledby={`results-poll-${poll.id}`} className="mt-6">
              <h3 id={`results-poll-${poll.id}`} className="text-lg break-words">
                <Link href={paths.poll(poll.id)} lang={poll.text.language}>
                  {poll.text.question}
                </Link>
              </h3>
              <PollStatus poll={poll} />
              {poll.tallies && <PollResults poll={poll} tallies={poll.tallies} dir={dir} idPrefix={`results-poll-${poll.id}`} />}
            </section>
          ))
        )}
      </ResultSection>

      <ResultSection id="actors" heading={t("actorsHeading")} intro={t("actorsIntro")}>
        <ul className="mt-3 space-y-4">
          {results.themes.map((r) => (
            <li key={r.theme.id}>
              <h3 className="text-lg">{themeName(r.theme)}</h3>
              {r.actors.length === 0 ? (
                <p className="text-muted">{t("noActors")}</p>
              ) : (
                <ul className="mt-1 list-disc space-y-1 ps-6">
                  {r.actors.map((actor) => (
                    <li key={actor.id}>
                      <span className="font-semibold"><bdi>{actor.name}</bdi></span>
                      <span className="text-muted"> · {t("actorKind", { kind: actor.kind })}</span>
                      {actor.refugeeLed && <span className="badge ms-2 bg-phase-bg text-phase-ink">{t("refugeeLed")}</span>}
                      {actor.note && (
                        <span className="block text-sm" lang={mainLanguage}>
                          {actor.note}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </ResultSection>

      <ResultSection id="meetings" heading={t("meetingsHeading")} intro={t("meetingsIntro")}>
        {results.meetings.length === 0 ? (
          <p className="mt-3">{t("noMeetings")}</p>
        ) : (
          <DataTable
            id="meetings-table"
            caption={t("meetingsCaption")}
            columns={[t("meeting"), t("contributions"), t("supportsCounted")]}
            rows={results.meetings.map((m) => ({
              key: m.id,
              header: (
                <>
                  <span className="block" lang={mainLanguage}>
                    {m.title}
                  </span>
                  <span className="block text-muted">
                    {format.dateTime(m.startsAt, "day")}
                    {" · "}
                    <span lang={mainLanguage}>{m.place}</span>
                  </span>
                </>
              ),
              cells: [m.contributions, m.supports],
            }))}
          />
        )}
        <BarChart
          dir={dir}
          series={[{ label: t("needs") }, { label: t("proposals") }]}
          rows={contributions.bySource.map((s) => ({ key: s.source, label: t("source", { source: s.source }), values: [s.needs, s.proposals] }))}
        />
        <DataTable
          id="sources-table"
          caption={t("sourcesCaption")}
          columns={[t("sourceColumn"), t("needs"), t("proposals")]}
          rows={contributions.bySource.map((s) => ({ key: s.source, header: t("source", { source: s.source }), cells: [s.needs, s.proposals] }))}
        />
      </ResultSection>
    </>
  );
}
