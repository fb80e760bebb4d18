import { getTranslations } from "next-intl/server";
import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/deferred";
import type { ContributionPageRef, FormAction } from "@/lib/actions/form-state";

type Page = ContributionPageRef;
/** What is translated: the page's contribution, or one of its comments or answers. */
export type Target = { commentId?: string; responseId?: string; moderationActionId?: string };
export type LanguageOption = { value: string; label: string; lang: string; dir: "ltr" | "rtl" };

const smallButton =
  "rounded border-2 border-brand bg-white px-4 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70";

function HiddenFields({ page, target }: { page: Page; target?: Target }) {
  return (
    <>
      <input type="hidden" name="contributionId" value={page.contributionId} />
      {target?.commentId && <input type="hidden" name="commentId" value={target.commentId} />}
      {target?.responseId && <input type="hidden" name="responseId" value={target.responseId} />}
      {target?.moderationActionId && <input type="hidden" name="moderationActionId" value={target.moderationActionId} />}
    </>
  );
}

/** A volunteer's translation: the language, for a contribution its title, and the text. */
export async function TranslateForm({
  action,
  page,
  target,
  languages,
  defaultLanguage,
}: {
  action: FormAction;
  page: Page;
  target?: Target;
  languages: LanguageOption[];
  defaultLanguage?: string;
}) {
  const t = await getTranslations("translations");
  // Comments, answers and moderation reasons have no title of their own.
  const isComment = Boolean(target?.commentId || target?.responseId || target?.moderationActionId);
  // dir="auto": the translation is typed in the target language, right to left or not, without JavaScript.
  return (
    <ActionForm action={action} noValidate>
      <HiddenFields page={page} target={target} />
      <SelectField name="language" label={t("language")} options={languages} defaultValue={defaultLanguage} />
      {!isComment && <TextField name="title" label={t("title")} maxLength={200} dir="auto" required />}
      <TextAreaField name="body" label={t("body")} rows={isComment ? 3 : 6} maxLength={10000} dir="auto" required />
      <SubmitButton className={isComment ? smallButton : undefined}>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}

/** The host team's machine translation into one of the dialogue's languages. */
export async function MachineTranslateForm({ action, page, target, languages }: { action: FormAction; page: Page; target?: Target; languages: LanguageOption[] }) {
  const t = await getTranslations("translations");
  return (
    <ActionForm action={action} noValidate>
      <HiddenFields page={page} target={target} />
      <SelectField name="language" label={t("language")} options={languages} />
      <SubmitButton className={smallButton}>{t("machineSubmit")}</SubmitButton>
    </ActionForm>
  );
}

/**
 * A signed-in reader asks for a machine translation of one text into their own language: one
 * button, no JavaScript needed. The result is kept for every later reader of that language.
 */
export async function RequestTranslationForm({ action, page, target, language, languageLabel }: { action: FormAction; page: Page; target?: Target; language: string; languageLabel: string }) {
  const t = await getTranslations("translations");
  return (
    <ActionForm action={action} className="mt-1">
      <HiddenFields page={page} target={target} />
      <input type="hidden" name="language" value={language} />
      <SubmitButton className="rounded border border-brand bg-white px-2 py-1 text-sm font-semibold text-brand hover:bg-surface aria-disabled:opacity-70">
        {t("requestMachine", { language: languageLabel })}
      </SubmitButton>
    </ActionForm>
  );
}

export async function CheckTranslationForm({ action, page, translationId }: { action: FormAction; page: Page; translationId: string }) {
  const t = await getTranslations("translations");
  return (
    <ActionForm action={action} className="inline">
      <HiddenFields page={page} />
      <input type="hidden" name="translationId" value={translationId} />
      <SubmitButton className="rounded border border-brand bg-white px-2 py-1 text-sm font-semibold text-brand hover:bg-surface aria-disabled:opacity-70">
        {t("markChecked")}
      </SubmitButton>
    </ActionForm>
  );
}
