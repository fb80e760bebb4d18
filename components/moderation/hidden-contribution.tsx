import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { UserText } from "@/components/text/user-text";
import { direction } from "@/lib/i18n/routing";
import type { HiddenContributionPageData } from "@/lib/pages/contribution-page";
import { HideNoticePanel, HiddenPlaceholder } from "./hidden-notice";
import { dialoguePaths } from "@/lib/routes/paths";

/**
 * The page of a contribution a moderator hid: its author and the moderators read it with the
 * reason; everyone else learns only that it was hidden and why in one word (the category).
 * The contribution page's loader found it (lib/pages/contribution-page.ts).
 */
export async function HiddenContribution({ dialogue, hidden }: Omit<HiddenContributionPageData, "shown">) {
  const contributionId = hidden.id;
  const [t, tc] = await Promise.all([getTranslations("moderation"), getTranslations("contributionPage")]);
  const lang = { lang: hidden.language, dir: direction(hidden.language) };
  return (
    <ClientMessages namespaces={["moderation", "translations"]}>
      <p className="text-sm">
        <Link href={dialoguePaths(dialogue).home}>{tc("back")}</Link>
      </p>
      <article className="mt-4" aria-labelledby="contribution-title">
        {hidden.text && hidden.notice ? (
          <>
            <h1 id="contribution-title" className="text-3xl break-words" {...lang}>
              {hidden.text.title}
            </h1>
            <HideNoticePanel notice={hidden.notice} page={{ municipality: dialogue.municipality.slug, dialogue: dialogue.slug, contributionId }} />
            <UserText text={hidden.text.body} format="markdown" className="mt-4" {...lang} data-testid="contribution-body" />
          </>
        ) : (
          <>
            <h1 id="contribution-title" className="text-3xl">
              {t("hiddenTitle")}
            </h1>
            <HiddenPlaceholder category={hidden.category} />
          </>
        )}
      </article>
    </ClientMessages>
  );
}
