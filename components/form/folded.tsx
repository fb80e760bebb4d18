"use client";

import type { ReactNode } from "react";
import type { Message } from "@/lib/actions/form-state";
import { useFormState } from "./form";
import { useMessage } from "./form-fields";

export type Summary = { label: string; className?: string; detailsClassName?: string; id?: string };

/** What an action returns to say, in place of its form, that it is done ("Thank you, …"). */
export type Done = { done: Message };

function doneOf(data: unknown): Message | null {
  return typeof data === "object" && data !== null && "done" in data ? (data as Done).done : null;
}

/**
 * A form's fields folded into a <details> inside an <ActionForm>. It opens by itself when the form
 * has something to say (an error, a thank-you), so after a plain post without JavaScript the
 * message is not hidden. An action that answers `{ done: message }` has that message shown in
 * place of the fields: a server component renders the form, and no code of its own goes to the
 * browser for it.
 */
export function Folded({ summary, children }: { summary?: Summary; children: ReactNode }) {
  const state = useFormState();
  const message = useMessage();
  const done = state.status === "success" ? doneOf(state.data) : null;
  const content = done ? (
    <p role="status" className="rounded border-s-4 border-brand bg-surface p-3">
      {message(done)}
    </p>
  ) : (
    children
  );
  if (!summary) return <>{content}</>;
  return (
    <details id={summary.id} className={summary.detailsClassName} open={state.status !== "idle" || undefined}>
      <summary className={summary.className ?? "cursor-pointer font-semibold text-brand"}>{summary.label}</summary>
      <div className="mt-2">{content}</div>
    </details>
  );
}
