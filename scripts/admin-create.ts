// `npm run admin:create -- <email> [display name]`: makes a platform admin. Only from the command
// line, never through a public route. Uses DATABASE_URL (or the embedded database).
import "dotenv/config";
import { z } from "zod";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { openDevDatabase } from "../lib/db/dev-database";
import { applyMigrations } from "../lib/db/migrate";
import { displayNameField } from "../lib/accounts/display-name";

const email = z.email().safeParse(process.argv[2]?.toLowerCase());
if (!email.success) {
  console.error("Usage: npm run admin:create -- <email> [display name]");
  process.exit(2);
}
const name = displayNameField.safeParse(process.argv.slice(3).join(" ").trim() || email.data.split("@")[0]!);
if (!name.success) {
  console.error("The display name needs 1 to 60 visible characters, without invisible or control characters, check marks or stacks of accents.");
  process.exit(2);
}
const displayName = name.data;

const database = await openDevDatabase((message) => console.log(message));
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
try {
  await applyMigrations(database.url);
  // An address typed into a participant's profile proves nothing until it is confirmed: do not
  // make such an account an admin (the same rule as inviting staff).
  const holder = await db.user.findUnique({ where: { email: email.data }, select: { emailVerified: true, signInHandle: true } });
  if (holder && holder.emailVerified === null && holder.signInHandle !== null) {
    console.error(`${email.data} belongs to an account that has not confirmed it. Ask the person to sign in with an e-mail link first.`);
    process.exitCode = 3;
    throw new Error("unconfirmed address");
  }
  const user = await db.user.upsert({
    where: { email: email.data },
    create: { email: email.data, displayName, isPlatformAdmin: true },
    update: { isPlatformAdmin: true },
    select: { id: true, displayName: true },
  });
  console.log(`${email.data} (${user.displayName}) is a platform admin. Sign in with an e-mail link at /<locale>/sign-in.`);
} catch (error) {
  if (process.exitCode !== 3) throw error;
} finally {
  await db.$disconnect();
  await database.stop();
}
