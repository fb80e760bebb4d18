"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton } from "@/components/form/form-fields";
import { FormMessage } from "@/components/form/form-message";
import { Notice } from "@/components/identity/notice";
import { IDLE, type FormAction } from "@/lib/actions/form-state";

/**
 * The person's devices, each with "Remove": plain forms, so removing works without JavaScript
 * (decision 031). One action state for the whole list, so "Removed" still shows when the page
 * comes back without the device. Not an <ActionForm>: one state serves a form per device.
 */
export function DeviceList({ devices, action }: { devices: { id: string; label: string }[]; action: FormAction<{ removed: number }> }) {
  const t = useTranslations("push");
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <>
      {state.status === "success" ? <Notice>{t("removed")}</Notice> : <FormMessage state={state} />}
      {devices.length === 0 ? (
        <p className="mt-2">{t("noDevices")}</p>
      ) : (
        <ul className="mt-3 space-y-3" data-testid="push-devices">
          {devices.map((device) => (
            <li key={device.id} className="rounded border border-line p-3">
              <p className="break-words">{device.label}</p>
              <form action={formAction} className="mt-2">
                <input type="hidden" name="id" value={device.id} />
                <SubmitButton className="rounded border-2 border-brand bg-white px-4 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70">
                  <span aria-hidden="true">{t("remove")}</span>
                  <span className="sr-only">
                    {t("remove")}: {device.label}
                  </span>
                </SubmitButton>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
