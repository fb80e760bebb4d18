import { getTranslations } from "next-intl/server";
import { ActionForm, CheckboxField, Folded, SubmitButton } from "@/components/form/deferred";
import type { FormAction } from "@/lib/actions/form-state";

/**
 * A moderator blocks the sender of a contribution that came by SMS / WhatsApp / Signal (decision
 * 045), never seeing the number: inside a disclosure, with a box to tick that they mean it. A
 * server component around <ActionForm>; the disclosure opens by itself after a refused post
 * (<Folded>), without JavaScript too.
 */
export async function BlockSenderForm({ action, contributionId }: { action: FormAction; contributionId: string }) {
  const t = await getTranslations("blockSender");
  return (
    <ActionForm action={action} noValidate>
      <Folded summary={{ id: "block-sender", label: t("open"), className: "cursor-pointer font-semibold text-danger", detailsClassName: "mt-3 rounded border border-line p-3" }}>
        <p className="mb-2 text-sm text-muted">{t("hint")}</p>
        <input type="hidden" name="contributionId" value={contributionId} />
        <CheckboxField name="confirm" label={t("confirm")} />
        <SubmitButton className="rounded border-2 border-danger bg-white px-4 py-2 font-semibold text-danger hover:bg-danger-soft aria-disabled:opacity-70">
          {t("submit")}
        </SubmitButton>
      </Folded>
    </ActionForm>
  );
}
