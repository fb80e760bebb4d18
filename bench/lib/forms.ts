// The support and comment forms of a contribution page, read from its HTML the way a browser
// without JavaScript submits them: every hidden field (the server action's id and bound state
// included), so the bench posts exactly what a phone without JavaScript would; and a list page's
// own "next" link, as a reader follows it.
import type { FormTemplate } from "../load";
import { CACHE_OFF_COOKIE } from "./sql";

const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function fieldsOf(form: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const [input] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(input)?.[1];
    if (!name) continue;
    fields.push([decode(name), decode(/\bvalue="([^"]*)"/.exec(input)?.[1] ?? "")]);
  }
  return fields;
}

/** The support form and the new-comment form of a contribution page (null where the page has none). */
export function contributionForms(html: string, pagePath: string): { support: FormTemplate | null; comment: FormTemplate | null } {
  const forms = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map(([form]) => form);
  const support = forms.find((form) => /name="intent"/.test(form));
  // The new-comment form: a body and the reader's language as a hidden field. Not a reply or an
  // edit (commentId, parentId), not a translation form (its language is a <select>).
  const comment = forms.findLast(
    (form) =>
      /<textarea\b[^>]*name="body"/.test(form) &&
      /<input\b[^>]*type="hidden"[^>]*name="language"/.test(form) &&
      !/<select\b[^>]*name="language"/.test(form) &&
      !/name="(commentId|parentId)"/.test(form),
  );
  const template = (form: string | undefined, extra: [string, string][]): FormTemplate | null =>
    form ? { path: pagePath, fields: [...fieldsOf(form).filter(([name]) => !extra.some(([e]) => e === name)), ...extra] } : null;
  return {
    support: template(support, [["intent", "give"]]),
    comment: template(comment, [["body", ""]]),
  };
}

/** The page's own "next" link to `target` (its path and page number), as a reader follows it: with the cursor. */
export async function nextLinkTo(baseUrl: string, from: string, target: string): Promise<string> {
  const response = await fetch(`${baseUrl}${from}`, { headers: { cookie: CACHE_OFF_COOKIE } });
  const html = await response.text();
  const page = new URL(target, baseUrl).searchParams.get("page");
  const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
  const next = hrefs
    .map((href) => new URL(href, baseUrl))
    .find((url) => url.pathname === new URL(target, baseUrl).pathname && url.searchParams.get("page") === page && url.searchParams.has("after"));
  if (!next) throw new Error(`no link with a cursor to page ${page} on ${from} (status ${response.status})`);
  // Without its #fragment, which a browser does not send either.
  return `${next.pathname}${next.search}`;
}
