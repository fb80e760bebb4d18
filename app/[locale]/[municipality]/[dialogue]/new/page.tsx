import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { contributionChoices, NewContributionFrame, newContributionMetadata, openPostPage } from "@/components/contributions/new-contribution-page";
import { PostForm } from "@/components/contributions/post-form";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { RulesText } from "@/components/host-texts/rules-text";
import { RulesTranslationOffer } from "@/components/host-texts/rules-translation-offer";
import { createContributionAction } from "@/lib/actions/contributions/create-contribution";
import { supportInsteadAction } from "@/lib/actions/supports/support-instead";
import type { DialoguePageRef } from "@/lib/routes/page-ref";
import { listDistricts } from "@/lib/districts/list-districts";
import { localized, withQuery } from "@/lib/routes/paths";

type Props = {
  params: Promise<{ locale: string; municipality: string; dialogue: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return newContributionMetadata("post");
}

export default async function NewContributionPage(props: Props) {
  const { locale, dialogue, form, paths } = await openPostPage(props, "newContribution");
  const page: DialoguePageRef = { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug, view: "newContribution" };

  const [voice, choices] = await Promise.all([
    getTranslations("voice"),
    form && listDistricts(dialogue.municipality.id).then((districts) => contributionChoices({ dialogue, languages: form.languages, districts, locale })),
  ]);

  return (
    <NewContributionFrame namespace="post" dialogue={dialogue} back={paths.home} possible={form !== null}>
      {form && choices && (
        <ClientMessages namespaces={["post", "images", "similar", "kinds"]} forms>
          <p className="mb-6 rounded border border-line bg-surface p-3">
            <Link href={paths.newVoice} className="font-semibold">
              {voice("sayInstead")}
            </Link>
            <span className="block text-sm text-muted">{voice("sayInsteadHint")}</span>
          </p>
          {form.codeOfConduct && (
            <RulesTranslationOffer rules={form.codeOfConduct} dialogueId={dialogue.id} signedIn page={page} />
          )}
          <PostForm
            action={createContributionAction.bind(null, { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug })}
            page={{ locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug }}
            supportInstead={supportInsteadAction.bind(null, page)}
            choices={choices}
            codeOfConduct={
              form.codeOfConduct && (
                <RulesText rules={form.codeOfConduct} pageLocale={locale} hrefFor={(language) => localized(locale, withQuery(paths.newContribution, { rules: language }))} />
              )
            }
          />
        </ClientMessages>
      )}
    </NewContributionFrame>
  );
}
