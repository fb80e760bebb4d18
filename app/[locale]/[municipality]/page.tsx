import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { MunicipalityActorLinks } from "@/components/actors/municipality-actor-links";
import { MunicipalityBanner } from "@/components/municipalities/municipality-banner";
import { Section } from "@/components/section";
import { Link } from "@/components/link";
import { Pagination } from "@/components/pagination";
import { PhaseBadge } from "@/components/phase-badge";
import { getViewer } from "@/lib/auth/get-viewer";
import { parsePageNumber } from "@/lib/contributions/list-contributions";
import type { listMunicipalityDialoguePage } from "@/lib/dialogues/list-municipality-dialogues";
import { HostText, HostTextNote } from "@/components/host-texts/host-text";
import { pickHostText } from "@/lib/host-texts/pick-host-text";
import { loadMunicipalityHome, mayTranslateMunicipalityTexts } from "@/lib/pages/municipality-page";
import { RequestTextTranslation } from "@/components/translations/request-text-translation";
import { ClientMessages } from "@/components/identity/client-messages";
import { dialoguePaths, localized, municipalityPaths, sitePaths, withQuery } from "@/lib/routes/paths";
import { getFormatter } from "@/lib/i18n/format";

type Props = {
  params: Promise<{ locale: string; municipality: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

type Query = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** The municipality with one page of its dialogues: `?page=N`, with the keyset cursor its links carry (`after`/`before`). */
const loadMunicipality = async (slug: string, query: Query) =>
  loadMunicipalityHome(await getViewer(), slug, parsePageNumber(query.page), one(query.after), one(query.before));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const loaded = await loadMunicipality((await params).municipality, await searchParams);
  return loaded ? { title: loaded.municipality.name } : {};
}

type Listed = NonNullable<Awaited<ReturnType<typeof listMunicipalityDialoguePage>>>["dialogues"];

function DialogueList({ dialogues, municipalitySlug, locale }: { dialogues: Listed; municipalitySlug: string; locale: string }) {
  return (
    <ul className="mt-3 space-y-4">
      {dialogues.map((dialogue) => {
        const text = pickHostText({ language: dialogue.language, fields: { title: dialogue.title, summary: dialogue.summary } }, dialogue.versions, locale);
        return (
          <li key={dialogue.id} className="rounded border border-line p-4">
            <HostText
              picked={text}
              field="title"
              pageLocale={locale}
              as="h3"
              className="text-xl break-words"
              wrap={(title) => <Link href={dialoguePaths(municipalitySlug, dialogue.slug).home}>{title}</Link>}
            />
            <p className="mt-1">
              <PhaseBadge phase={dialogue.phase} />
            </p>
            <HostText picked={text} field="summary" pageLocale={locale} as="p" className="mt-2 break-words" />
            <HostTextNote picked={text} pageLocale={locale} className="mt-1 text-sm text-muted" />
          </li>
        );
      })}
    </ul>
  );
}

export default async function MunicipalityPage({ params, searchParams }: Props) {
  const [{ locale, municipality: slug }, query] = await Promise.all([params, searchParams]);
  const loaded = await loadMunicipality(slug, query);
  if (!loaded) notFound();
  const { viewer, municipality, dialogues, inPhase, mayCreate, may } = loaded;
  const paths = municipalityPaths(municipality.slug);
  const [t, format] = await Promise.all([getTranslations("municipality"), getFormatter()]);
  const text = one(query.text);
  const introduction = municipality.introduction
    ? pickHostText(
        { language: municipality.defaultLocale.split("-")[0]!, fields: { body: municipality.introduction } },
        municipality.versions,
        locale,
        { requested: text },
      )
    : null;
  const drafts = dialogues.filter((dialogue) => dialogue.phase === "DRAFT");
  const published = dialogues.filter((dialogue) => dialogue.phase !== "DRAFT");
  const publishedCount = Object.values(inPhase).reduce((sum, count) => sum + count, 0) - inPhase.DRAFT;
  /** A section's heading with how many dialogues it holds on all pages. */
  const counted = (heading: string, count: number) => (
    <>
      {heading} <span className="font-normal text-muted">({format.number(count)})</span>
    </>
  );

  return (
    <ClientMessages namespaces={[]} forms={viewer !== null}>
      <MunicipalityBanner municipalityId={municipality.id} heading />
      <p className="mt-3 text-muted">{t("intro", { municipality: municipality.name })}</p>
      {introduction && (
        <>
          <HostText picked={introduction} field="body" pageLocale={locale} format="paragraphs" className="mt-4 space-y-3" data-testid="municipality-introduction" />
          <HostTextNote
            picked={introduction}
            pageLocale={locale}
            hrefFor={(language) => localized(locale, withQuery(paths.home, { text: language }))}
            translateHref={
              !may.writeTexts && (await mayTranslateMunicipalityTexts(viewer, municipality.id))
                ? localized(locale, sitePaths.hostTexts("municipality", municipality.id))
                : undefined
            }
          />
          {may.requestTranslation && (
            <RequestTextTranslation picked={introduction} subject={{ municipalityId: municipality.id }} page={{ locale, municipality: municipality.slug }} />
          )}
        </>
      )}
      {/* Staff (actor:manage) answer in every dialogue of their municipality; hosts find their queue on the dialogue's manage page. */}
      <MunicipalityActorLinks municipality={municipality} isStaff={may.manageActors} />
      {(mayCreate || may.inviteStaff) && (
        <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          {may.readDashboard && (
            <Link href={paths.dashboard} className="font-semibold">
              {(await getTranslations("session"))("dashboard")}
            </Link>
          )}
          {mayCreate && (
            <Link href={paths.newDialogue} className="font-semibold">
              {t("newDialogue")}
            </Link>
          )}
          <Link href={paths.staff}>{t("staffLink")}</Link>
          {may.writeTexts && (
            <Link href={sitePaths.hostTexts("municipality", municipality.id)}>{(await getTranslations("hostTexts"))("editIntroductionLink")}</Link>
          )}
        </p>
      )}

      {/* Twenty dialogues a page, drafts first; plain links that carry the page's keyset cursor (decision 070). */}
      <div id="list">
        {drafts.length > 0 && (
          <Section id="drafts" heading={counted(t("draftsHeading"), inPhase.DRAFT)} className="mt-8">
            <p className="mt-1 text-muted">{t("draftsIntro")}</p>
            <DialogueList dialogues={drafts} municipalitySlug={municipality.slug} locale={locale} />
          </Section>
        )}

        {(published.length > 0 || publishedCount === 0) && (
          <Section id="dialogues" heading={counted(t("dialoguesHeading"), publishedCount)} className="mt-8">
            {published.length === 0 ? <p className="mt-3">{t("none")}</p> : <DialogueList dialogues={published} municipalitySlug={municipality.slug} locale={locale} />}
          </Section>
        )}
        <Pagination pathname={paths.home} page={loaded.page} pageCount={loaded.pageCount} cursors={loaded.cursors} query={text ? { text } : {}} hash="list" />
      </div>
    </ClientMessages>
  );
}
