"use client";

import type { ReactNode } from "react";
import { useFormState } from "./form";

export type Summary = { label: string; className?: string; detailsClassName?: string };

/**
 * A form's fields folded into a <details> inside an <ActionForm>. It opens by itself when the form
 * has something to say (an error, a thank-you), so after a plain post without JavaScript the
 * message is not hidden.
 */
export function Folded({ summary, children }: { summary?: Summary; children: ReactNode }) {
  const state = useFormState();
  if (!summary) return <>{children}</>;
  return (
    <details className={summary.detailsClassName} open={state.status !== "idle" || undefined}>
      <summary className={summary.className ?? "cursor-pointer font-semibold text-brand"}>{summary.label}</summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}
