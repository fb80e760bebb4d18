import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ContributionFilters } from "@/components/contribution-filters";
import { ContributionList, type ListSupport } from "@/components/contribution-item";
import { DistrictMap } from "@/components/districts/district-map";
import { DialogueTeamLinks } from "@/components/dialogues/dialogue-team-links";
import { PhaseTimeline } from "@/components/dialogues/phase-timeline";
import { TakePartBox } from "@/components/dialogues/take-part-box";
import { FollowForm } from "@/components/follow/follow-form";
import { HostText, HostTextNote } from "@/components/host-texts/host-text";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { MeetingSections } from "@/components/meetings/meeting-list";
import { Pagination } from "@/components/pagination";
import { RequestTextTranslation } from "@/components/translations/request-text-translation";
import { OpenPolls } from "@/components/polls/open-polls";
import { Section } from "@/components/section";
import { RequestHostTextTranslationForm } from "@/components/form/deferred";
import { getViewer } from "@/lib/auth/get-viewer";
import { isFiltered } from "@/lib/contributions/contribution-filters";
import { pickDistrictName } from "@/lib/districts/district-names";
import { FEW_CONTRIBUTIONS } from "@/lib/districts/district-rules";
import { loadDialogue, type LoadedDialogue } from "@/lib/dialogues/load-dialogue";
import { loadDialoguePage } from "@/lib/pages/dialogue-page";
import { contentLanguage, pickHostText } from "@/lib/host-texts/pick-host-text";
import { languageName } from "@/lib/i18n/language-names";
import { somePollNotInReaderLanguage } from "@/lib/polls/pick-poll-text";
import { getThemeNamer } from "@/lib/i18n/theme-names";
import { setFollowingAction } from "@/lib/actions/notifications/follow";
import { requestDialogueTranslationAction } from "@/lib/actions/translations/host-text-translation";
import { supportFromListAction } from "@/lib/actions/supports/support-from-list";
import { dialoguePaths, localized, municipalityPaths, sitePaths, withQuery } from "@/lib/routes/paths";

type Params = { locale: string; municipality: string; dialogue: string };
type Props = { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The dialogue's texts in the version for the reader (?text=<language> picks another one).
function textOf(dialogue: LoadedDialogue, locale: string, requested: string | string[] | undefined) {
  return pickHostText(
    { language: dialogue.languages[0] ?? "de", fields: { title: dialogue.title, summary: dialogue.summary, body: dialogue.description } },
    dialogue.versions,
    locale,
    { requested: typeof requested === "string" ? requested : undefined },
  );
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ locale, municipality, dialogue: slug }, query] = await Promise.all([params, searchParams]);
  // The same request-cached load as the page: no statement of its own.
  const loaded = await loadDialogue(await getViewer(), { municipalitySlug: municipality, dialogueSlug: slug });
  if (!loaded) return {};
  const text = textOf(loaded.dialogue, locale, query.text);
  return { title: text.fields.title, description: text.fields.summary };
}

/**
 * Phone first: the title, where the dialogue stands (phase timeline), the one thing to do now
 * (post, or how to take part), then the contributions; the description, themes and meetings
 * follow below. Everything comes from loadDialoguePage; nothing below the page loads or decides.
 */
