// `npm run admin:create -- <email>` is the only way to make a platform admin: no public route.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createUser, unique } from "@/tests/support/factories";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

function adminCreate(...args: string[]) {
  return run(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/admin-create.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
  });
}

describe("admin:create", () => {
  it("creates a platform admin with the given e-mail and name", async () => {
    const email = `${unique("admin")}@Example.org`;
    await adminCreate(email, "Kai", "Brenner");
    const user = await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(user).toMatchObject({ isPlatformAdmin: true, displayName: "Kai Brenner" });
  });

  it("makes an existing account a platform admin without creating another", async () => {
    const email = `${unique("staff")}@example.org`;
    const existing = await createUser({ email });
    await adminCreate(email);
    const users = await db.user.findMany({ where: { email } });
    expect(users).toEqual([expect.objectContaining({ id: existing.id, isPlatformAdmin: true })]);
  });

  it("refuses an address that a participant typed into their profile but never confirmed", async () => {
    const email = `${unique("claimed")}@example.org`;
    await createUser({ email, signInHandle: "Q7QQ", signInCodeHash: "x", emailVerified: null });
    await expect(adminCreate(email)).rejects.toMatchObject({ code: 3 });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).isPlatformAdmin).toBe(false);
  });

  it("refuses something that is not an e-mail address", async () => {
    await expect(adminCreate("not-an-address")).rejects.toMatchObject({ code: 2 });
    expect(await db.user.count({ where: { isPlatformAdmin: true, displayName: "not-an-address" } })).toBe(0);
  });
});
