import { getTranslations } from "next-intl/server";
import type { ShownRules } from "@/lib/host-texts/code-of-conduct";
import { languageName } from "@/lib/i18n/language-names";
import { machineTranslationEnabled } from "@/lib/translations/machine-translate";
import { requestRulesTranslationAction } from "@/lib/actions/host-texts/rules-translation";
import type { PageRef } from "@/lib/routes/page-ref";
import { RequestRulesTranslation } from "./request-rules-translation";

/**
 * Where a host team's own rules exist only in another language: for a signed-in reader, when the
 * operator runs a translation service, a button to have them machine-translated. Nothing otherwise.
 * `page`: the page it stands on (an invitation's, the post form's), bound to the action here (decision 042);
 * that page sends the form messages (decision 085).
 */
export async function RulesTranslationOffer({ rules, dialogueId, signedIn, page }: { rules: ShownRules; dialogueId: string; signedIn: boolean; page: PageRef }) {
  if (!rules.requestable || !signedIn || !machineTranslationEnabled()) return null;
  const t = await getTranslations("translations");
  return (
    <RequestRulesTranslation
      action={requestRulesTranslationAction.bind(null, page)}
      dialogueId={dialogueId}
      language={rules.readerLanguage}
      label={t("requestMachine", { language: languageName(rules.readerLanguage, page.locale) })}
    />
  );
}
