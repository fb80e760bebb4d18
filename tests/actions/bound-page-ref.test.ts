// A form's return address is bound to its action where the page renders it (decision 042) and
// travels with the form, so it is as untrusted as a field: per kind of page, a forged reference
// (a foreign URL, a bad locale) is refused before anything is done, and another municipality's
// slug only ever leads to a page of this site. The real actions, against the real database.
import { beforeAll, describe, expect, it, vi } from "vitest";

const PUBLIC_URL = "https://mitreden.example";
process.env.PUBLIC_URL = PUBLIC_URL;
vi.mock("next/headers", () => import("@/tests/support/next-request"));
vi.mock("next/cache", (original) => import("@/tests/support/next-request").then((stub) => stub.withoutRefresh(original)));

import { createActorAction } from "@/lib/actions/actors/actors";
import { IDLE } from "@/lib/actions/form-action";
import { supportFromListAction } from "@/lib/actions/supports/support-from-list";
import { createSession, sessionCookieName } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { staffOf } from "@/tests/support/accountability";
import { redirectOf, request } from "@/tests/support/next-request";
import { createContribution, createMunicipality, type DialogueWithThemes } from "@/tests/support/factories";
import { dialogueIn, participant } from "@/tests/support/participation";

async function signIn(userId: string) {
  request.cookies.set(sessionCookieName(), (await createSession(userId)).sessionToken);
}

beforeAll(() => {
  request.headers = new Headers({ host: "mitreden.example", origin: PUBLIC_URL });
});

describe("a dialogue's page: the list's support button", () => {
  let dialogue: DialogueWithThemes;
  let slugs: { municipality: string; dialogue: string };
  beforeAll(async () => {
    dialogue = await dialogueIn("COLLECTING");
    const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
    slugs = { municipality: municipality.slug, dialogue: dialogue.slug };
  });

  const post = (contributionId: string) => {
    const form = new FormData();
    form.set("contributionId", contributionId);
    form.set("intent", "give");
    return form;
  };

  it("supports and comes back to the very list position, at the item", async () => {
    const member = await participant(dialogue.id);
    const contribution = await createContribution({ dialogueId: dialogue.id, authorId: (await participant(dialogue.id)).id });
    await signIn(member.id);
    const to = await redirectOf(() => supportFromListAction({ locale: "ar", ...slugs }, "kind=NEED&next=//evil.example&page=x", post(contribution.id)));
    expect(to).toBe(`/ar/${slugs.municipality}/${slugs.dialogue}?kind=NEED#c-${contribution.id}`);
    expect(await db.support.count({ where: { contributionId: contribution.id, userId: member.id } })).toBe(1);
  });

  it.each([
    ["a foreign URL", { locale: "de", municipality: "//evil.example", dialogue: "x" }],
    ["a bad locale", { locale: "../../evil", municipality: "musterstadt", dialogue: "x" }],
    ["a municipality's page in a dialogue's form", { locale: "de", municipality: "musterstadt", view: "staff" }],
  ])("refuses %s before supporting", async (_what, ref) => {
    const member = await participant(dialogue.id);
    const contribution = await createContribution({ dialogueId: dialogue.id, authorId: (await participant(dialogue.id)).id });
    await signIn(member.id);
    expect(await redirectOf(() => supportFromListAction(ref as never, "", post(contribution.id)))).toBeNull();
    expect(await db.support.count({ where: { contributionId: contribution.id } })).toBe(0);
  });

  it("sends another municipality's slug to that page of this site, and nowhere else", async () => {
    const member = await participant(dialogue.id);
    const contribution = await createContribution({ dialogueId: dialogue.id, authorId: (await participant(dialogue.id)).id });
    await signIn(member.id);
    const to = await redirectOf(() => supportFromListAction({ locale: "de", municipality: "anderstadt", dialogue: "anders" }, "", post(contribution.id)));
    expect(to).toBe(`/de/anderstadt/anders#c-${contribution.id}`);
  });
});

describe("a municipality's page: a new actor", () => {
  const post = (municipalityId: string, name: string) => {
    const form = new FormData();
    form.set("municipalityId", municipalityId);
    form.set("name", name);
    form.set("kind", "INITIATIVE");
    form.set("description", "");
    return form;
  };

  it("creates the actor and goes on to its page in the page's municipality and language", async () => {
    const municipality = await createMunicipality();
    await signIn((await staffOf(municipality.id)).id);
    const to = await redirectOf(() => createActorAction({ locale: "uk", municipality: municipality.slug, view: "actorsManage" }, IDLE, post(municipality.id, "Willkommen e. V.")));
    const actor = await db.actor.findFirstOrThrow({ where: { municipalityId: municipality.id, name: "Willkommen e. V." } });
    expect(to).toBe(`/uk/${municipality.slug}/actors/${actor.id}/edit?done=created`);
  });

  it.each([
    ["a foreign URL", { locale: "de", municipality: "https://evil.example", view: "actorsManage" }],
    ["a bad locale", { locale: "xx", municipality: "musterstadt", view: "actorsManage" }],
    ["a page that is no page", { locale: "de", municipality: "musterstadt", view: "//evil.example" }],
    ["a dialogue's page in a municipality's form", { locale: "de", municipality: "musterstadt", dialogue: "x" }],
  ])("refuses %s before creating anything", async (_what, ref) => {
    const municipality = await createMunicipality();
    await signIn((await staffOf(municipality.id)).id);
    const state = await createActorAction(ref as never, IDLE, post(municipality.id, "Nie angelegt"));
    expect(state).toMatchObject({ status: "error", formError: { key: "errors.INVALID_INPUT" } });
    expect(await db.actor.count({ where: { municipalityId: municipality.id } })).toBe(0);
  });

  it("sends another municipality's slug to that page of this site; the actor is where the staff may put it", async () => {
    const municipality = await createMunicipality();
    await signIn((await staffOf(municipality.id)).id);
    const to = await redirectOf(() => createActorAction({ locale: "de", municipality: "anderstadt", view: "actorsManage" }, IDLE, post(municipality.id, "Nachbarschaft")));
    expect(to).toMatch(/^\/de\/anderstadt\/actors\/[0-9a-f-]{36}\/edit\?done=created$/);
  });
});
