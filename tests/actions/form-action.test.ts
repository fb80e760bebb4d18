// The one wrapper for server actions: it refuses requests from other sites (a server action
// is a public endpoint) and turns zod's issues into catalogue keys per field. Both are pure
// functions here; the wrapper itself only reads the request's headers and calls them.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf, isSameOrigin, parseForm } from "@/lib/actions/form-action";
import { dialoguePageRef, municipalityPageRef, pagePath, pageRef, sitePageRef } from "@/lib/routes/page-ref";
import { checkboxGroup, fromFormEncoding, textGroup } from "@/lib/validation";
import { recordPollMeetingCountInput } from "@/lib/polls/record-poll-meeting-count";
import { updateProfileInput } from "@/lib/accounts/update-profile";
import { saveChannelInput } from "@/lib/channels/configure-channel";
import { dialogueFields } from "@/lib/dialogues/dialogue-fields";
import { signUpInput } from "@/lib/invitations/join-dialogue";
import { createInvitationInput } from "@/lib/invitations/create-invitation";

describe("isSameOrigin", () => {
  it.each([
    ["a matching origin", { origin: "https://mitreden.example", host: "mitreden.example" }],
    ["a matching origin with a port", { origin: "http://localhost:3000", host: "localhost:3000" }],
    ["a host header in capitals", { origin: "https://mitreden.example", host: "Mitreden.Example" }],
    ["the load balancer's forwarded host", { origin: "https://mitreden.example", host: "10.0.0.5:3000", forwardedHost: "mitreden.example" }],
    ["the first of several forwarded hosts", { origin: "https://mitreden.example", host: "app:3000", forwardedHost: "mitreden.example, proxy.internal" }],
    ["the public origin behind a proxy that rewrites Host", { origin: "https://mitreden.example", host: "internal:3000", publicOrigin: "https://mitreden.example" }],
  ])("accepts %s", (_what, request) => {
    expect(isSameOrigin(request)).toBe(true);
  });

  it.each([
    ["a missing origin", { origin: null, host: "mitreden.example" }],
    ["an empty origin", { origin: "", host: "mitreden.example" }],
    ['the origin "null" (sandboxed frames, file://)', { origin: "null", host: "mitreden.example" }],
    ["a foreign origin", { origin: "https://evil.example", host: "mitreden.example" }],
    ["a look-alike subdomain", { origin: "https://mitreden.example.evil.example", host: "mitreden.example" }],
    ["another port", { origin: "http://localhost:4000", host: "localhost:3000" }],
    ["an origin that is not a URL", { origin: "mitreden.example", host: "mitreden.example" }],
    ["a missing host", { origin: "https://mitreden.example", host: null }],
    ["a forwarded host that differs from the origin", { origin: "https://mitreden.example", host: "mitreden.example", forwardedHost: "evil.example" }],
    ["a foreign origin behind a proxy that rewrites Host", { origin: "https://evil.example", host: "internal:3000", publicOrigin: "https://mitreden.example" }],
    ["the public host over another scheme", { origin: "http://mitreden.example", host: "internal:3000", publicOrigin: "https://mitreden.example" }],
  ])("refuses %s", (_what, request) => {
    expect(isSameOrigin(request)).toBe(false);
  });
});

