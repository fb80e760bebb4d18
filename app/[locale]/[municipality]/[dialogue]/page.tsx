import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ContributionFilters } from "@/components/contribution-filters";
import { ContributionItem } from "@/components/contribution-item";
import { Link } from "@/components/link";
import { ExportLink } from "@/components/exports/export-link";
import { ModerationLinks } from "@/components/moderation/moderation-links";
import { ResponsibilitiesLink } from "@/components/responsibilities/responsibilities-link";
import { FollowControl } from "@/components/follow/follow-control";
import { DialogueMeetings } from "@/components/meetings/dialogue-meetings";
import { OfflineEntryLink } from "@/components/on-behalf/offline-entry-link";
import { Pagination } from "@/components/pagination";
import { PhaseBadge } from "@/components/phase-badge";
import { getViewer } from "@/lib/auth/get-viewer";
import { hostTextsPath } from "@/lib/host-texts/paths";
import { filtersToQuery, isFiltered, parseContributionFilters } from "@/lib/contributions/contribution-filters";
import { listContributions, parsePageNumber } from "@/lib/contributions/list-contributions";
import { getPublicDialogue } from "@/lib/dialogues/get-public-dialogue";
import { getDraftDialogue } from "@/lib/dialogues/get-draft-dialogue";
import { HostText, HostTextNote } from "@/components/host-texts/host-text";
import { loadHostTextVersions, versionsOf } from "@/lib/host-texts/load-versions";
import { contentLanguage, pickHostText } from "@/lib/host-texts/pick-host-text";
import { ClientMessages } from "@/components/identity/client-messages";
import { RequestHostTextTranslationForm } from "@/components/translations/request-host-text-translation";
import { languageName } from "@/lib/i18n/language-names";
import { machineTranslationEnabled } from "@/lib/translations/machine-translate";
import { requestDialogueTranslationAction } from "./host-text-translation-actions";
import { getThemeNamer } from "@/lib/i18n/theme-names";
import { can } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";

type Params = { locale: string; municipality: string; dialogue: string };
type Props = { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// generateMetadata and the page need the same row: one query per request. A draft only for
// those the policy lets read it (its host team).
const loadDialogue = cache(
  async (municipalitySlug: string, dialogueSlug: string) =>
    (await getPublicDialogue({ municipalitySlug, dialogueSlug })) ??
    getDraftDialogue(await getViewer(), { municipalitySlug, dialogueSlug }),
);

// The dialogue's texts in the version for the reader (?text=<language> picks another one).
const loadText = cache(async (dialogue: NonNullable<Awaited<ReturnType<typeof loadDialogue>>>, locale: string, requested: string | undefined) => {
  const versions = await loadHostTextVersions({ dialogueIds: [dialogue.id] });
  return pickHostText(
    { language: dialogue.languages[0] ?? "de", fields: { title: dialogue.title, summary: dialogue.summary, body: dialogue.description } },
    versionsOf(versions.dialogues, dialogue.id),
    locale,
    { requested },
  );
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ locale, municipality, dialogue: slug }, query] = await Promise.all([params, searchParams]);
  const dialogue = await loadDialogue(municipality, slug);
  if (!dialogue) return {};
  const text = await loadText(dialogue, locale, typeof query.text === "string" ? query.text : undefined);
  return { title: text.fields.title, description: text.fields.summary };
}

