"use client";

import { useId, type ReactNode } from "react";
import { FieldMessages } from "@/components/form/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { useFormState } from "@/components/form/form";

export type CheckboxOption = { value: string; label: string; lang?: string; dir?: "ltr" | "rtl" };

/**
 * A group of checkboxes named `<prefix><value>` (the action collects them) in one fieldset with
 * its legend, hint and the errors of `errorField`; after a refused post each keeps its tick, else
 * `checked` are ticked. `children` follow the boxes (e.g. a field for one more).
 */
export function CheckboxGroup({
  legend,
  hint,
  state: given,
  errorField,
  prefix,
  options,
  checked,
  children,
}: {
  legend: string;
  hint: string;
  state?: FormState;
  errorField: string;
  prefix: string;
  options: CheckboxOption[];
  checked: string[];
  children?: ReactNode;
}) {
  const id = useId();
  const state = useFormState(given);
  const errors = state.status === "error" ? (state.fieldErrors[errorField] ?? []) : [];
  const isChecked = (value: string) => (state.status === "error" ? state.values[`${prefix}${value}`] === "on" : checked.includes(value));
  return (
    <fieldset className="mb-4" aria-describedby={`${id}-hint${errors.length > 0 ? ` ${id}-error` : ""}`}>
      <legend className="font-semibold">{legend}</legend>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {hint}
      </p>
      <ul className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2">
        {options.map((option) => (
          <li key={option.value} className="flex items-start gap-2">
            <input
              id={`${id}-${option.value}`}
              type="checkbox"
              name={`${prefix}${option.value}`}
              defaultChecked={isChecked(option.value)}
              aria-invalid={errors.length > 0 || undefined}
              className="mt-1 size-5 shrink-0"
            />
            <label htmlFor={`${id}-${option.value}`} lang={option.lang} dir={option.dir}>
              {option.label}
            </label>
          </li>
        ))}
      </ul>
      <FieldMessages id={`${id}-error`} messages={errors} />
      {children ? <div className="mt-3">{children}</div> : null}
    </fieldset>
  );
}
