"use client";

// The folds of the form core, a module of their own: a client module ships all its exports to
// every page that imports it (issue 16), and only the contribution page and the post forms fold.
import { useEffect, useRef, type ReactNode } from "react";
import type { FormState, Message } from "@/lib/actions/form-state";
import { useFormMessages, useFormState } from "./form";

export type Summary = {
  label: string;
  className?: string;
  detailsClassName?: string;
  id?: string;
  /** Open from the start: the form a link on the page asked for (decision 089). */
  open?: boolean;
};

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
  const t = useFormMessages();
  const done = state.status === "success" ? doneOf(state.data) : null;
  // The fields and their button give way to the message: the focus goes to it (with JavaScript
  // when it appears, without it as the answer's page opens), not back to the page's top.
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) ref.current?.focus();
  }, [done]);
  const content = done ? (
    <p ref={ref} role="status" tabIndex={-1} autoFocus className="rounded border-s-4 border-brand bg-surface p-3 focus:outline-4 focus:outline-focus">
      {t(done.key, done.params)}
    </p>
  ) : (
    children
  );
  if (!summary) return <>{content}</>;
  return (
    <details id={summary.id} className={summary.detailsClassName} open={summary.open || state.status !== "idle" || undefined}>
      <summary className={summary.className ?? "cursor-pointer font-semibold text-brand"}>{summary.label}</summary>
      <div className="mt-2">{content}</div>
    </details>
  );
}

/** After a refused post: whether the field `name` came back with something typed or a message. */
export function typedOrFaulty(state: FormState<unknown>, name: string): boolean {
  return state.status === "error" && ((state.values[name] ?? "") !== "" || (state.fieldErrors[name]?.length ?? 0) > 0);
}

/**
 * A `<details>` inside a form that opens by itself when the form's post was refused, so that
 * without JavaScript the error summary and the fields at fault are not hidden in a closed fold
 * (the edit form on a contribution's page, decision 055). With `fields`, only when one of those
 * came back typed or at fault (the photos); `open`: open anyway.
 */
export function FoldOnError({
  summary,
  className,
  summaryClassName,
  fields,
  open,
  state: given,
  children,
}: {
  summary: ReactNode;
  className?: string;
  summaryClassName?: string;
  fields?: string[];
  open?: boolean;
  /** The values to show when they are not the form's own answer (the post form's similar offer). */
  state?: FormState<unknown>;
  children: ReactNode;
}) {
  const state = useFormState(given);
  const refused = fields ? fields.some((name) => typedOrFaulty(state, name)) : state.status === "error";
  return (
    <details className={className} open={open || refused || undefined}>
      <summary className={summaryClassName}>{summary}</summary>
      {children}
    </details>
  );
}
