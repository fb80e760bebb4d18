import { getTranslations } from "next-intl/server";
import { ActionForm, SubmitButton } from "@/components/form/deferred";
import { SupportBreakdown } from "@/components/support-breakdown";
import type { FormAction } from "@/lib/actions/form-state";
import type { SupportBreakdown as Breakdown } from "@/lib/perspectives/perspectives";

type Props = {
  action: FormAction;
  contributionId: string;
  supported: boolean;
  supports: Breakdown;
  /** The same policy answers the server action checks. */
  mayGive: boolean;
  mayWithdraw: boolean;
};

/**
 * The support tally with its button, rendered on the server around the one <ActionForm>. Without
 * JavaScript the form posts and the page comes back at #supports; with it, the action refreshes
 * the page in place (the address stays), so the new counts and button appear where they were.
 */
export async function SupportForm({ action, contributionId, supported, supports, mayGive, mayWithdraw }: Props) {
  const t = await getTranslations("supports");
  const intent = supported ? "withdraw" : "give";
  const mayAct = supported ? mayWithdraw : mayGive;
  return (
    <div>
      <div aria-live="polite">
        <SupportBreakdown supports={supports} />
        {supported && <p className="mt-2 text-sm font-semibold">{t("youSupport")}</p>}
      </div>
      {mayAct && (
        <ActionForm action={action} className="mt-3">
          <input type="hidden" name="contributionId" value={contributionId} />
          <input type="hidden" name="intent" value={intent} />
          <SubmitButton
            className={
              intent === "give"
                ? undefined
                : "rounded border-2 border-brand bg-white px-5 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70"
            }
          >
            {intent === "give" ? t("give") : t("withdraw")}
          </SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
