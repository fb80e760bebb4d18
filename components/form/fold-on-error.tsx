"use client";

import type { ReactNode } from "react";
import { useFormState } from "./form";

/**
 * A `<details>` inside a form that opens by itself when the form's post was refused, so that
 * without JavaScript the error summary and the fields at fault are not hidden in a closed fold
 * (the edit form on a contribution's page, decision 055).
 */
export function FoldOnError({ summary, className, summaryClassName, children }: { summary: ReactNode; className?: string; summaryClassName?: string; children: ReactNode }) {
  const state = useFormState();
  return (
    <details className={className} open={state.status === "error" || undefined}>
      <summary className={summaryClassName}>{summary}</summary>
      {children}
    </details>
  );
}
