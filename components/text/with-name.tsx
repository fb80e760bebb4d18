import type { ReactNode } from "react";

/**
 * Stands for a name in a catalogue message: `t("label", { actor: NAME })`. next-intl's rich
 * messages take tags, not elements, for arguments; a name must still sit in its own element
 * (`<bdi>`, so its direction and language stay its own, WCAG 3.1.2), so the message is filled
 * with this mark and split at it (decision 028). A private-use character no message contains.
 */
export const NAME = "\uE000";

/** The message with `name` in place of the mark, in a `<bdi>`; names are proper names of any script. */
export function WithName({ message, name }: { message: string; name: ReactNode }) {
  const at = message.indexOf(NAME);
  if (at < 0) return <>{message}</>;
  return (
    <>
      {message.slice(0, at)}
      <bdi>{name}</bdi>
      {message.slice(at + NAME.length)}
    </>
  );
}
