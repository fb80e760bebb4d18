import type { ReactNode } from "react";
import { direction } from "@/lib/i18n/routing";

/**
 * Stands for a name in a catalogue message: `t("label", { actor: NAME })`. next-intl's rich
 * messages take tags, not elements, for arguments; a name must still sit in its own element
 * (`<bdi>`, so its direction and language stay its own, WCAG 3.1.2), so the message is filled
 * with this mark and split at it (decision 028). Private-use characters no message contains.
 */
export const NAME = "\uE000";
/** Stands for a text in a known language (a title) in a catalogue message; see `Filled`. */
export const TEXT = "\uE001";
const MARKS = /[\uE000\uE001]/;

/** The message with `name` in place of the mark, in a `<bdi>`; names are proper names of any script. */
export function WithName({ message, name }: { message: string; name: ReactNode }) {
  return <Filled message={message} name={name} />;
}

/**
 * The message with each mark replaced: NAME by `name` in a `<bdi>`, TEXT by `text` in a
 * `<bdi>` with its `lang` and `dir` (a contribution's title inside an Arabic sentence).
 */
export function Filled({ message, name, text }: { message: string; name?: ReactNode; text?: { value: string; lang: string } }) {
  const parts: ReactNode[] = [];
  let rest = message;
  for (let match = MARKS.exec(rest); match; match = MARKS.exec(rest)) {
    parts.push(rest.slice(0, match.index));
    if (match[0] === NAME) parts.push(<bdi key={parts.length}>{name}</bdi>);
    else if (text) {
      parts.push(
        <bdi key={parts.length} lang={text.lang} dir={direction(text.lang)}>
          {text.value}
        </bdi>,
      );
    }
    rest = rest.slice(match.index + 1);
  }
  parts.push(rest);
  return <>{parts}</>;
}
