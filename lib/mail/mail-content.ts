import MarkdownIt from "markdown-it";
import { direction } from "@/lib/i18n/routing";

// One description of a mail's words gives both parts: the plain text, as before, and an HTML
// alternative in which every quoted title or text carries the language it is written in and
// every name sits in its own <bdi> (WCAG 3.1.2; plain text cannot mark a part, decision 028).

/** A piece of a line: words in the mail's language, a text in its own language, a name, a link. */
export type Inline = string | { text: string; lang: string } | { name: string } | { href: string };
export type Line = Inline | Inline[];
/** A paragraph of lines; `item`: one entry of a list (consecutive items form one list). */
export type Block = { lines: Line[]; item?: boolean };
export type MailContent = { language: string; subject: string; blocks: Block[] };

/** Private-use marks that stand for a title and a name inside a catalogue sentence (as components/text/with-name.tsx). */
export const TEXT_MARK = "\uE001";
export const NAME_MARK = "\uE000";

// markdown-it's escaper (already ours for user text, lib/text/user-text-html.ts): & < > " —
// every attribute below is double-quoted.
const markdownUtils = new MarkdownIt().utils;
const escape = (value: string) => markdownUtils.escapeHtml(value);

/** A catalogue sentence filled with marks, split into words, the title in its language and the name. */
export function fillMarks(sentence: string, parts: { text?: { text: string; lang: string }; name?: string }): Inline[] {
  const out: Inline[] = [];
  let rest = sentence;
  for (let match = /[\uE000\uE001]/.exec(rest); match; match = /[\uE000\uE001]/.exec(rest)) {
    if (match.index > 0) out.push(rest.slice(0, match.index));
    if (match[0] === NAME_MARK) out.push({ name: parts.name ?? "" });
    else if (parts.text) out.push(parts.text);
    rest = rest.slice(match.index + 1);
  }
  if (rest) out.push(rest);
  return out;
}

const inlines = (line: Line): Inline[] => (Array.isArray(line) ? line : [line]);

function inlineText(piece: Inline): string {
  if (typeof piece === "string") return piece;
  if ("text" in piece) return piece.text;
  if ("name" in piece) return piece.name;
  return piece.href;
}

function inlineHtml(piece: Inline, mailLanguage: string): string {
  if (typeof piece === "string") return escape(piece);
  if ("text" in piece) {
    // The language of the mail needs no mark; any other gets its own, and its direction.
    if (!piece.lang || piece.lang === mailLanguage) return `<bdi>${escape(piece.text)}</bdi>`;
    return `<bdi lang="${escape(piece.lang)}" dir="${direction(piece.lang)}">${escape(piece.text)}</bdi>`;
  }
  if ("name" in piece) return `<bdi>${escape(piece.name)}</bdi>`;
  // Only our own absolute addresses are put into mails; anything else stays text.
  if (!/^https?:\/\//.test(piece.href)) return escape(piece.href);
  return `<a href="${escape(piece.href)}" dir="ltr">${escape(piece.href)}</a>`;
}

/** The plain-text part: lines joined, paragraphs apart by an empty line, list items as "- …". */
export function mailText(content: MailContent): string {
  return content.blocks
    .map((block) =>
      block.lines
        .map((line, index) => {
          const text = inlines(line).map(inlineText).join("");
          return block.item ? `${index === 0 ? "- " : "  "}${text}` : text;
        })
        .join("\n"),
    )
    .join("\n\n");
}

/** The HTML part: the mail's language and direction on the root (and on a wrapper, for mail programs that drop it). */
export function mailHtml(content: MailContent): string {
  const { language } = content;
  const lang = `lang="${escape(language)}" dir="${direction(language)}"`;
  const body: string[] = [];
  let list: string[] | null = null;
  for (const block of content.blocks) {
    const html = block.lines.map((line) => inlines(line).map((piece) => inlineHtml(piece, language)).join("")).join("<br>\n");
    if (block.item) {
      list ??= [];
      list.push(`<li style="margin-block-end:1em">${html}</li>`);
      continue;
    }
    if (list) {
      body.push(`<ul>\n${list.join("\n")}\n</ul>`);
      list = null;
    }
    body.push(`<p>${html}</p>`);
  }
  if (list) body.push(`<ul>\n${list.join("\n")}\n</ul>`);
  return [
    "<!DOCTYPE html>",
    `<html ${lang}>`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(content.subject)}</title></head>`,
    `<body><div ${lang} style="font-family:sans-serif;line-height:1.5">`,
    ...body,
    "</div></body>",
    "</html>",
  ].join("\n");
}