export default async function DialoguePage({ params, searchParams }: Props) {
  const [{ locale, municipality, dialogue: slug }, query] = await Promise.all([params, searchParams]);
  const viewer = await getViewer();
  const data = await loadDialoguePage(viewer, { locale, municipality, dialogue: slug }, query);
  if (!data) notFound();
  const { dialogue, may, contributions, filters, districts } = data;
  if (contributions.page > contributions.pageCount) notFound();

  const [t, post, admin, filtersText, results, responsibilities, meetings, follow, themeName, polls] = await Promise.all([
    getTranslations("dialogue"),
    getTranslations("post"),
    getTranslations("dialogueAdmin"),
    getTranslations("filters"),
    getTranslations("results"),
    getTranslations("responsibilities"),
    getTranslations("meetings"),
    getTranslations("follow"),
    getThemeNamer(),
    getTranslations("polls"),
  ]);
  const districtMap = await getTranslations("districtMap");
  const text = textOf(dialogue, locale, query.text);
  const mainLanguage = dialogue.languages[0] ?? "de";
  const districtNames = districts.map((district) => {
    const { name, language } = pickDistrictName(district.names, locale, mainLanguage);
    return { id: district.id, name, lang: language.split("-")[0] === locale.split("-")[0] ? undefined : language };
  });
  // The list by a district whose count is not shown stays empty: say why instead of "none" (decision 049).
  const fewDistrict = filters.districtId !== undefined && districts.find((district) => district.id === filters.districtId)?.contributions === null;
  const at = dialoguePaths(dialogue);
  const themeById = new Map(dialogue.themes.map((theme) => [theme.id, themeName(theme)]));
  const listSupport: ListSupport | undefined =
    may.support || may.withdrawSupport
      ? {
          // Bound to the page and the list's position, where the button comes back to (decision 042).
          action: supportFromListAction.bind(null, { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug }, new URLSearchParams(data.listQuery).toString()),
          mayGive: may.support,
          mayWithdraw: may.withdrawSupport,
        }
      : undefined;

  return (
    <ClientMessages namespaces={[]} forms={viewer !== null}>
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <ol className="flex flex-wrap gap-x-2">
          <li>
            <Link href={sitePaths.home()}>{t("allDialogues")}</Link>
          </li>
          <li className="before:me-2 before:text-muted before:content-['/']">
            <Link href={municipalityPaths(dialogue.municipality.slug).home}>
              <bdi>{dialogue.municipality.name}</bdi>
            </Link>
          </li>
        </ol>
      </nav>

      <header className="mt-3">
        <HostText picked={text} field="title" pageLocale={locale} as="h1" className="text-2xl break-words sm:text-3xl" />
        <HostText picked={text} field="summary" pageLocale={locale} as="p" className="mt-1 text-muted" />
        <HostTextNote
          picked={text}
          pageLocale={locale}
          hrefFor={(language) => localized(locale, withQuery(at.home, { text: language }))}
          translateHref={may.translate ? localized(locale, sitePaths.hostTexts("dialogue", dialogue.id)) : undefined}
        />
        {/* No version in the reader's language yet (of the texts, or of an open poll): a signed-in reader has one machine-made, once for all. */}
        {may.requestTranslation &&
          (!text.languages.includes(contentLanguage(locale)) || somePollNotInReaderLanguage(data.openPolls, locale)) && (
          <ClientMessages namespaces={["translations"]}>
            <RequestHostTextTranslationForm
              action={requestDialogueTranslationAction.bind(null, { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug })}
              subject={{ dialogueId: dialogue.id }}
              language={contentLanguage(locale)}
              languageLabel={languageName(contentLanguage(locale), locale)}
            />
          </ClientMessages>
        )}
      </header>

      {dialogue.phase === "DRAFT" && (
        <p role="note" className="mt-3 rounded border-s-4 border-brand bg-proposal-bg p-3 font-semibold">
          {admin("draftNotice")}
        </p>
      )}
      <PhaseTimeline phase={dialogue.phase} dates={dialogue.dates} />

      {query.withdrawn === "1" && (
        <p role="status" className="mt-3 rounded border-s-4 border-brand bg-surface p-3">
          {post("withdrawn")}
        </p>
      )}

      {/* The one primary action: post while collecting; how to take part for who may not yet. */}
      {may.post && (
        <p className="mt-4">
          <Link href={at.newContribution} className="inline-block rounded bg-brand px-5 py-3 font-semibold text-white no-underline hover:bg-brand-dark">
            {post("postLink")}
          </Link>
        </p>
      )}
      {may.takePart && (
        <TakePartBox
          meetings={dialogue.meetings.upcoming}
          teamContact={dialogue.teamContact ? { text: dialogue.teamContact, language: dialogue.languages[0] ?? "de" } : null}
          signedIn={viewer !== null}
        />
      )}

      <DialogueTeamLinks may={may} paths={at} mediationCases={data.mediationCases} />
      {viewer && may.follow && (
        <div className="mt-3">
          <FollowForm
            action={setFollowingAction.bind(null, { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug })}
            target="dialogue"
            targetId={dialogue.id}
            following={data.following}
            status={follow(data.following ? "dialogueOn" : "dialogueOff")}
            button={data.following ? follow("unfollow") : follow("follow")}
          />
        </div>
      )}
      {dialogue.phase !== "DRAFT" && (
        <p className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-sm">
          <a href="#about">{t("about")}</a>
          <a href="#meetings">{meetings("heading")}</a>
          {data.openPolls.length > 0 ? <a href="#polls">{polls("heading")}</a> : <Link href={at.polls}>{polls("heading")}</Link>}
          {districts.length > 0 && <a href="#districts">{districtMap("heading")}</a>}
          <Link href={at.results}>{results("resultsLink")}</Link>
        </p>
      )}

      <OpenPolls
        polls={data.openPolls}
        page={{ locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug }}
        paths={at}
        mayAnswer={may.answerPolls}
        mayTranslate={may.translate}
        signedIn={viewer !== null}
        takePart={may.takePart}
        answered={typeof query.answered === "string" ? query.answered : undefined}
      />

      <Section id="contributions" heading={t("contributionsHeading")} className="mt-6">
        {fewDistrict ? (
          <p className="mt-1 rounded border-s-4 border-brand bg-surface p-3" role="status" data-testid="district-few">
            {districtMap("listFew", { threshold: FEW_CONTRIBUTIONS })}
          </p>
        ) : isFiltered(filters) ? (
          <p className="mt-1 text-muted" role="status">
            {filtersText("resultCount", { count: contributions.total })}
          </p>
        ) : (
          <p className="mt-1 text-muted">{t("contributionCount", { count: contributions.total })}</p>
        )}
        {(contributions.total > 0 || isFiltered(filters)) && (
          <ContributionFilters
            pathname={at.home}
            filters={filters}
            themes={dialogue.themes.map((theme) => ({ id: theme.id, name: themeById.get(theme.id) ?? "" }))}
            languages={dialogue.languages}
            districts={districtNames}
          />
        )}
        {contributions.total === 0 ? (
          fewDistrict ? null : isFiltered(filters) ? (
            <p className="mt-4">
              {filtersText("empty")} <Link href={at.home}>{filtersText("reset")}</Link>
            </p>
          ) : (
            <p className="mt-4">{t("noContributions")}</p>
          )
        ) : (
          <>
            {filters.sort === "needs" && <p className="mt-3 border-s-4 border-brand ps-3 text-sm">{t("sortNote")}</p>}
            <ContributionList items={contributions.items} themeNames={themeById} paths={at} support={listSupport} />
            <Pagination pathname={at.home} page={contributions.page} pageCount={contributions.pageCount} query={data.listQuery} cursors={contributions.cursors} />
          </>
        )}
      </Section>

      {districts.length > 0 && (
        <Section id="districts" heading={districtMap("heading")} headingClassName="text-xl" className="mt-8">
          <p className="mt-1 text-muted">{districtMap("intro")}</p>
          <DistrictMap
            id="dialogue-districts"
            heading={districtMap("heading")}
            districts={districts}
            locale={locale}
            fallbackLanguage={mainLanguage}
            hrefFor={(district) => withQuery(at.home, { district: district.id }, "contributions")}
          />
        </Section>
      )}

      <details id="about" className="mt-8 rounded border border-line">
        <summary className="cursor-pointer px-3 py-2 text-xl font-semibold">{t("about")}</summary>
        <div className="px-3 pb-3">
          <HostText picked={text} field="body" pageLocale={locale} format="paragraphs" className="mt-2 space-y-3" data-testid="dialogue-description" />
          {dialogue.themes.length > 0 && (
            <>
              <h3 className="mt-4 text-lg">{t("themesHeading")}</h3>
              <ul className="mt-2 flex flex-wrap gap-2">
                {dialogue.themes.map((theme) => (
                  <li key={theme.id} className="rounded-full border border-line bg-surface px-3 py-0.5 text-sm">
                    {themeById.get(theme.id)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {dialogue.phase !== "DRAFT" && (
            <p className="mt-4">
              <Link href={at.responsibilities} className="font-semibold">
                {responsibilities("dialogueLink")}
              </Link>
            </p>
          )}
        </div>
      </details>

      <Section id="meetings-heading" anchor="meetings" heading={meetings("heading")} headingClassName="text-xl" className="mt-8">
        <MeetingSections
          meetings={dialogue.meetings}
          paths={at}
          level={3}
          translateLinks={may.translate}
          requestTranslation={
            may.requestTranslation
              ? (meetingId, text) => <RequestTextTranslation picked={text} subject={{ meetingId }} page={{ locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug }} />
              : undefined
          }
        />
        {may.manageMeetings && (
          <p className="mt-3">
            <Link href={at.meetingsManage} className="font-semibold">
              {meetings("manageLink")}
            </Link>
          </p>
        )}
      </Section>
    </ClientMessages>
  );
}
