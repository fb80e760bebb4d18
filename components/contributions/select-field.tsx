"use client";

import type { ReactNode } from "react";
import { FieldShell, inputClass, useField } from "@/components/form/form-fields";
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
  const { id, errors, control } = useField(given, name, hint, defaultValue);
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <select {...control} className={`${inputClass} max-w-full`}>
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang} dir={option.dir}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
