// Signing out everywhere is the rule "sessions:end:own" (decision 043): every session of the own
// account ends, a suspended person's too; signed out, nothing happens.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { createSession } from "@/lib/auth/sessions";
import { createUser } from "@/tests/support/factories";
import { appErrorOf, viewerOf } from "@/tests/support/viewers";

describe("signOutEverywhere", () => {
  it("ends every session of the person's own account and no one else's", async () => {
    const [person, other] = await Promise.all([createUser(), createUser()]);
    await createSession(person.id);
    await createSession(other.id);
    await signOutEverywhere(await viewerOf(person.id));
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: other.id } })).toBe(1);
  });

  it("lets a suspended person end their sessions too", async () => {
    const person = await createUser({ suspendedAt: new Date() });
    const viewer = await viewerOf(person.id);
    expect(viewer.suspended).toBe(true);
    await signOutEverywhere(viewer);
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
  });

  it("refuses the signed-out", async () => {
    expect((await appErrorOf(signOutEverywhere(null))).code).toBe("UNAUTHENTICATED");
  });
});
