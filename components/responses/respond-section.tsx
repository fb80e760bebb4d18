import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/identity/client-messages";
import type { ContributionPageRef } from "@/lib/actions/form-state";
import { Section } from "@/components/section";
import { RESPONSE_STATUSES } from "@/lib/responses/response-statuses";
import { languageName } from "@/lib/i18n/language-names";
import { ResponseForm } from "./response-form";

type Action = Parameters<typeof ResponseForm>[0]["action"];

/** The answer form on a contribution page; the page renders it for those the policy lets answer (staff and hosts, contribution:respond). */
export async function RespondSection({
  page,
  action,
  languages,
  actors,
}: {
  page: ContributionPageRef;
  /** The municipality's actors an answer can name as responsible. */
  actors: { id: string; name: string }[];
  action: Action;
  /** The dialogue's languages: the answer is written in one of them (default: the UI language when it is one, else the first). */
  languages: string[];
}) {
  const [t, statuses] = await Promise.all([getTranslations("responses"), getTranslations("statuses")]);
  return (
    <Section id="respond-heading" heading={t("heading")} headingClassName="text-xl" className="mt-6 rounded border border-line bg-surface p-4">
      <p className="mb-4 mt-1 text-muted">{t("intro")}</p>
      <ClientMessages namespaces={["responses"]}>
        <ResponseForm
          action={action}
          page={page}
          statuses={RESPONSE_STATUSES.map((status) => ({ value: status, label: statuses(status) }))}
          actors={actors.map((actor) => ({ value: actor.id, label: actor.name }))}
          languages={languages.map((language) => ({ value: language, label: languageName(language, page.locale) }))}
          defaultLanguage={languages.includes(page.locale) ? page.locale : languages[0]!}
        />
      </ClientMessages>
    </Section>
  );
}
