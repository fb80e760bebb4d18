import type { HTMLAttributes } from "react";
import { userTextHtml, userTextInlineHtml, type UserTextFormat } from "@/lib/text/user-text-html";

// Lists and links inside user text, which the base styles reset; logical properties for rtl.
const MARKUP = "space-y-3 break-words [&_a]:underline [&_ol]:list-decimal [&_ol]:space-y-1 [&_ol]:ps-6 [&_ul]:list-disc [&_ul]:space-y-1 [&_ul]:ps-6";
const PLAIN = "whitespace-pre-line break-words [&_a]:underline";

type Props = Omit<HTMLAttributes<HTMLElement>, "children" | "dangerouslySetInnerHTML"> & {
  text: string;
  /** "plain" (comments, reasons): one paragraph, text as typed, clickable links; "markdown": limited Markdown. */
  format?: UserTextFormat;
  "data-testid"?: string;
};

/**
 * Words someone wrote, rendered safely on the server (lib/text/user-text-html.ts): the only
 * place user text becomes HTML. `lang` and `dir` go on the outer element as the caller gives
 * them: the paragraph itself for plain text, a wrapper around the paragraphs for Markdown.
 */
export function UserText({ text, format = "plain", className, ...attributes }: Props) {
  const classes = (base: string) => (className ? `${base} ${className}` : base);
  if (format === "plain") {
    // Plain text keeps its line breaks through CSS, so its words read exactly as typed.
    return <p {...attributes} className={classes(PLAIN)} dangerouslySetInnerHTML={{ __html: userTextInlineHtml(text) }} />;
  }
  return <div {...attributes} className={classes(MARKUP)} dangerouslySetInnerHTML={{ __html: userTextHtml(text, format) }} />;
}
