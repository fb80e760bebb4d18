"use client";

// A module of its own: a client module ships all its exports to every page that imports it
// (issue 16), and only the forms with photos have a file field.
import type { ReactNode } from "react";
import { describedBy, errorsOf, useFieldId, useMessage, type FieldProps } from "./form-fields";
import { typedOrFaulty } from "./folded";
import { useFormState } from "./form";

/**
 * A file field (a photo) in a fieldset of its own. The browser drops a chosen file with a refused
 * post: `again` asks for it once more where one was chosen — `chosen`, or `keptWith` (its
 * description) came back typed or at fault.
 */
export function FileField({
  name,
  label,
  hint,
  state: given,
  accept,
  again,
  keptWith,
  chosen,
}: FieldProps & { hint: ReactNode; accept: string; again: ReactNode; keptWith: string; chosen?: boolean }) {
  const state = useFormState(given);
  const id = useFieldId(name);
  const message = useMessage();
  const errors = errorsOf(state, name);
  const ask = errors.length > 0 || chosen || typedOrFaulty(state, keptWith);
  return (
    <>
      <label htmlFor={id} className="mt-1 block">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {hint}
      </p>
      {ask && (
        <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-danger">
          {errors.map((m) => message(m)).join(" ")} {again}
        </p>
      )}
      <input
        id={id}
        type="file"
        name={name}
        accept={accept}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(`${id}-hint`, ask && `${id}-error`)}
        className="mt-2 mb-3 block w-full max-w-full text-base"
      />
    </>
  );
}
