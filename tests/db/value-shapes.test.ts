// The shapes of single values: slugs, names, languages, lengths. One row breaks one rule.
import { describe, expect, it } from "vitest";
import {
  createComment,
  createContribution,
  createDialogue,
  createMeeting,
  createMunicipality,
  createTheme,
  createUser,
} from "@/tests/support/factories";
import { expectConstraint } from "./expect-constraint";

describe("Municipality", () => {
  it.each(["Bad Slug", "umlaut-ü", "-leading", "trailing-", "double--hyphen"])(
    "municipality_slug_format: refuses the slug %j",
    async (slug) => {
      await expectConstraint(createMunicipality({ slug }), "municipality_slug_format");
    },
  );

  it("municipality_name_present: refuses a blank name", async () => {
    await expectConstraint(createMunicipality({ name: "  " }), "municipality_name_present");
  });
});

describe("User", () => {
  it.each([
    ["blank", "   "],
    ["longer than 60 characters", "x".repeat(61)],
  ])("user_display_name_length: refuses a display name that is %s", async (_label, displayName) => {
    await expectConstraint(createUser({ displayName }), "user_display_name_length");
  });

  it("accepts a display name in any script, and no e-mail at all", async () => {
    const user = await createUser({ displayName: "مريم", email: null });
    expect(user).toMatchObject({ displayName: "مريم", email: null });
  });

  it("user_email_lowercase: refuses an e-mail with capitals", async () => {
    await expectConstraint(createUser({ email: "Mariam@Example.org" }), "user_email_lowercase");
  });

  it.each(["Arabic", "AR", "de_DE"])("user_locale_format: refuses the locale %j", async (locale) => {
    await expectConstraint(createUser({ locale }), "user_locale_format");
  });
});

describe("Theme", () => {
  it("theme_name_present: refuses a blank name", async () => {
    const municipality = await createMunicipality();
    await expectConstraint(createTheme(municipality.id, { name: " " }), "theme_name_present");
  });
});

describe("Dialogue", () => {
  it("dialogue_slug_format: refuses a slug with capitals", async () => {
    await expectConstraint(createDialogue({ slug: "Sommer-Dialog" }), "dialogue_slug_format");
  });

  it("dialogue_title_length: refuses a blank title", async () => {
    await expectConstraint(createDialogue({ title: " " }), "dialogue_title_length");
  });

  it("dialogue_has_languages: refuses a dialogue without languages", async () => {
    await expectConstraint(createDialogue({ languages: [] }), "dialogue_has_languages");
  });

  it("dialogue_code_of_conduct_present: refuses a blank code of conduct", async () => {
    await expectConstraint(createDialogue({ codeOfConduct: "" }), "dialogue_code_of_conduct_present");
  });
});

describe("Contribution", () => {
  it.each([
    ["contribution_title_length", { title: " " }],
    ["contribution_title_length", { title: "x".repeat(201) }],
    ["contribution_body_length", { body: "" }],
    ["contribution_body_length", { body: "x".repeat(10_001) }],
    ["contribution_district_text_length", { districtText: "x".repeat(121) }],
    ["contribution_language_format", { language: "Farsi" }],
  ])("%s: refuses %o", async (constraint, overrides) => {
    const dialogue = await createDialogue();
    await expectConstraint(createContribution({ dialogueId: dialogue.id, ...overrides }), constraint);
  });
});

describe("Comment", () => {
  it.each([
    ["comment_body_length", { body: "  " }],
    ["comment_body_length", { body: "x".repeat(5001) }],
    ["comment_language_format", { language: "TR" }],
  ])("%s: refuses %o", async (constraint, overrides) => {
    const dialogue = await createDialogue();
    const contribution = await createContribution({ dialogueId: dialogue.id });
    await expectConstraint(createComment({ contributionId: contribution.id, ...overrides }), constraint);
  });
});

describe("Meeting", () => {
  it("meeting_ends_after_start: refuses a meeting that ends before it starts", async () => {
    const dialogue = await createDialogue();
    const startsAt = new Date("2026-12-03T17:00:00Z");
    await expectConstraint(
      createMeeting({ dialogueId: dialogue.id, startsAt, endsAt: new Date("2026-12-03T16:00:00Z") }),
      "meeting_ends_after_start",
    );
    await expectConstraint(
      createMeeting({ dialogueId: dialogue.id, startsAt, endsAt: startsAt }),
      "meeting_ends_after_start",
    );
  });

  it("meeting_place_present: refuses a meeting without a place", async () => {
    const dialogue = await createDialogue();
    await expectConstraint(createMeeting({ dialogueId: dialogue.id, place: " " }), "meeting_place_present");
  });
});