export default async function DialoguePage({ params, searchParams }: Props) {
  const [{ locale, municipality, dialogue: slug }, query] = await Promise.all([params, searchParams]);
  const dialogue = await loadDialogue(municipality, slug);
  if (!dialogue) notFound();

  const page = parsePageNumber(query.page);
  const filters = parseContributionFilters(query, { themeIds: dialogue.themes.map((theme) => theme.id), languages: dialogue.languages });
  const [contributions, t, phaseHints, themeName] = await Promise.all([
    listContributions({ dialogueId: dialogue.id, page, locale, filters }),
    getTranslations("dialogue"),
    getTranslations("phaseHints"),
    getThemeNamer(),
  ]);
  const filtersText = await getTranslations("filters");
  if (page > contributions.pageCount) notFound();
  // The same check the invitations page and its actions make; the policy's resource needs a query, so only for the signed-in.
  const viewer = await getViewer();
  const mayInvite = viewer !== null && can(viewer, "invitation:manage", await dialogueResource(dialogue.id));
  // The same checks the manage page and its actions make.
  const mayManage =
    viewer !== null &&
    (await dialogueResource(dialogue.id).then((r) => can(viewer, "dialogue:update", r) || can(viewer, "dialogue:open", r)));
  const admin = await getTranslations("dialogueAdmin");
  const invitations = await getTranslations("invitations");
  // The same check the post form and createContribution make.
  const mayPost = viewer !== null && can(viewer, "contribution:create", await dialogueResource(dialogue.id));
  const post = await getTranslations("post");
  // The same check addTranslation makes for the dialogue's own texts (translationTarget: translation:create).
  const mayTranslate = viewer !== null && can(viewer, "translation:create", await dialogueResource(dialogue.id));

  const text = await loadText(dialogue, locale, typeof query.text === "string" ? query.text : undefined);
  const pathname = `/${dialogue.municipality.slug}/${dialogue.slug}`;
  const themeById = new Map(dialogue.themes.map((theme) => [theme.id, themeName(theme)]));

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <ol className="flex flex-wrap gap-x-2">
          <li>
            <Link href="/">{t("allDialogues")}</Link>
          </li>
          <li className="text-muted before:me-2 before:content-['/']"><bdi>{dialogue.municipality.name}</bdi></li>
        </ol>
      </nav>

      <header className="mt-4 space-y-3">
        <HostText picked={text} field="title" pageLocale={locale} as="h1" className="text-3xl break-words" />
        <HostTextNote picked={text} pageLocale={locale} hrefFor={(language) => `/${locale}${pathname}?text=${language}`}
          translateHref={mayTranslate ? `/${locale}${hostTextsPath("dialogue", dialogue.id)}` : undefined}
        />
        <p>
          <PhaseBadge phase={dialogue.phase} />
        </p>
        <p className="text-muted">{phaseHints(dialogue.phase)}</p>
        {dialogue.phase !== "DRAFT" && (
          <p>
            <Link href={`${pathname}/results`} className="font-semibold">
              {(await getTranslations("results"))("resultsLink")}
            </Link>
          </p>
        )}
        {dialogue.phase === "DRAFT" && (
          <p role="note" className="rounded border-s-4 border-brand bg-proposal-bg p-3 font-semibold">
            {admin("draftNotice")}
          </p>
        )}
        {mayManage && (
          <p>
            <Link href={`${pathname}/manage`} className="font-semibold">
              {admin("manageLink")}
            </Link>
          </p>
        )}
        {mayInvite && (
          <p>
            <Link href={`${pathname}/invitations`} className="font-semibold">
              {invitations("inviteLink")}
            </Link>
          </p>
        )}
        <ExportLink viewer={viewer} dialogueId={dialogue.id} pathname={pathname} />
        <ModerationLinks viewer={viewer} dialogueId={dialogue.id} pathname={pathname} />
        {query.withdrawn === "1" && (
          <p role="status" className="rounded border-s-4 border-brand bg-surface p-3">
            {post("withdrawn")}
          </p>
        )}
        {mayPost && (
          <p>
            <Link href={`${pathname}/new`} className="inline-block rounded bg-brand px-5 py-3 font-semibold text-white no-underline hover:bg-brand-dark">
              {post("postLink")}
            </Link>
          </p>
        )}
        <OfflineEntryLink dialogueId={dialogue.id} dialoguePath={pathname} />
        {dialogue.phase !== "DRAFT" && <FollowControl viewer={viewer} target="dialogue" targetId={dialogue.id} back={pathname} />}
      </header>

      <HostText picked={text} field="body" pageLocale={locale} format="paragraphs" className="mt-6 space-y-3" data-testid="dialogue-description" />
      {/* No version in the reader's language yet: a signed-in reader has one machine-made, once for all. */}
      {viewer !== null &&
        dialogue.phase !== "DRAFT" &&
        !text.languages.includes(contentLanguage(locale)) &&
        machineTranslationEnabled() &&
        can(viewer, "translation:request", await dialogueResource(dialogue.id)) && (
          <ClientMessages namespaces={["translations"]}>
            <RequestHostTextTranslationForm
              action={requestDialogueTranslationAction}
              page={{ locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug }}
              subject={{ dialogueId: dialogue.id }}
              language={contentLanguage(locale)}
              languageLabel={languageName(contentLanguage(locale), locale)}
            />
          </ClientMessages>
        )}

      {dialogue.themes.length > 0 && (
        <section aria-labelledby="themes" className="mt-8">
          <h2 id="themes" className="text-xl">
            {t("themesHeading")}
          </h2>
          <ul className="mt-3 flex flex-wrap gap-2">
            {dialogue.themes.map((theme) => (
              <li key={theme.id} className="rounded-full border border-line bg-surface px-3 py-0.5 text-sm">
                {themeById.get(theme.id)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <ResponsibilitiesLink dialoguePath={pathname} phase={dialogue.phase} />
      <DialogueMeetings dialogueId={dialogue.id} dialoguePath={pathname} />

      <section aria-labelledby="contributions" className="mt-10">
        <h2 id="contributions" className="text-2xl">
          {t("contributionsHeading")}
        </h2>
        {isFiltered(filters) ? (
          <p className="mt-1 text-muted" role="status">
            {filtersText("resultCount", { count: contributions.total })}
          </p>
        ) : (
          <p className="mt-1 text-muted">{t("contributionCount", { count: contributions.total })}</p>
        )}
        {(contributions.total > 0 || isFiltered(filters)) && (
          <ContributionFilters
            pathname={pathname}
            filters={filters}
            themes={dialogue.themes.map((theme) => ({ id: theme.id, name: themeById.get(theme.id) ?? "" }))}
            languages={dialogue.languages}
          />
        )}
        {contributions.total === 0 ? (
          isFiltered(filters) ? (
            <p className="mt-4">
              {filtersText("empty")}{" "}
              <Link href={pathname}>{filtersText("reset")}</Link>
            </p>
          ) : (
            <p className="mt-4">{t("noContributions")}</p>
          )
        ) : (
          <>
            {filters.sort === "needs" && <p className="mt-3 border-s-4 border-brand ps-3 text-sm">{t("sortNote")}</p>}
            <ol className="mt-2">
              {contributions.items.map((contribution) => (
                <li key={contribution.id}>
                  <ContributionItem
                    contribution={contribution}
                    themeName={themeById.get(contribution.themeId) ?? ""}
                    dialoguePath={pathname}
                  />
                </li>
              ))}
            </ol>
            <Pagination
              pathname={pathname}
              page={contributions.page}
              pageCount={contributions.pageCount}
              query={filtersToQuery(filters)}
            />
          </>
        )}
      </section>
    </>
  );
}
