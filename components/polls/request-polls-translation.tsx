import { getTranslations } from "next-intl/server";
import { ActionForm, SubmitButton } from "@/components/form/deferred";
import type { FormAction } from "@/lib/actions/form-state";

/**
 * The polls page's one button "Translate by machine into <my language>" (decision 048): a server
 * component around the one client <ActionForm> (decision 040), so the polls page, a read route,
 * ships no code of its own for it. The caller decides whether the reader may ask and whether a
 * poll lacks their language.
 */
export async function RequestPollsTranslation({
  action,
  dialogueId,
  language,
  languageLabel,
}: {
  action: FormAction;
  dialogueId: string;
  language: string;
  languageLabel: string;
}) {
  const t = await getTranslations("translations");
  return (
    <ActionForm action={action} className="mt-3">
      <input type="hidden" name="dialogueId" value={dialogueId} />
      <input type="hidden" name="language" value={language} />
      <SubmitButton className="rounded border border-brand bg-white px-2 py-1 text-sm font-semibold text-brand hover:bg-surface aria-disabled:opacity-70">
        {t("requestMachine", { language: languageLabel })}
      </SubmitButton>
    </ActionForm>
  );
}
