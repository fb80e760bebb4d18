import "server-only";
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

// User text becomes HTML here and nowhere else. Two steps, each with a well-kept library:
// markdown-it with raw HTML off turns text into a small set of elements, then sanitize-html
// keeps only those elements and safe link targets, whatever the first step let through. Runs
// on the server only, so no parser ships to phones.

/** Limited Markdown: paragraphs, emphasis, lists, links, line breaks (contributions, responses). */
const markdown = new MarkdownIt("zero", { html: false, linkify: true, breaks: true }).enable([
  "linkify",
  "newline",
  "escape",
  "entity",
  "emphasis",
  "list",
  "link",
  "autolink",
]);

const REL = "nofollow ugc noopener";
// Direction controls in a link target could make it read as another address.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "em", "strong", "ul", "ol", "li", "a"],
  allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href ?? "";
      const safe = /^(https?:|mailto:)/i.test(href) && !BIDI_CONTROLS.test(href);
      const kept: sanitizeHtml.Attributes = safe ? { href, rel: REL } : { rel: REL };
      return { tagName, attribs: kept };
    },
  },
  // A link without a safe target is shown as its words.
  exclusiveFilter: (frame) => frame.tag === "a" && !frame.attribs.href,
  nonTextTags: ["script", "style", "textarea", "option", "noscript"],
};

export type UserTextFormat = "plain" | "markdown";

const escapeHtml = (text: string) => markdown.utils.escapeHtml(text);

/**
 * Plain text (comments): every character exactly as typed, escaped, for one paragraph whose line
 * breaks CSS keeps (white-space: pre-line); only web and mail addresses become links.
 */
function plainInlineHtml(text: string): string {
  let html = "";
  let last = 0;
  for (const match of markdown.linkify.match(text) ?? []) {
    const href = markdown.normalizeLink(match.url);
    html += escapeHtml(text.slice(last, match.index));
    html += markdown.validateLink(href) ? `<a href="${escapeHtml(href)}">${escapeHtml(match.raw)}</a>` : escapeHtml(match.raw);
    last = match.lastIndex;
  }
  return html + escapeHtml(text.slice(last));
}

/** Plain text as the inside of one paragraph: escaped text and http(s)/mailto links only. */
export function userTextInlineHtml(text: string): string {
  return sanitizeHtml(plainInlineHtml(text), SANITIZE);
}

/** Safe HTML for user-written text: only p, br, em, strong, ul/ol/li and http(s)/mailto links. */
export function userTextHtml(text: string, format: UserTextFormat = "plain"): string {
  return format === "markdown" ? sanitizeHtml(markdown.render(text), SANITIZE) : `<p>${userTextInlineHtml(text)}</p>`;
}
