import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ContributionItem } from "@/components/contribution-item";
import { Link } from "@/components/link";
import { Pagination } from "@/components/pagination";
import { PhaseBadge } from "@/components/phase-badge";
import { getViewer } from "@/lib/auth/get-viewer";
import { listContributions, parsePageNumber } from "@/lib/contributions/list-contributions";
import { getPublicDialogue } from "@/lib/dialogues/get-public-dialogue";
import { direction } from "@/lib/i18n/routing";
import { getThemeNamer } from "@/lib/i18n/theme-names";
import { can } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";

type Params = { locale: string; municipality: string; dialogue: string };
type Props = { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// generateMetadata and the page need the same row: one query per request.
const loadDialogue = cache((municipalitySlug: string, dialogueSlug: string) =>
  getPublicDialogue({ municipalitySlug, dialogueSlug }),
);

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { municipality, dialogue: slug } = await params;
  const dialogue = await loadDialogue(municipality, slug);
  return dialogue ? { title: dialogue.title, description: dialogue.summary } : {};
}

export default async function DialoguePage({ params, searchParams }: Props) {
  const [{ locale, municipality, dialogue: slug }, query] = await Promise.all([params, searchParams]);
  const dialogue = await loadDialogue(municipality, slug);
  if (!dialogue) notFound();

  const page = parsePageNumber(query.page);
  const [contributions, t, phaseHints, themeName] = await Promise.all([
    listContributions({ dialogueId: dialogue.id, page, locale }),
    getTranslations("dialogue"),
    getTranslations("phaseHints"),
    getThemeNamer(),
  ]);
  if (page > contributions.pageCount) notFound();
  // The same check the invitations page and its actions make; the policy's resource needs a query, so only for the signed-in.
  const viewer = await getViewer();
  const mayInvite = viewer !== null && can(viewer, "invitation:manage", await dialogueResource(dialogue.id));
  const invitations = await getTranslations("invitations");

  const mainLanguage = dialogue.languages[0] ?? "de";
  const lang = { lang: mainLanguage, dir: direction(mainLanguage) };
  const pathname = `/${dialogue.municipality.slug}/${dialogue.slug}`;
  const themeById = new Map(dialogue.themes.map((theme) => [theme.id, themeName(theme)]));

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <ol className="flex flex-wrap gap-x-2">
          <li>
            <Link href="/">{t("allDialogues")}</Link>
          </li>
          <li className="text-muted before:me-2 before:content-['/']">{dialogue.municipality.name}</li>
        </ol>
      </nav>

      <header className="mt-4 space-y-3">
        <h1 className="text-3xl" {...lang}>
          {dialogue.title}
        </h1>
        <p>
          <PhaseBadge phase={dialogue.phase} />
        </p>
        <p className="text-muted">{phaseHints(dialogue.phase)}</p>
        {mayInvite && (
          <p>
            <Link href={`${pathname}/invitations`} className="font-semibold">
              {invitations("inviteLink")}
            </Link>
          </p>
        )}
      </header>

      <div className="mt-6 space-y-3" {...lang}>
        {dialogue.description.split(/\n\s*\n/).map((paragraph, index) => (
          <p key={index} className="whitespace-pre-line">
            {paragraph.trim()}
          </p>
        ))}
      </div>

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

      <section aria-labelledby="contributions" className="mt-10">
        <h2 id="contributions" className="text-2xl">
          {t("contributionsHeading")}
        </h2>
        <p className="mt-1 text-muted">{t("contributionCount", { count: contributions.total })}</p>
        {contributions.total === 0 ? (
          <p className="mt-4">{t("noContributions")}</p>
        ) : (
          <>
            <p className="mt-3 border-s-4 border-brand ps-3 text-sm">{t("sortNote")}</p>
            <ol className="mt-2">
              {contributions.items.map((contribution) => (
                <li key={contribution.id}>
                  <ContributionItem
                    contribution={contribution}
                    themeName={themeById.get(contribution.themeId) ?? ""}
                  />
                </li>
              ))}
            </ol>
            <Pagination pathname={pathname} page={contributions.page} pageCount={contributions.pageCount} />
          </>
        )}
      </section>
    </>
  );
}
