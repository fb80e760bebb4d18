// All user text goes through one renderer: plain text with clickable links, or limited
// Markdown; whatever hostile payload comes in, only a few inert elements and http(s)/mailto
// links come out, each link with rel="nofollow ugc noopener".
import { describe, expect, it } from "vitest";
import { userTextHtml } from "@/lib/text/user-text-html";
import { HOSTILE_INPUT } from "@/tests/support/hostile-input";

const formats = ["plain", "markdown"] as const;
const ALLOWED_TAGS = new Set(["p", "br", "em", "strong", "ul", "ol", "li", "a"]);

/** Every tag in the output is an allowed one, with no attribute beyond href/rel/start. */
function expectOnlySafeMarkup(html: string) {
  for (const [, name, attributes] of html.matchAll(/<\/?([a-zA-Z0-9-]+)([^>]*)>/g)) {
    expect(ALLOWED_TAGS.has(name!.toLowerCase()), `tag <${name}> in ${html}`).toBe(true);
    const names = [...attributes!.matchAll(/\s([^\s="]+)="[^"]*"/g)].map((m) => m[1]);
    expect(attributes!.replace(/\s([^\s="]+)="[^"]*"/g, "").trim(), `stray attribute text in ${html}`).toMatch(/^\/?$/);
    expect(names.every((n) => n === "href" || n === "rel" || n === "start"), `attributes ${names.join(",")} in ${html}`).toBe(true);
  }
  for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) expect(href).toMatch(/^(https?:|mailto:)/);
  expect(html).not.toMatch(/<(script|img|svg|iframe|style|object)/i);
}

const HOSTILE = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">klick</a>',
  "[klick](javascript:alert(1))",
  "[klick](JaVaScRiPt:alert(1))",
  "[klick](java\tscript:alert(1))",
  "[klick](&#106;avascript:alert(1))",
  "[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![bild](https://example.org/x.png)",
  '<svg onload="alert(1)"><circle r="1"/></svg>',
  "<iframe src=https://evil.example></iframe>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  '[x](https://example.org "title" onmouseover="alert(1)")',
  "<https://example.org/a?b=<script>>",
  "<style>body{display:none}</style>",
  "[x](vbscript:msgbox(1))",
  "[x](//evil.example/)",
];

describe("userTextHtml", () => {
  it.each(HOSTILE.flatMap((payload) => formats.map((format) => [format, payload] as const)))("%s: %s stays inert", (format, payload) => {
    const html = userTextHtml(payload, format);
    expectOnlySafeMarkup(html);
    expect(html).not.toMatch(/<a [^>]*href="(javascript|data|vbscript):/i);
  });

  it.each(HOSTILE_INPUT.filter((payload) => !payload.refused).map((payload) => [payload.name, payload.text] as const))(
    "the shared hostile corpus: %s is inert in both formats, and plain text reads exactly as typed",
    (_name, payload) => {
      for (const format of formats) expectOnlySafeMarkup(userTextHtml(payload, format));
      const shown = userTextHtml(payload)
        .replace(/<[^>]+>/g, "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&#x27;|&#39;/g, "'")
        .replace(/&amp;/g, "&");
      expect(shown).toBe(payload);
    },
  );

  it("shows markup as the words it is", () => {
    expect(userTextHtml("<script>alert(1)</script>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(userTextHtml("a & b < c")).toContain("a &amp; b &lt; c");
  });

  it("makes links clickable with rel nofollow ugc noopener", () => {
    expect(userTextHtml("Infos: https://example.org/kurse?x=1 und mailto:info@example.org")).toBe(
      '<p>Infos: <a href="https://example.org/kurse?x=1" rel="nofollow ugc noopener">https://example.org/kurse?x=1</a> und <a href="mailto:info@example.org" rel="nofollow ugc noopener">mailto:info@example.org</a></p>',
    );
    expect(userTextHtml("[Kurse](https://example.org/kurse)", "markdown")).toBe(
      '<p><a href="https://example.org/kurse" rel="nofollow ugc noopener">Kurse</a></p>\n',
    );
  });

  it("keeps the words of a refused link, without a target", () => {
    const html = userTextHtml("[klick](javascript:alert(1))", "markdown");
    expect(html).not.toContain("<a");
    expect(html).toContain("klick");
  });

  it("renders the limited Markdown: paragraphs, emphasis, lists, line breaks", () => {
    expect(userTextHtml("*wichtig* und **sehr**\nneue Zeile\n\n- eins\n- zwei\n\n1. a\n2. b", "markdown")).toBe(
      "<p><em>wichtig</em> und <strong>sehr</strong><br />\nneue Zeile</p>\n<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>\n<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n",
    );
  });

  it("plain text keeps every character as typed, Markdown signs and spacing included", () => {
    expect(userTextHtml("*nicht kursiv* # keine Überschrift\n- kein Punkt")).toBe("<p>*nicht kursiv* # keine Überschrift\n- kein Punkt</p>");
    expect(userTextHtml("a\n\nb  \n   c &amp; [x](javascript:alert(1))")).toBe("<p>a\n\nb  \n   c &amp;amp; [x](javascript:alert(1))</p>");
  });

  it("leaves no headings, images, code blocks, tables or quotes in Markdown", () => {
    const html = userTextHtml("# Titel\n\n> Zitat\n\n    code\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---", "markdown");
    expectOnlySafeMarkup(html);
    expect(html).not.toMatch(/<(h1|blockquote|pre|code|table|hr)/);
  });

  it("keeps direction controls as inert text and never in a link target", () => {
    const rlo = "\u202E";
    const html = userTextHtml(`Datei ${rlo}fdp.exe`);
    expect(html).toBe(`<p>Datei ${rlo}fdp.exe</p>`);
    const link = userTextHtml(`[bank](https://example.org/${rlo}moc.knab)`, "markdown");
    expect(link).not.toMatch(/href="[^"]*\u202E/);
    expectOnlySafeMarkup(link);
  });

  it("keeps Arabic and Farsi text intact", () => {
    expect(userTextHtml("نحتاج إلى دورة لغة\nبرای کودکان")).toBe("<p>نحتاج إلى دورة لغة\nبرای کودکان</p>");
    expect(userTextHtml("نحتاج إلى دورة لغة\nبرای کودکان", "markdown")).toBe("<p>نحتاج إلى دورة لغة<br />\nبرای کودکان</p>\n");
  });
});
