// An operator reads the app's log and metrics. The log is JSON lines with a request id per
// request and route patterns — after a person joined with an invitation code, signed in with their
// code and asked for a sign-in link, none of the personal values they used is in it. /api/metrics
// answers only with METRICS_TOKEN (scripts/e2e-server.ts sets one) and counts requests per route
// pattern. Real HTTP against the production build.
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { INVITATIONS } from "../prisma/seed/dialogues";

const MAIL_SERVER = `http://127.0.0.1:${process.env.E2E_MAIL_PORT ?? 3101}`;
const METRICS_TOKEN = "e2e-metrics-token-0123456789abcdefghijkl";

const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;
const staff = DEMO_ACCOUNTS.find((account) => account.email && account.description.startsWith("Volunteer coordinator (staff)"))!;

async function logLines(request: APIRequestContext): Promise<Record<string, unknown>[]> {
  const lines = (await (await request.get(`${MAIL_SERVER}/logs`)).json()) as string[];
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

test.describe("an operator", () => {
  test("finds request ids and route patterns in the log, and no personal data from a join and sign-in", async ({ page, browser, request }) => {
    // Three flows in two browsers on a busy machine.
    test.slow();
    const name = `Samira Testperson ${randomBytes(3).toString("hex")}`;
    await page.goto(`/en/join/${invitation.code}`);
    await page.getByLabel(en.join.displayName, { exact: true }).fill(name);
    await page.getByLabel(en.join.acceptCodeOfConduct).check();
    await page.getByRole("button", { name: en.join.signUpSubmit }).click();
    const code = (await page.getByTestId("sign-in-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

    const other = await browser.newContext();
    const signIn = await other.newPage();
    const answer = await signIn.goto("/en/sign-in");
    expect(answer?.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    await signIn.getByLabel(en.signIn.code, { exact: true }).fill(code);
    await signIn.getByRole("button", { name: en.signIn.submit, exact: true }).click();
    await expect(signIn.getByRole("banner")).toContainText(name);
    await other.close();

    await page.goto("/en/sign-in");
    await page.getByLabel(en.signIn.email, { exact: true }).fill(staff.email!);
    await page.getByRole("button", { name: en.signIn.emailSubmit }).click();
    await expect(page.getByRole("status")).toHaveText(en.signIn.emailSent);
    await expect.poll(async () => ((await (await request.get(`${MAIL_SERVER}/jobs`)).json()) as { pending: number }).pending).toBe(0);

    const lines = await logLines(request);
    const requests = lines.filter((line) => line.event === "http.request");
    expect(requests.length).toBeGreaterThan(3);
    for (const line of requests) {
      expect(line).toEqual(expect.objectContaining({ reqId: expect.any(String), route: expect.any(String), status: expect.any(Number), durationMs: expect.any(Number) }));
    }
    expect(requests.map((line) => line.route)).toEqual(expect.arrayContaining(["/[locale]/join/[code]", "/[locale]/sign-in"]));
    expect(lines.some((line) => line.event === "job.done" && line.queue === "mail.sign-in-link")).toBe(true);

    const everything = JSON.stringify(lines);
    for (const personal of [name, invitation.code, code, code.replaceAll("-", ""), staff.email!, staff.displayName, "127.0.0.1"]) {
      expect(everything, `the log holds ${personal}`).not.toContain(personal);
    }
  });

  test("reads metrics with the token only, with requests counted per route pattern", async ({ page, request }) => {
    await page.goto("/en/sign-in");
    expect((await request.get("/api/metrics")).status()).toBe(401);
    expect((await request.get("/api/metrics", { headers: { authorization: "Bearer not-the-token-0123456789abcdefghijkl" } })).status()).toBe(401);

    const answer = await request.get("/api/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(answer.status()).toBe(200);
    const text = await answer.text();
    // Prometheus's text format: comments, then `name{labels} value` lines.
    for (const line of text.split("\n").filter((line) => line && !line.startsWith("#"))) {
      expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? -?[0-9.e+-]+|NaN|[+-]Inf$/);
    }
    for (const name of ["http_request_duration_seconds", "db_pool_connections", "job_queue_jobs"]) expect(text).toContain(`# TYPE ${name} `);
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/\[locale\]\/sign-in",status="200"\} [1-9]/);
    expect(text).toMatch(/job_queue_jobs\{queue="mail\.sign-in-link",state="created"\} \d+/);
    expect(text).not.toMatch(/route="\/en\//);
  });
});
