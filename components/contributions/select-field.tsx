"use client";

import type { ReactNode } from "react";
import { useFieldId, useMessage } from "@/components/form/form-fields";
import { useFormState } from "@/components/form/form";
import type { FormState } from "@/lib/actions/form-state";

/** A select that keeps the chosen value after a failed post, like the other form fields. */
export function SelectField({
  name,
  label,
  state: given,
  options,
  defaultValue,
  hint,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  state?: FormState;
  options: { value: string; label: string; lang?: string; dir?: "ltr" | "rtl" }[];
  defaultValue?: string;
}) {
  const state = useFormState(given);
  const id = useFieldId(name);
  const message = useMessage();
  const errors = state.status === "error" ? (state.fieldErrors[name] ?? []) : [];
  const value = state.status === "error" ? state.values[name] : defaultValue;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        defaultValue={value}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={[hint ? `${id}-hint` : "", errors.length > 0 ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
        className="mt-1 block w-full max-w-full rounded border border-muted bg-white px-3 py-2 text-base text-ink aria-invalid:border-2 aria-invalid:border-danger"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang} dir={option.dir}>
            {option.label}
          </option>
        ))}
      </select>
      {errors.length > 0 && (
        <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-danger">
          {errors.map((m) => message(m)).join(" ")}
        </p>
      )}
    </div>
  );
}
