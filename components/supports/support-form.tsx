"use client";

import { useSyncExternalStore } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton } from "@/components/form/form-fields";
import { SupportBreakdown } from "@/components/support-breakdown";
import type { FormAction } from "@/lib/actions/form-state";
import type { SupportBreakdown as Breakdown } from "@/lib/perspectives/perspectives";
import { Form, useFormAction } from "@/components/form/form";

type Result = { supported: boolean; supports: Breakdown };

type Props = {
  action: FormAction<Result>;
  page: { locale: string; municipality: string; dialogue: string; contributionId: string };
  initial: Result;
  /** The same policy answers the server action checks. */
  mayGive: boolean;
  mayWithdraw: boolean;
};

const noSubscription = () => () => {};

/**
 * The support tally with its button. Without JavaScript the form posts and the page comes
 * back; with it, the action returns the new counts and they change in place.
 */
export function SupportForm({ action, page, initial, mayGive, mayWithdraw }: Props) {
  const t = useTranslations("supports");
  const [state, formAction, form] = useFormAction(action, { status: "success", data: initial });
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const current = state.status === "success" ? state.data : initial;
  const intent = current.supported ? "withdraw" : "give";
  const mayAct = current.supported ? mayWithdraw : mayGive;
  return (
    <div>
      <div aria-live="polite">
        <SupportBreakdown supports={current.supports} />
        {current.supported && <p className="mt-2 text-sm font-semibold">{t("youSupport")}</p>}
      </div>
      {mayAct && (
        <Form form={form} action={formAction} className="mt-3">
          <input type="hidden" name="contributionId" value={page.contributionId} />
          <input type="hidden" name="intent" value={intent} />
          {hydrated && <input type="hidden" name="js" value="1" />}
          <SubmitButton
            className={
              intent === "give"
                ? undefined
                : "rounded border-2 border-brand bg-white px-5 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70"
            }
          >
            {intent === "give" ? t("give") : t("withdraw")}
          </SubmitButton>
        </Form>
      )}
    </div>
  );
}
