import { getTranslations } from "next-intl/server";
import { ActionForm, SubmitButton, TextAreaField } from "@/components/form/deferred";
import type { ContributionPageRef, FormAction } from "@/lib/actions/form-state";

type Page = ContributionPageRef;

const smallButton =
  "rounded border-2 border-brand bg-white px-4 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70";

/**
 * A new comment, or a reply when `parentId` is given. Written in the reader's UI language; with
 * `voiceHref` a link to say it instead (decision 046).
 */
export async function CommentForm({ action, page, parentId, label, voiceHref }: { action: FormAction; page: Page; parentId?: string; label: string; voiceHref?: string }) {
  const t = await getTranslations("comments");
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="contributionId" value={page.contributionId} />
      <input type="hidden" name="language" value={page.locale} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      <TextAreaField name="body" label={label} rows={parentId ? 3 : 4} maxLength={2000} required />
      <SubmitButton className={parentId ? smallButton : undefined}>{parentId ? t("replySubmit") : t("submit")}</SubmitButton>
      {voiceHref && (
        <p className="mt-3 text-sm">
          <a href={voiceHref} className="font-semibold">
            {t("sayInstead")}
          </a>
        </p>
      )}
    </ActionForm>
  );
}

export async function EditCommentForm({ action, commentId, body }: { action: FormAction; commentId: string; body: string }) {
  const t = await getTranslations("comments");
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="commentId" value={commentId} />
      <TextAreaField name="body" label={t("editLabel")} rows={3} maxLength={2000} defaultValue={body} required />
      <SubmitButton className={smallButton}>{t("save")}</SubmitButton>
    </ActionForm>
  );
}

export async function DeleteCommentForm({ action, commentId }: { action: FormAction; commentId: string }) {
  const t = await getTranslations("comments");
  return (
    <ActionForm action={action}>
      <input type="hidden" name="commentId" value={commentId} />
      <SubmitButton className="rounded border-2 border-danger bg-white px-4 py-2 font-semibold text-danger hover:bg-danger-soft aria-disabled:opacity-70">
        {t("delete")}
      </SubmitButton>
    </ActionForm>
  );
}
