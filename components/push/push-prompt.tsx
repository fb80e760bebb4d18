"use client";

import { useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import type { FormAction } from "@/lib/actions/form-state";
import { DISMISSED } from "./push-prompt-offer";
import { PushSwitch } from "./push-switch";

/**
 * "Would you like your phone to tell you…?" with the same switch as the account page (decision
 * 031), loaded by <PushPromptOffer> once it knows the browser can receive push and was not asked
 * before; "Not now" hides it for good on this browser.
 */
export function PushPrompt(props: { vapidPublicKey: string; locale: string; subscribeAction: FormAction<{ id: string }>; removeAction: FormAction<{ removed: number }> }) {
  const t = useTranslations("push");
  const [shown, setShown] = useState(true);
  if (!shown) return null;
  const dismiss = () => {
    localStorage.setItem(DISMISSED, "1");
    setShown(false);
  };
  return (
    <aside aria-labelledby="push-prompt" className="mb-6 rounded border-s-4 border-brand bg-surface p-4" data-testid="push-prompt">
      <p id="push-prompt" className="mb-3 font-semibold">
        {t("promptText")}
      </p>
      <div className="flex flex-wrap items-start gap-3">
        <PushSwitch {...props} onDone={() => localStorage.setItem(DISMISSED, "1")} />
        <button type="button" className="rounded px-4 py-3 text-base font-semibold text-brand underline hover:bg-white" onClick={dismiss}>
          {t("promptDismiss")}
        </button>
      </div>
    </aside>
  );
}