describe("parseForm / fieldErrorsOf", () => {
  const errorsOf = (schema: z.ZodType, values: Record<string, string>) => {
    const parsed = parseForm(schema, values);
    if (parsed.success) throw new Error("expected the values to be refused");
    return parsed.fieldErrors;
  };

  it("returns the parsed data of a valid form", () => {
    const parsed = parseForm(signUpInput, { code: " K7MQ-4HTP ", displayName: " Ali ", locale: "ar", acceptCodeOfConduct: "on" });
    expect(parsed).toEqual({
      success: true,
      data: { code: "K7MQ-4HTP", displayName: "Ali", locale: "ar", perspective: "NOT_STATED", showPerspective: false, acceptCodeOfConduct: true, confirmRole: false },
    });
  });

  it("maps the issues of any zod error, e.g. one a domain function threw", () => {
    const parsed = signUpInput.safeParse({ code: "K7MQ4HTP", displayName: "", locale: "de", acceptCodeOfConduct: true });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldErrorsOf(parsed.error)).toEqual({ displayName: [{ key: "validation.required" }] });
  });

  it("says required for a missing field, an empty text and an unticked box", () => {
    expect(errorsOf(signUpInput, { code: "", displayName: "  ", locale: "de" })).toEqual({
      code: [{ key: "validation.required" }],
      displayName: [{ key: "validation.required" }],
      acceptCodeOfConduct: [{ key: "validation.required" }],
    });
  });

  it("says too_long with the maximum", () => {
    const errors = errorsOf(signUpInput, { code: "K7MQ4HTP", displayName: "x".repeat(61), locale: "de", acceptCodeOfConduct: "on" });
    expect(errors).toEqual({ displayName: [{ key: "validation.too_long", params: { maximum: 60 } }] });
  });

  it("says too_short with the minimum for texts that need more than one character", () => {
    expect(errorsOf(z.object({ reason: z.string().min(10) }), { reason: "kurz" })).toEqual({
      reason: [{ key: "validation.too_short", params: { minimum: 10 } }],
    });
  });

  it("passes a schema's own validation.* key through", () => {
    const errors = errorsOf(signUpInput, { code: "K7MQ4HTP", displayName: "Ali\u202E", locale: "de", acceptCodeOfConduct: "on" });
    expect(errors).toEqual({ displayName: [{ key: "validation.invalid_characters" }] });
    expect(errorsOf(z.object({ email: z.email({ error: "validation.email" }) }), { email: "nope" })).toEqual({
      email: [{ key: "validation.email" }],
    });
  });

  it("says invalid, not required, for a value that is there but wrong", () => {
    const errors = errorsOf(createInvitationInput, {
      dialogueId: "0190b6b4-0000-7000-8000-000000000000",
      role: "HOST",
      expiresInDays: "two weeks",
      maxUses: "0",
    });
    expect(errors).toEqual({
      role: [{ key: "validation.invalid" }],
      expiresInDays: [{ key: "validation.invalid" }],
      maxUses: [{ key: "validation.too_small_number", params: { minimum: 1 } }],
    });
  });

  it("names nested fields by their path and form-wide problems as form", () => {
    const schema = z
      .object({ address: z.object({ street: z.string().min(1) }) })
      .refine(() => false, { message: "validation.form_incomplete" });
    expect(errorsOf(schema, {})).toEqual({ address: [{ key: "validation.required" }] });
    const refined = z.object({ a: z.string() }).refine(() => false, { message: "validation.form_incomplete" });
    expect(errorsOf(refined, { a: "x" })).toEqual({ form: [{ key: "validation.form_incomplete" }] });
  });
});

