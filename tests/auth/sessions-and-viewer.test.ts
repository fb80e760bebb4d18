// Sessions are rows in Postgres (every app instance sees the same ones), and the viewer of a
// request is read from the session token: ended sessions and deleted accounts are nobody.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createSession, deleteAllSessions, deleteSession, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { viewerForSessionToken } from "@/lib/auth/get-viewer";
import { addMember, createDialogue, createMunicipality, createUser } from "@/tests/support/factories";

describe("createSession", () => {
  it("stores a session with a long random token and an expiry about SESSION_MAX_AGE_SECONDS away", async () => {
    const user = await createUser();
    const session = await createSession(user.id);
    expect(session.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.session.findUniqueOrThrow({ where: { sessionToken: session.sessionToken } });
    expect(row.userId).toBe(user.id);
    const days = (row.expires.getTime() - Date.now()) / 1000 / 86_400;
    expect(days).toBeGreaterThan(SESSION_MAX_AGE_SECONDS / 86_400 - 1);
    expect(days).toBeLessThanOrEqual(SESSION_MAX_AGE_SECONDS / 86_400);
  });
});

describe("deleteSession / deleteAllSessions", () => {
  it("signs out one device, or every device of the account and no one else's", async () => {
    const user = await createUser();
    const other = await createUser();
    const phone = await createSession(user.id);
    const laptop = await createSession(user.id);
    const shared = await createSession(user.id);
    const othersSession = await createSession(other.id);

    await deleteSession(phone.sessionToken);
    expect(await viewerForSessionToken(phone.sessionToken)).toBeNull();
    expect(await viewerForSessionToken(laptop.sessionToken)).not.toBeNull();

    await deleteAllSessions(user.id);
    expect(await viewerForSessionToken(laptop.sessionToken)).toBeNull();
    expect(await viewerForSessionToken(shared.sessionToken)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await viewerForSessionToken(othersSession.sessionToken)).toMatchObject({ id: other.id });
  });
});

describe("viewerForSessionToken", () => {
  it("maps the account's municipal and dialogue roles", async () => {
    const municipality = await createMunicipality();
    const otherMunicipality = await createMunicipality();
    const user = await createUser({ displayName: "Amal", locale: "ar", isPlatformAdmin: true });
    await db.municipalityMembership.createMany({
      data: [
        { userId: user.id, municipalityId: municipality.id, role: "STAFF" },
        { userId: user.id, municipalityId: municipality.id, role: "MODERATOR" },
        { userId: user.id, municipalityId: otherMunicipality.id, role: "MODERATOR" },
      ],
    });
    const hosted = await createDialogue({ municipalityId: municipality.id });
    const joined = await createDialogue({ municipalityId: municipality.id });
    await addMember(hosted.id, user.id, "CO_HOST");
    await addMember(joined.id, user.id, "PARTICIPANT");
    const { sessionToken } = await createSession(user.id);

    const viewer = await viewerForSessionToken(sessionToken);
    expect(viewer).toEqual({
      id: user.id,
      displayName: "Amal",
      locale: "ar",
      isPlatformAdmin: true,
      suspended: false,
      municipalityRoles: {
        [municipality.id]: expect.arrayContaining(["STAFF", "MODERATOR"]),
        [otherMunicipality.id]: ["MODERATOR"],
      },
      dialogueRoles: { [hosted.id]: "CO_HOST", [joined.id]: "PARTICIPANT" },
      unreadNotifications: 0,
    });
    expect(viewer?.municipalityRoles[municipality.id]).toHaveLength(2);
  });

  it("counts the person's unread notifications with the session, for the header (no one else's, none read)", async () => {
    const user = await createUser();
    const other = await createUser();
    const dialogue = await createDialogue();
    await db.notification.create({ data: { userId: user.id, type: "PHASE_CHANGED", dialogueId: dialogue.id } });
    await db.notification.create({ data: { userId: user.id, type: "PHASE_CHANGED", dialogueId: dialogue.id, readAt: new Date() } });
    await db.notification.create({ data: { userId: other.id, type: "PHASE_CHANGED", dialogueId: dialogue.id } });
    const viewer = await viewerForSessionToken((await createSession(user.id)).sessionToken);
    expect(viewer?.unreadNotifications).toBe(1);
  });

  it("gives a participant without roles empty role maps", async () => {
    const user = await createUser();
    const viewer = await viewerForSessionToken((await createSession(user.id)).sessionToken);
    expect(viewer).toMatchObject({ id: user.id, isPlatformAdmin: false, suspended: false, municipalityRoles: {}, dialogueRoles: {} });
  });

  it("marks a suspended account as suspended (it keeps its data rights)", async () => {
    const user = await createUser({ suspendedAt: new Date() });
    const viewer = await viewerForSessionToken((await createSession(user.id)).sessionToken);
    expect(viewer?.suspended).toBe(true);
  });

  it("is null for an unknown token", async () => {
    expect(await viewerForSessionToken("no-such-session")).toBeNull();
  });

  it("is null for an expired session", async () => {
    const user = await createUser();
    const { sessionToken } = await createSession(user.id);
    await db.session.update({ where: { sessionToken }, data: { expires: new Date(Date.now() - 1000) } });
    expect(await viewerForSessionToken(sessionToken)).toBeNull();
  });

  it("is null for a deleted account, even if a session row were left behind", async () => {
    const user = await createUser();
    const { sessionToken } = await createSession(user.id);
    await db.user.update({ where: { id: user.id }, data: { deletedAt: new Date() } });
    expect(await viewerForSessionToken(sessionToken)).toBeNull();
  });
});
