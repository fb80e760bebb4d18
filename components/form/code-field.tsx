import { TextField, type FieldProps } from "./form-fields";

// A module of its own, without "use client": a client module ships every export to each page
// that imports it (issue 16's JavaScript budget), and only the code forms need this one.

/** A short code typed from paper or read out (invitation, sign-in): big, spaced, no autocorrect. */
export function CodeField(props: FieldProps & { required?: boolean }) {
  return (
    <TextField
      {...props}
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      className="mt-1 block w-full rounded border border-muted bg-white px-3 py-2 font-mono text-lg tracking-widest text-ink aria-invalid:border-2 aria-invalid:border-danger"
    />
  );
}
