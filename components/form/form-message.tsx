"use client";

// A module of its own: a client module ships every export to each page that imports it (issue
// 16's JavaScript budget), and only a list of forms sharing one state (the push devices) needs it.
import { useContext } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { FormContext } from "./form";
import { useMessage } from "./form-fields";

/**
 * The form-level message (e.g. "too many attempts"), announced when it appears. Inside a <Form>
 * the error summary says it (components/form/form.tsx).
 */
export function FormMessage({ state }: { state: FormState }) {
  const message = useMessage();
  const inForm = useContext(FormContext) !== null;
  if (inForm || state.status !== "error" || !state.formError) return null;
  return (
    <p role="alert" className="mb-4 rounded border-s-4 border-danger bg-danger-soft p-3 font-semibold text-danger">
      {message(state.formError)}
    </p>
  );
}
