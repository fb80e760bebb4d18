// The support and comment forms of a contribution page, read from its HTML the way a browser
// without JavaScript submits them: every hidden field (the server action's id and bound state
// included), so the bench posts exactly what a phone without JavaScript would.
import type { FormTemplate } from "../load";

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
