import { getLocale } from "next-intl/server";
import { requestTextTranslationAction } from "@/lib/actions/translations/host-text-translation";
import { ClientMessages } from "@/components/identity/client-messages";
import { contentLanguage, type PickedHostText } from "@/lib/host-texts/pick-host-text";
import { languageName } from "@/lib/i18n/language-names";
import type { PageRef } from "@/lib/actions/form-state";
import { RequestHostTextTranslationForm } from "@/components/form/deferred";

/**
 * A meeting's, an actor's or the municipality introduction's button "Translate by machine into
 * <my language>", only while no version in the reader's language exists. `page` is the page it
 * sits on, which it comes back to (decision 042); the caller decides whether the reader may ask (signed in, the
 * service configured, the policy's `translation:request`).
 */
export async function RequestTextTranslation({
  picked,
  subject,
  page,
}: {
  picked: PickedHostText;
  subject: { meetingId: string } | { actorId: string } | { municipalityId: string };
  page: PageRef;
}) {
  const locale = await getLocale();
  const language = contentLanguage(locale);
  if (picked.languages.includes(language)) return null;
  return (
    <ClientMessages namespaces={["translations"]}>
      <RequestHostTextTranslationForm
        action={requestTextTranslationAction.bind(null, page)}
        subject={subject}
        language={language}
        languageLabel={languageName(language, locale)}
      />
    </ClientMessages>
  );
}