// HTML form encoding ends at the boundary (issue 17): a ticked box posts "on", an unticked one
// nothing, an empty field "". parseForm hands domain schemas booleans and absent values.
describe("fromFormEncoding", () => {
  const schema = z.object({
    confirm: z.literal(true, { error: "validation.required" }),
    notify: z.boolean().default(false),
    meetingId: z.uuid().optional(),
    count: z.coerce.number().int().min(1).optional(),
    note: z.string().max(10).optional(),
    legacy: z.literal("on").optional(),
  });

  it.each([
    ["a ticked box is true", { confirm: "on" }, { confirm: true }],
    ["an unticked box is false", {}, { confirm: false, notify: false }],
    ["an empty optional id is left out", { meetingId: "" }, {}],
    ["an empty optional number is left out, not 0", { count: "" }, {}],
    ["an empty text that may be empty stays empty", { note: "" }, { note: "" }],
    ["a field that takes the text itself keeps it", { legacy: "on" }, { legacy: "on" }],
    ["a field the schema does not name passes as it is", { "language-de": "on" }, { "language-de": "on" }],
  ])("%s", (_what, values: Record<string, string>, expected) => {
    expect(fromFormEncoding(schema, values)).toMatchObject(expected);
  });

  it("leaves a box's value other than \"on\" for the schema to refuse", () => {
    expect(fromFormEncoding(schema, { confirm: "yes" }).confirm).toBe("yes");
    expect(errorsOfForm(schema, { confirm: "yes" }).confirm).toEqual([{ key: "validation.required" }]);
  });

  it("refuses an unticked box that must be ticked with the schema's own message, and parses the rest typed", () => {
    expect(errorsOfForm(schema, { notify: "on" })).toEqual({ confirm: [{ key: "validation.required" }] });
    expect(parseForm(schema, { confirm: "on", meetingId: "", count: "", note: "" })).toEqual({
      success: true,
      data: { confirm: true, notify: false, note: "" },
    });
  });

  it("sees the fields behind a transform", () => {
    const piped = z.object({ agreed: z.boolean().default(false), id: z.uuid().optional() }).transform((data) => ({ ...data, seen: true }));
    expect(parseForm(piped, { agreed: "on", id: "" })).toEqual({ success: true, data: { agreed: true, seen: true } });
  });

  it("sees the fields on both sides of .and(), as an action joins its page fields to a domain schema", () => {
    const page = z.object({ locale: z.enum(["de", "ar"]) });
    const joined = z.object({ enabled: z.boolean().default(false), day: z.iso.date().nullable() }).and(page);
    expect(parseForm(joined, { enabled: "on", day: " ", locale: "ar" })).toEqual({ success: true, data: { enabled: true, day: null, locale: "ar" } });
    expect(parseForm(joined, { day: "2026-12-07", locale: "de" })).toEqual({ success: true, data: { enabled: false, day: "2026-12-07", locale: "de" } });
    // The messenger settings form, as its action parses it (its "enabled" box was refused as "on").
    const messenger = saveChannelInput.and(page);
    const ticked = parseForm(messenger, { municipalityId: "7f9c2a52-3d0e-4c1b-9a8e-2b6f1d4e5a01", provider: "SIGNAL", number: "+49 151 23456789", accountRef: "http://127.0.0.1:8080", secret: "", enabled: "on", locale: "de" });
    expect(ticked.success && ticked.data.enabled).toBe(true);
  });

  describe("a checkbox group named by prefix and a text that may be cleared", () => {
    const grouped = z.object({
      languages: checkboxGroup("language-", z.array(z.enum(["de", "ar", "fa"])).min(1, "dialogueValidation.languagesRequired")),
      contact: z.string().trim().min(1).max(20).nullable().optional(),
      day: z.iso.date().nullable().optional(),
    });

    it.each([
      ["the ticked boxes of a group are its values", { "language-ar": "on", "language-fa": "on", "language-de": "off" }, { languages: ["ar", "fa"] }],
      ["a group with no box ticked is empty", {}, { languages: [] }],
      ["a text left empty that may be cleared is null, not left out", { contact: "" }, { contact: null }],
      ["only spaces are blank too", { contact: "   " }, { contact: null }],
      ["an empty date that may be cleared is null", { day: "" }, { day: null }],
      ["a text that is there stays as it is", { contact: " Rathaus " }, { contact: " Rathaus " }],
    ])("%s", (_what, values: Record<string, string>, expected) => {
      expect(fromFormEncoding(grouped, values)).toMatchObject(expected);
    });

    it("refuses an empty group with the schema's own message, and a value outside it", () => {
      expect(errorsOfForm(grouped, {})).toEqual({ languages: [{ key: "dialogueValidation.languagesRequired" }] });
      expect(errorsOfForm(grouped, { "language-xx": "on" })["languages.0"]).toEqual([{ key: "validation.invalid" }]);
    });

    it("gives the profile and the dialogue's fields typed values", () => {
      expect(fromFormEncoding(updateProfileInput, { email: "  " })).toMatchObject({ email: null, showPerspective: false });
      expect(fromFormEncoding(dialogueFields, { "theme-t1": "on", "language-de": "on", teamContact: "", closesAt: "", collectingFrom: "2027-01-10" })).toMatchObject({
        themeIds: ["t1"],
        languages: ["de"],
        teamContact: null,
        closesAt: null,
        collectingFrom: "2027-01-10",
      });
    });
  });

  // A group of texts named by prefix: a poll version's answers, hands counted per answer.
  it("gives a text group the record of its texts by key, and the schema its own errors at each field's name", () => {
    const option = "0190b6b4-0000-7000-8000-000000000001";
    const counts = recordPollMeetingCountInput.extend({ counts: textGroup("counts.", z.record(z.string(), z.string())) });
    const values = { pollId: option, meetingId: option, perspective: "LIVED_EXPERIENCE", [`counts.${option}`]: "7", "counts.other": "", countsX: "9" };
    expect(fromFormEncoding(counts, values).counts).toEqual({ [option]: "7", other: "" });
    const domain = recordPollMeetingCountInput.safeParse(fromFormEncoding(counts, { ...values, [`counts.${option}`]: "many" }), { reportInput: true });
    expect(domain.success ? {} : fieldErrorsOf(domain.error)).toEqual({ [`counts.${option}`]: [{ key: "validation.invalid" }], "counts.other": [{ key: "validation.invalid" }] });
    const answers = z.object({ answers: textGroup("answer-", z.record(z.string(), z.string()).transform((texts) => Object.keys(texts).sort().map((key) => texts[key]))) });
    expect(parseForm(answers, { "answer-2": "Nein", "answer-1": "Ja", answer: "x" })).toEqual({ success: true, data: { answers: ["Ja", "Nein"] } });
    expect(parseForm(answers, {})).toEqual({ success: true, data: { answers: [] } });
  });

  function errorsOfForm(s: z.ZodType, values: Record<string, string>) {
    const parsed = parseForm(s, values);
    if (parsed.success) throw new Error("expected the values to be refused");
    return parsed.fieldErrors;
  }
});

