// Every permission × every kind of actor, against a table written here. Adding a permission
// without a row, or changing who may do something, fails this test.
import { describe, expect, it } from "vitest";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";
import { authorize, can, canManageOwnAccount, EDIT_WINDOW_MS, ownAccount, PERMISSIONS, SIGNED_IN_PERMISSIONS, type Permission, type Resource, type Viewer } from "@/lib/policy/policy";
import { AppError } from "@/lib/errors";

const MUNICIPALITY = "m-musterstadt";
const OTHER_MUNICIPALITY = "m-anderstadt";
const DIALOGUE = "d-wohnen";

const ACTORS = {
  anonymous: null,
  participant: viewer("participant", { dialogueRoles: { [DIALOGUE]: "PARTICIPANT" } }),
  coHost: viewer("coHost", { dialogueRoles: { [DIALOGUE]: "CO_HOST" } }),
  hostStaff: viewer("hostStaff", { municipalityRoles: { [MUNICIPALITY]: ["STAFF"] }, dialogueRoles: { [DIALOGUE]: "HOST" } }),
  moderator: viewer("moderator", { dialogueRoles: { [DIALOGUE]: "MODERATOR" } }),
  otherStaff: viewer("otherStaff", { municipalityRoles: { [OTHER_MUNICIPALITY]: ["STAFF", "MODERATOR"] } }),
  platformAdmin: viewer("platformAdmin", { isPlatformAdmin: true }),
  suspended: viewer("suspended", { suspended: true, dialogueRoles: { [DIALOGUE]: "PARTICIPANT" } }),
  /** A volunteer who records offline voices: a member, and may enter contributions on someone's behalf. */
  recorder: viewer("recorder", { dialogueRoles: { [DIALOGUE]: "RECORDER" } }),
} satisfies Record<string, Viewer | null>;

type Actor = keyof typeof ACTORS;

/**
 * Who may, in a dialogue that is COLLECTING, on a resource the actor owns (for `:own`).
 * Everyone else may not.
 */
