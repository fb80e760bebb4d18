// Finding 7: "send me a sign-in link" must not tell whether an address has an account. The
// request only puts a job on the queue, so it does the same SQL for a known and an unknown
// address and never talks to SMTP; the mail goes out when a worker runs the job.
import { afterAll, describe, expect, it, vi } from "vitest";
import { startSmtpCatcher } from "../support/smtp-catcher";

const statements = vi.hoisted(() => ({ log: [] as string[] }));
vi.mock("@/lib/db/client", async () => (await import("@/tests/support/statement-log")).reportingClient((query) => statements.log.push(query)));

// lib/env.ts reads the environment once, on first use: set it before any lib module loads.
const smtp = await startSmtpCatcher();
process.env.SMTP_URL = smtp.url;
process.env.NEXTAUTH_SECRET = "test-secret-for-constant-email-links-0123456789";

const { db } = await import("@/lib/db/client");
const { requestEmailLink } = await import("@/lib/auth/email-link");
const { createMunicipality, createUser, unique } = await import("@/tests/support/factories");
const { context } = await import("@/tests/support/viewers");
const { runDueJobs } = await import("../support/jobs");

afterAll(() => smtp.stop());

async function staffAddress(): Promise<string> {
  const municipality = await createMunicipality();
  const user = await createUser({ email: `${unique("staff")}@stadt.example`, emailVerified: new Date() });
  await db.municipalityMembership.create({ data: { userId: user.id, municipalityId: municipality.id, role: "STAFF" } });
  return user.email!;
}

/** The statements one request sends, with the values (which differ) left out. */
async function statementsOf(request: () => Promise<unknown>): Promise<string[]> {
  statements.log.length = 0;
  await request();
  return [...statements.log];
}

describe("requesting a sign-in link", () => {
  it("does the same SQL for an address with an account and one without, and sends no mail itself", async () => {
    const known = await staffAddress();
    const unknown = `${unique("nobody")}@stadt.example`;
    // The first request opens the queue connection; compare requests that both find it open.
    await requestEmailLink({ email: `${unique("warm-up")}@stadt.example` }, context());
    await runDueJobs();
    const mailsBefore = smtp.mails.length;

    const forKnown = await statementsOf(() => requestEmailLink({ email: known }, context()));
    const forUnknown = await statementsOf(() => requestEmailLink({ email: unknown }, context()));

    expect(forKnown).toEqual(forUnknown);
    expect(forKnown).toHaveLength(1);
    expect(forKnown[0]).toMatch(/INSERT INTO pgboss\.job/);
    expect(forKnown.join("\n")).not.toMatch(/"User"|"VerificationToken"/);
    expect(smtp.mails.length).toBe(mailsBefore);

    // The worker looks the address up: one mail, to the account; the unknown address's job is dropped.
    expect(await runDueJobs()).toEqual({ done: 2, failed: 0 });
    expect(smtp.mails.length).toBe(mailsBefore + 1);
    expect(smtp.latestTo(known)).toBeDefined();
    expect(smtp.latestTo(unknown)).toBeUndefined();
  });
});