// The page reference a form's action is bound to (decision 042) travels with the form, so it is
// as untrusted as a field: it may only ever name a page of this site, and back() goes to that page.
describe("pageRef / pagePath", () => {
  const contribution = "0b7e2a52-8f8e-4c55-9d0e-6d3f0c1a2b3c";
  const thing = "0190b6b4-0000-7000-8000-000000000000";

  it.each([
    ["a dialogue's home", { locale: "ar", municipality: "musterstadt", dialogue: "spielplatz" }, "/musterstadt/spielplatz"],
    ["a page of a dialogue", { locale: "de", municipality: "musterstadt", dialogue: "spielplatz", view: "pollsManage" }, "/musterstadt/spielplatz/polls/manage"],
    ["a contribution", { locale: "fa", municipality: "musterstadt", dialogue: "spielplatz", contributionId: contribution }, `/musterstadt/spielplatz/c/${contribution}`],
    ["a page of a contribution", { locale: "fa", municipality: "musterstadt", dialogue: "spielplatz", contributionId: contribution, view: "merge" }, `/musterstadt/spielplatz/c/${contribution}/merge`],
    ["a poll's texts", { locale: "uk", municipality: "musterstadt", dialogue: "spielplatz", view: "pollTexts", id: thing, language: "fa-AF" }, `/texts/poll/${thing}?language=fa-AF`],
    ["a municipality's start page", { locale: "de", municipality: "musterstadt" }, "/musterstadt"],
    ["a municipality's page", { locale: "tr", municipality: "musterstadt", view: "actorsManage" }, "/musterstadt/actors/manage"],
    ["a municipality's page of one thing", { locale: "de", municipality: "musterstadt", view: "actorEdit", id: thing }, `/musterstadt/actors/${thing}/edit`],
    ["a page of the site's own", { locale: "fa", view: "account" }, "/account"],
    ["a host text's versions", { locale: "ar", view: "hostTexts", subject: "actor", id: thing, language: "ti" }, `/texts/actor/${thing}?language=ti`],
    ["the sign-in page", { locale: "ar", view: "signIn" }, "/sign-in"],
    ["the sign-in page with its way back", { locale: "de", view: "signIn", callbackPath: "/uk/account?x=1" }, "/sign-in?callbackPath=%2Fuk%2Faccount%3Fx%3D1"],
    ["a receipt's page by its printed code", { locale: "ar", view: "receipt", code: "K7MQ4-HTPWN" }, "/r/K7MQ4-HTPWN"],
    ["an invitation's page by its code", { locale: "fa", view: "join", code: "K7MQ4HTP" }, "/join/K7MQ4HTP"],
  ])("takes %s as the page at its path", (_what, ref, path) => {
    const parsed = pageRef.safeParse(ref);
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(pagePath(parsed.data)).toBe(path);
  });

  // Forged references, one set per kind of page: another site, a climbing path, a language we do not have.
  it.each([
    ["another site as the municipality", { locale: "de", municipality: "//evil.example", dialogue: "spielplatz" }],
    ["a scheme", { locale: "de", municipality: "https:", dialogue: "evil.example" }],
    ["a path that climbs", { locale: "de", municipality: "..", dialogue: ".." }],
    ["a backslash", { locale: "de", municipality: "\\evil.example", dialogue: "spielplatz" }],
    ["a contribution without its dialogue", { locale: "de", municipality: "musterstadt", contributionId: contribution }],
    ["a query or fragment in a segment", { locale: "de", municipality: "musterstadt", dialogue: "x?next=//evil.example" }],
    ["a contribution that is no id", { locale: "de", municipality: "musterstadt", dialogue: "spielplatz", contributionId: "../../evil" }],
    ["a language we do not have", { locale: "xx", municipality: "musterstadt", dialogue: "spielplatz" }],
    ["a dialogue's page that does not exist", { locale: "de", municipality: "musterstadt", dialogue: "spielplatz", view: "constructor" }],
    ["a dialogue's page as a URL", { locale: "de", municipality: "musterstadt", dialogue: "spielplatz", view: "https://evil.example" }],
    ["a contribution's page that is a dialogue's", { locale: "de", municipality: "musterstadt", dialogue: "spielplatz", contributionId: contribution, view: "pollsManage" }],
    ["a poll's texts without the poll", { locale: "de", municipality: "musterstadt", dialogue: "spielplatz", view: "pollTexts" }],
    ["a poll's texts in a language that is a path", { locale: "de", municipality: "musterstadt", dialogue: "spielplatz", view: "pollTexts", id: thing, language: "de/../../x" }],
    ["a municipality that is another site", { locale: "de", municipality: "//evil.example" }],
    ["a municipality's page in a language we do not have", { locale: "../de", municipality: "musterstadt", view: "staff" }],
    ["a municipality's page that does not exist", { locale: "de", municipality: "musterstadt", view: "__proto__" }],
    ["a municipality's page of one thing without its id", { locale: "de", municipality: "musterstadt", view: "actorEdit" }],
    ["a municipality's page of one thing by a path", { locale: "de", municipality: "musterstadt", view: "district", id: "//evil.example" }],
    ["a site page that does not exist", { locale: "de", view: "constructor" }],
    ["a site page no form stands on", { locale: "de", view: "unsubscribe" }],
    ["a sign-in whose way back is another site", { locale: "de", view: "signIn", callbackPath: "//evil.example" }],
    ["a sign-in whose way back is a URL", { locale: "de", view: "signIn", callbackPath: "https://evil.example/de" }],
    ["a sign-in whose way back turns with a backslash", { locale: "de", view: "signIn", callbackPath: "/\\evil.example" }],
    ["a sign-in whose way back breaks the header", { locale: "de", view: "signIn", callbackPath: "/de\r\nSet-Cookie: x=1" }],
    ["a receipt without its code", { locale: "de", view: "receipt" }],
    ["a receipt by a path", { locale: "de", view: "receipt", code: "../../evil" }],
    ["a receipt by a code as typed, not printed", { locale: "de", view: "receipt", code: "k7mq4htpwn" }],
    ["a receipt by a code with a look-alike", { locale: "de", view: "receipt", code: "K7MQ4-HTPW0" }],
    ["an invitation by a path", { locale: "de", view: "join", code: "//evil.example" }],
    ["an invitation by a code too short", { locale: "de", view: "join", code: "K7MQ" }],
    ["an invitation without its code", { locale: "de", view: "join" }],
    ["an invitation with a field it has not", { locale: "de", view: "join", code: "K7MQ4HTP", callbackPath: "/de" }],
    ["a host text of a kind we do not have", { locale: "de", view: "hostTexts", subject: "../../evil", id: thing }],
    ["a host text by a path", { locale: "de", view: "hostTexts", subject: "actor", id: "//evil.example" }],
    ["a site page in a language we do not have", { locale: "//evil.example", view: "account" }],
    ["a field the page has not", { locale: "de", municipality: "musterstadt", dialogue: "spielplatz", next: "//evil.example" }],
    ["no reference at all", undefined],
    ["a string instead of a reference", "/musterstadt"],
  ])("refuses %s", (_what, ref) => {
    expect(pageRef.safeParse(ref).success).toBe(false);
  });

  // Each wrapper takes only its kind: a dialogue's form cannot be sent back to a municipality's page, nor the other way.
  it.each([
    ["pageAction, a municipality's page", dialoguePageRef, { locale: "de", municipality: "musterstadt", view: "staff" }],
    ["municipalityPageAction, a dialogue's page", municipalityPageRef, { locale: "de", municipality: "musterstadt", dialogue: "spielplatz" }],
    ["sitePageAction, a dialogue's page", sitePageRef, { locale: "de", municipality: "musterstadt", dialogue: "spielplatz" }],
    ["sitePageAction, a contribution's receipt view", sitePageRef, { locale: "de", municipality: "musterstadt", dialogue: "spielplatz", contributionId: contribution, view: "receipt" }],
    ["pageAction, the sign-in page", dialoguePageRef, { locale: "de", view: "signIn" }],
  ])("%s: refused", (_what, schema, ref) => {
    expect(schema.safeParse(ref).success).toBe(false);
  });

  // Another municipality's slug is a page of this site: back() goes there, never off-site (what may be done is the policy's, not the reference's).
  it("keeps another municipality's page on this site", () => {
    const parsed = municipalityPageRef.parse({ locale: "ar", municipality: "anderstadt", view: "messenger" });
    expect(pagePath(parsed)).toBe("/anderstadt/messenger");
  });
});
