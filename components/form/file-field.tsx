"use client";

// A module of its own: a client module ships all its exports to every page that imports it
// (issue 16), and only the forms with a file (photos, a logo, a district's boundary) have one.
import type { ReactNode } from "react";
import { describedBy, errorsOf, FieldShell, useFieldId, useMessage, type FieldProps } from "./form-fields";
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
      <FileInput id={id} name={name} accept={accept} invalid={errors.length > 0} describedBy={describedBy(`${id}-hint`, ask && `${id}-error`)} className="mt-2 mb-3 block w-full max-w-full text-base" />
    </>
  );
}

/**
 * A plain file field (a logo, a boundary file) with its label, hint and messages, like a text
 * field: the summary links here. `messagesOf`: the field whose messages it says, when the action
 * reports them under another name (a boundary, from the file or typed).
 */
export function UploadField({ name, label, hint, accept, messagesOf = name }: Omit<FieldProps, "state"> & { accept: string; messagesOf?: string }) {
  const state = useFormState();
  const id = useFieldId(name);
  const errors = errorsOf(state, messagesOf);
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <FileInput id={id} name={name} accept={accept} invalid={errors.length > 0} describedBy={describedBy(hint ? `${id}-hint` : undefined, errors.length > 0 && `${id}-error`)} className="mt-1 block w-full" />
    </FieldShell>
  );
}

function FileInput({ id, name, accept, invalid, describedBy: by, className }: { id: string; name: string; accept: string; invalid: boolean; describedBy?: string; className: string }) {
  return <input id={id} type="file" name={name} accept={accept} aria-invalid={invalid || undefined} aria-describedby={by} className={className} />;
}