const MATRIX: Record<Permission, Actor[]> = {
  "sessions:end:own": ["participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "suspended", "recorder"],
  "municipality:manage": ["platformAdmin"],
  "staff:invite": ["hostStaff", "platformAdmin"],
  "sign-in-code:issue": ["hostStaff", "platformAdmin"],
  "sign-in-code-log:read": ["hostStaff", "platformAdmin"],
  "dashboard:read": ["hostStaff"],
  "municipality:brand": ["hostStaff"],
  "channel:manage": ["hostStaff"],
  "channel:block": ["hostStaff", "moderator"],
  "channel:kind:read": ["coHost", "hostStaff", "moderator"],
  "district:manage": ["hostStaff"],
  "actor:manage": ["hostStaff"],
  "actor:update:own": ["participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "recorder"],
  "municipality-text:write": ["hostStaff"],
  "actor-text:write": ["participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "recorder"],
  "dialogue:create": ["hostStaff"],
  "dialogue:join": ["participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "recorder"],
  "dialogue:read": ["anonymous", "participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "suspended", "recorder"],
  "dialogue:update": ["coHost", "hostStaff"],
  "dialogue:open": ["hostStaff"],
  "invitation:manage": ["coHost", "hostStaff"],
  "invitation:manage:team": ["hostStaff"],
  "team:read": ["coHost", "hostStaff"],
  "team:remove": ["hostStaff"],
  "team:remove:host": ["hostStaff"],
  "meeting:manage": ["coHost", "hostStaff"],
  "dialogue-text:write": ["coHost", "hostStaff"],
  "meeting-text:write": ["coHost", "hostStaff"],
  "responsibility:manage": ["hostStaff"],
  "poll:manage": ["coHost", "hostStaff"],
  "poll-text:write": ["coHost", "hostStaff"],
  "contribution:create": ["participant", "coHost", "hostStaff", "moderator", "recorder"],
  "contribution:create:on-behalf": ["coHost", "hostStaff", "recorder"],
  "receipt:manage": ["coHost", "hostStaff", "recorder"],
  "receipt:attach": ["participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "recorder"],
  "voice:listen": ["participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "recorder"],
  "voice:transcribe": ["coHost", "hostStaff", "recorder"],
  "contribution:update:own": ["participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "recorder"],
  "contribution:withdraw:own": ["participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "recorder"],
  "contribution:merge": ["coHost", "hostStaff"],
  "contribution:respond": ["hostStaff"],
  "comment:create": ["participant", "coHost", "hostStaff", "moderator", "recorder"],
  "comment:update:own": ["participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "recorder"],
  "comment:delete:own": ["participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "recorder"],
  // Never on one's own contribution (decision 024; the matrix's resource is the actor's own); see the test below.
  "support:give": [],
  "support:withdraw:own": ["participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "recorder"],
  "poll:answer": ["participant", "coHost", "hostStaff", "moderator", "recorder"],
  "poll:count": ["coHost", "hostStaff", "recorder"],
  "translation:create": ["participant", "coHost", "hostStaff", "moderator", "recorder"],
  "translation:check": ["coHost", "hostStaff"],
  "translation:request": ["participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "recorder"],
  "translation:request:private": ["participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "recorder"],
  "report:create": ["participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "recorder"],
  // Never on one's own item (the matrix's resource is the actor's own); see the test below.
  "content:hide": [],
  "report:resolve": [],
  "review:request:own": ["participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "recorder"],
  "review:decide": [],
  "mediation:manage": ["moderator"],
  "moderation-log:read": ["hostStaff", "moderator"],
  "image:read:hidden": ["hostStaff", "moderator"],
  "moderation-queue:read:municipality": [],
  "follow:create": ["participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "recorder"],
  "overview:read": ["hostStaff"],
  "export:download": ["hostStaff", "moderator"],
};

/** What a participant may do in each phase (the phase rules of the participation issue). */
const PARTICIPANT_BY_PHASE: Record<DialoguePhase, Permission[]> = {
  DRAFT: [],
  COLLECTING: ["contribution:create", "contribution:update:own", "contribution:withdraw:own", "comment:create", "comment:update:own", "comment:delete:own", "support:withdraw:own", "translation:create", "translation:request", "translation:request:private", "report:create", "review:request:own"],
  DELIBERATING: ["contribution:withdraw:own", "comment:create", "comment:update:own", "comment:delete:own", "support:withdraw:own", "translation:create", "translation:request", "translation:request:private", "report:create", "review:request:own"],
  RESPONDING: ["contribution:withdraw:own", "comment:delete:own", "translation:create", "translation:request", "translation:request:private", "report:create", "review:request:own"],
  CLOSED: ["translation:create", "translation:request", "translation:request:private", "report:create", "review:request:own"],
};

describe("policy matrix", () => {
  it("has a row for every permission, and no row for a permission that does not exist", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...PERMISSIONS].sort());
  });

  for (const permission of PERMISSIONS) {
    it(`${permission}: ${MATRIX[permission].join(", ") || "nobody"}`, () => {
      const allowed = (Object.keys(ACTORS) as Actor[]).filter((actor) =>
        can(ACTORS[actor], permission, resourceOwnedBy(actor, "COLLECTING")),
      );
      expect(allowed).toEqual(MATRIX[permission]);
    });
  }

  it.each(Object.keys(PARTICIPANT_BY_PHASE) as DialoguePhase[])("follows the phases for a participant: %s", (phase) => {
    const allowed = PERMISSIONS.filter((permission) => /^(contribution|comment|support|translation|report|review):/.test(permission)).filter((permission) =>
      can(ACTORS.participant, permission, resourceOwnedBy("participant", phase)),
    );
    expect(allowed).toEqual(PARTICIPANT_BY_PHASE[phase]);
  });

  it("lets a recorder enter offline voices only while the dialogue collects or deliberates", () => {
    const phases = (["DRAFT", "COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"] as const).filter((phase) =>
      can(ACTORS.recorder, "contribution:create:on-behalf", resourceOwnedBy("recorder", phase)),
    );
    expect(phases).toEqual(["COLLECTING", "DELIBERATING"]);
  });

  it.each(["DRAFT", "COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"] as const)("lets members answer polls and recorders count them only while a published dialogue runs (%s)", (phase) => {
    const running = phase !== "DRAFT" && phase !== "CLOSED";
    expect(can(ACTORS.participant, "poll:answer", resourceOwnedBy("participant", phase))).toBe(running);
    expect(can(ACTORS.recorder, "poll:count", resourceOwnedBy("recorder", phase))).toBe(running);
    expect(can(ACTORS.anonymous, "poll:answer", resourceOwnedBy("anonymous", phase))).toBe(false);
    expect(can(ACTORS.coHost, "poll-text:write", resourceOwnedBy("coHost", phase))).toBe(true);
  });

  it("lets a recorder print only the receipts they recorded; the host team prints any (decision 032)", () => {
    const recordedBySomeoneElse = { ...resourceOwnedBy("participant", "COLLECTING"), ownerId: "someone-else" };
    expect(can(ACTORS.recorder, "receipt:manage", recordedBySomeoneElse)).toBe(false);
    expect(can(ACTORS.coHost, "receipt:manage", recordedBySomeoneElse)).toBe(true);
    expect(can(ACTORS.recorder, "receipt:manage", resourceOwnedBy("recorder", "CLOSED"))).toBe(true);
    expect(can(ACTORS.participant, "receipt:attach", resourceOwnedBy("participant", "DRAFT"))).toBe(false);
  });

  it("lets only the host team and moderators read a draft", () => {
    const readers = (Object.keys(ACTORS) as Actor[]).filter((actor) =>
      can(ACTORS[actor], "dialogue:read", resourceOwnedBy(actor, "DRAFT")),
    );
    expect(readers).toEqual(["coHost", "hostStaff", "moderator"]);
  });

  it.each(
    (["dialogue-text:write", "meeting-text:write"] as const).flatMap((permission) =>
      (["DRAFT", "COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"] as const).map((phase) => [permission, phase] as const),
    ),
  )("lets the host team write its texts in other languages in every phase (%s, %s)", (permission, phase) => {
    const writers = (Object.keys(ACTORS) as Actor[]).filter((actor) => can(ACTORS[actor], permission, resourceOwnedBy(actor, phase)));
    expect(writers).toEqual(["coHost", "hostStaff"]);
  });

  it("lets an actor's description be written only by staff and the actor's own members", () => {
    const actorOf = (memberIds: string[]) => ({ municipalityId: MUNICIPALITY, memberIds });
    expect(can(ACTORS.participant, "actor-text:write", actorOf(["somebody-else"]))).toBe(false);
    expect(can(ACTORS.participant, "actor-text:write", actorOf(["participant"]))).toBe(true);
    expect(can(ACTORS.hostStaff, "actor-text:write", actorOf([]))).toBe(true);
    expect(can(ACTORS.otherStaff, "actor-text:write", actorOf([]))).toBe(false);
    expect(can(ACTORS.suspended, "actor-text:write", actorOf(["suspended"]))).toBe(false);
  });

  it.each(Object.keys(ACTORS) as Actor[])("never lets %s act on someone else's own things", (actor) => {
    const others = { municipalityId: MUNICIPALITY, dialogueId: DIALOGUE, phase: "COLLECTING" as const, ownerId: "somebody-else", memberIds: [] };
    const ownPermissions = PERMISSIONS.filter((p) => p.endsWith(":own") && p !== "actor:update:own");
    expect(ownPermissions.filter((permission) => can(ACTORS[actor], permission, others))).toEqual([]);
  });

  const followers = (phase: DialoguePhase) =>
    (Object.keys(ACTORS) as Actor[]).filter((actor) => can(ACTORS[actor], "follow:create", resourceOwnedBy(actor, phase)));
  it.each(["COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"] as const)(
    "lets anyone signed in and not suspended follow a published dialogue or contribution: %s (decision 030)",
    (phase) => {
      expect(followers(phase)).toEqual(["participant", "coHost", "hostStaff", "moderator", "otherStaff", "platformAdmin", "recorder"]);
    },
  );

  it("lets nobody follow a draft, and a suspended person unfollow (decision 030)", () => {
    expect(followers("DRAFT")).toEqual([]);
    // Unfollowing is part of managing one's own account: a suspended person may stop being told.
    expect(canManageOwnAccount(ACTORS.suspended)).toBe(true);
  });

  it.each(["content:hide", "report:resolve", "review:decide"] as const)("lets moderators %s others' items, never their own (decision 030)", (permission) => {
    const municipalModerator = viewer("municipalModerator", { municipalityRoles: { [MUNICIPALITY]: ["MODERATOR"] } });
    const dialogue = { municipalityId: MUNICIPALITY, dialogueId: DIALOGUE, phase: "COLLECTING" as const };
    for (const moderator of [ACTORS.moderator, municipalModerator]) {
      expect(can(moderator, permission, dialogue)).toBe(true);
      expect(can(moderator, permission, { ...dialogue, ownerId: "somebody-else" })).toBe(true);
      expect(can(moderator, permission, { ...dialogue, ownerId: null })).toBe(true);
      expect(can(moderator, permission, { ...dialogue, ownerId: moderator.id })).toBe(false);
    }
    expect(can(ACTORS.participant, permission, { ...dialogue, ownerId: "somebody-else" })).toBe(false);
  });

  const supporters = (ownerId: string | null, phase: DialoguePhase) =>
    (Object.keys(ACTORS) as Actor[]).filter((actor) => can(ACTORS[actor], "support:give", { municipalityId: MUNICIPALITY, dialogueId: DIALOGUE, phase, ownerId }));

  it.each(["COLLECTING", "DELIBERATING"] as const)("lets members support others' contributions while the dialogue is %s (decision 024)", (phase) => {
    expect(supporters("somebody-else", phase)).toEqual(["participant", "coHost", "hostStaff", "moderator", "recorder"]);
    // Words recorded offline with no account attached: nobody's own, the recorder included.
    expect(supporters(null, phase)).toEqual(["participant", "coHost", "hostStaff", "moderator", "recorder"]);
  });

  it.each(["DRAFT", "RESPONDING", "CLOSED"] as const)("lets nobody support while the dialogue is %s", (phase) => {
    expect(supporters("somebody-else", phase)).toEqual([]);
  });

  // The author — for recorded words, whoever attached the receipt — never.
  it.each(["participant", "coHost", "hostStaff", "moderator", "recorder"] as const)("never lets a %s support their own contribution", (actor) => {
    expect(can(ACTORS[actor], "support:give", resourceOwnedBy(actor, "COLLECTING")), actor).toBe(false);
  });

  it("refuses a participant's support of their own contribution with an AppError", () => {
    expect(() => authorize(ACTORS.participant, "support:give", resourceOwnedBy("participant", "COLLECTING"))).toThrow(AppError);
  });

  it("opens the municipality-wide moderation queue to the municipality's moderators only", () => {
    const municipalModerator = viewer("municipalModerator", { municipalityRoles: { [MUNICIPALITY]: ["MODERATOR"] } });
    const municipality = { municipalityId: MUNICIPALITY };
    expect(can(municipalModerator, "moderation-queue:read:municipality", municipality)).toBe(true);
    expect(can(municipalModerator, "moderation-queue:read:municipality", { municipalityId: OTHER_MUNICIPALITY })).toBe(false);
    expect(can(ACTORS.moderator, "moderation-queue:read:municipality", municipality)).toBe(false);
    expect(can(ACTORS.hostStaff, "moderation-queue:read:municipality", municipality)).toBe(false);
    expect(can({ ...municipalModerator, suspended: true }, "moderation-queue:read:municipality", municipality)).toBe(false);
  });

  it("lets the author edit a contribution only inside the edit window, which is part of the rule", () => {
    const writtenAgo = (ms: number): Resource => ({ ...resourceOwnedBy("participant", "COLLECTING"), createdAt: new Date(Date.now() - ms) });
    expect(can(ACTORS.participant, "contribution:update:own", writtenAgo(EDIT_WINDOW_MS - 60_000))).toBe(true);
    expect(can(ACTORS.participant, "contribution:update:own", writtenAgo(EDIT_WINDOW_MS + 60_000))).toBe(false);
    // Without the time it was written, no window can be checked: refused.
    expect(can(ACTORS.participant, "contribution:update:own", { ...resourceOwnedBy("participant", "COLLECTING"), createdAt: undefined })).toBe(false);
  });

  it.each(["DRAFT", "COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"] as const)(
    "lets anyone signed in and not suspended follow an invitation into a dialogue that is %s",
    (phase) => {
      const joiners = (Object.keys(ACTORS) as Actor[]).filter((actor) => can(ACTORS[actor], "dialogue:join", resourceOwnedBy(actor, phase)));
      expect({ phase, joiners }).toEqual({ phase, joiners: MATRIX["dialogue:join"] });
    },
  );

  it("lets everyone signed in, suspended too, sign out everywhere — from their own account only", () => {
    expect(can(ACTORS.suspended, "sessions:end:own", ownAccount(ACTORS.suspended))).toBe(true);
    expect(can(ACTORS.participant, "sessions:end:own", ownAccount(ACTORS.participant))).toBe(true);
    expect(can(null, "sessions:end:own", ownAccount(null))).toBe(false);
    expect(can(ACTORS.platformAdmin, "sessions:end:own", ownAccount(ACTORS.participant))).toBe(false);
    expect(() => authorize(null, "sessions:end:own", ownAccount(null))).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }) as AppError);
  });

  it("lets everyone signed in, suspended too, manage their own account", () => {
    expect(canManageOwnAccount(ACTORS.anonymous)).toBe(false);
    expect(canManageOwnAccount(ACTORS.suspended)).toBe(true);
  });

  it("authorize throws UNAUTHENTICATED when signed out and FORBIDDEN when signed in", () => {
    const resource = resourceOwnedBy("participant", "COLLECTING");
    expect(() => authorize(null, "comment:create", resource)).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }) as AppError);
    expect(() => authorize(ACTORS.suspended, "comment:create", resource)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }) as AppError);
    expect(() => authorize(ACTORS.participant, "comment:create", resource)).not.toThrow();
  });

  // authorize narrows the viewer to Viewer after a signed-in permission (no non-null assertions
  // in lib/): that is only sound if none of them ever lets the signed-out through.
  it.each(SIGNED_IN_PERMISSIONS)("%s refuses the signed-out in every phase, so authorize may narrow the viewer", (permission) => {
    for (const phase of ["DRAFT", "COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"] as const) {
      expect(can(null, permission, { municipalityId: MUNICIPALITY, dialogueId: DIALOGUE, phase, ownerId: null, memberIds: [] })).toBe(false);
    }
  });

  it("leaves only reading a dialogue open to the signed-out", () => {
    expect(PERMISSIONS.filter((permission) => !(SIGNED_IN_PERMISSIONS as Permission[]).includes(permission))).toEqual(["dialogue:read"]);
  });
});

function viewer(id: string, overrides: Partial<Viewer>): Viewer {
  return { id, isPlatformAdmin: false, suspended: false, municipalityRoles: {}, dialogueRoles: {}, ...overrides };
}

function resourceOwnedBy(actor: Actor, phase: DialoguePhase): Resource {
  const id = ACTORS[actor]?.id ?? null;
  // Written a minute ago: inside the edit window.
  return { municipalityId: MUNICIPALITY, dialogueId: DIALOGUE, phase, ownerId: id, memberIds: id ? [id] : [], createdAt: new Date(Date.now() - 60_000) };
}
