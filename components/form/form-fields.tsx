"use client";

// Form parts for server actions behind plain <form action>: without JavaScript the browser
// posts the form and the server renders the returned state; with JavaScript, useActionState
// does the same in place. Every field keeps what the person typed and shows its own
// translated message, tied to it with aria-describedby.
import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";
import type { FormState, Message } from "@/lib/actions/form-state";
import { useFormFieldId, useFormMessages, useFormState } from "./form";

export function useMessage(): (message: Message) => string {
  const t = useFormMessages();
  return (message) => t(message.key, message.params);
}

function valueOf(state: FormState, name: string, fallback?: string): string | undefined {
  return state.status === "error" ? (state.values[name] ?? "") : fallback;
}

export function errorsOf(state: FormState, name: string): Message[] {
  return state.status === "error" ? (state.fieldErrors[name] ?? []) : [];
}

export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length ? present.join(" ") : undefined;
}

export const inputClass =
  "mt-1 block w-full rounded border border-muted bg-white px-3 py-2 text-base text-ink aria-invalid:border-danger aria-invalid:border-2";

/** A field's translated messages, at `id` (its aria-describedby names it); nothing when there are none. */
export function FieldMessages({ id, messages }: { id: string; messages: Message[] }) {
  const message = useMessage();
  if (messages.length === 0) return null;
  return (
    <p id={id} className="mt-1 text-sm font-semibold text-danger">
      {messages.map((m) => message(m)).join(" ")}
    </p>
  );
}

/** `state`: the enclosing <ActionForm>'s when left out. */
export type FieldProps = { name: string; label: ReactNode; hint?: ReactNode; state?: FormState };

/** The id of a field: derived from its <Form>'s (the error summary links to it), else unique. */
export function useFieldId(name: string): string {
  const generated = useId();
  return useFormFieldId(name) ?? generated;
}

/** Label, hint, the control and its messages, tied together with ids. */
export function useField(given: FormState | undefined, name: string, hint: ReactNode, fallback: string | undefined) {
  const state = useFormState(given);
  const id = useFieldId(name);
  const errors = errorsOf(state, name);
  const control = {
    id,
    name,
    defaultValue: valueOf(state, name, fallback),
    "aria-invalid": errors.length > 0 || undefined,
    "aria-describedby": describedBy(hint ? `${id}-hint` : undefined, errors.length > 0 && `${id}-error`),
    className: inputClass,
  };
  return { id, errors, control };
}

/** A field's label, hint, control and messages, in the order a screen reader reads them. */
export function FieldShell({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors: Message[];
  children: ReactNode;
}) {
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
      {children}
      <FieldMessages id={`${id}-error`} messages={errors} />
    </div>
  );
}

export function TextField({
  name,
  label,
  hint,
  state,
  defaultValue,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue"> & { defaultValue?: string }) {
  const { id, errors, control } = useField(state, name, hint, defaultValue);
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <input {...control} {...input} />
    </FieldShell>
  );
}

/** A select that keeps the chosen value after a failed post, like the other fields. */
export function SelectField({
  name,
  label,
  hint,
  state,
  options,
  defaultValue,
}: FieldProps & { options: { value: string; label: string; lang?: string; dir?: "ltr" | "rtl" }[]; defaultValue?: string }) {
  const { id, errors, control } = useField(state, name, hint, defaultValue);
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <select {...control} className={`${control.className} max-w-full`}>
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang} dir={option.dir}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  state,
  defaultValue,
  ...textarea
}: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "defaultValue"> & { defaultValue?: string }) {
  const { id, errors, control } = useField(state, name, hint, defaultValue);
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <textarea {...control} {...textarea} />
    </FieldShell>
  );
}

export function CheckboxField({
  name,
  label,
  hint,
  state: given,
  defaultChecked,
}: FieldProps & { defaultChecked?: boolean }) {
  const id = useFieldId(name);
  const state = useFormState(given);
  const errors = errorsOf(state, name);
  const checked = state.status === "error" ? state.values[name] === "on" : defaultChecked;
  return (
    <div className="mb-4">
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={checked}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={describedBy(hint ? `${id}-hint` : undefined, errors.length > 0 && `${id}-error`)}
          className="mt-1 size-5 shrink-0"
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="ms-7 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <FieldMessages id={`${id}-error`} messages={errors} />
    </div>
  );
}

/**
 * Radio buttons, one value for `name`; or with `boxes` checkboxes, one per option named
 * `<boxes.prefix><value>` (the action collects them; its message is reported at `name`), ticked
 * at first when in `boxes.checked`. `lang`: the language of the legend and the options.
 */
export function ChoiceField({
  name,
  legend,
  hint,
  state: given,
  options,
  defaultValue,
  boxes,
  lang,
  labelledBy,
}: Omit<FieldProps, "label"> & {
  legend: ReactNode;
  options: { value: string; label: ReactNode; hint?: ReactNode }[];
  defaultValue?: string;
  boxes?: { prefix: string; checked: readonly string[] };
  lang?: string;
  /** A heading above that already shows the legend's words: it names the choices, and they are not shown twice. */
  labelledBy?: string;
}) {
  const id = useFieldId(name);
  const state = useFormState(given);
  const errors = errorsOf(state, name);
  const selected = valueOf(state, name, defaultValue);
  const ticked = (value: string) =>
    boxes ? (state.status === "error" ? state.values[boxes.prefix + value] === "on" : boxes.checked.includes(value)) : selected === value;
  return (
    <fieldset
      className="mb-4"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy(hint ? `${id}-hint` : undefined, errors.length > 0 && `${id}-error`)}
    >
      {!labelledBy && (
        <legend className="font-semibold" lang={lang}>
          {legend}
        </legend>
      )}
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {options.map((option) => (
        <div key={option.value} className="mt-2 flex items-start gap-2">
          <input
            id={`${id}-${option.value}`}
            type={boxes ? "checkbox" : "radio"}
            name={boxes ? boxes.prefix + option.value : name}
            value={boxes ? "on" : option.value}
            defaultChecked={ticked(option.value)}
            className="mt-1 size-5 shrink-0"
          />
          <label htmlFor={`${id}-${option.value}`} lang={lang}>
            {option.label}
            {option.hint ? <span className="block text-sm text-muted">{option.hint}</span> : null}
          </label>
        </div>
      ))}
      <FieldMessages id={`${id}-error`} messages={errors} />
    </fieldset>
  );
}

export function SubmitButton({ children, className }: { children: ReactNode; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-disabled={pending || undefined}
      className={
        className ??
        "rounded bg-brand px-5 py-3 text-base font-semibold text-white hover:bg-brand-dark aria-disabled:opacity-70"
      }
    >
      {children}
    </button>
  );
}
