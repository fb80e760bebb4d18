// Requests a browser would not send, over real HTTP against the production server: a rotating
// X-Forwarded-For header (no proxy is configured, so it must not change the address limits
// count), a body without Content-Length over the limit, a callbackPath with a control character
// after a correct code, a sign-in form whose bound page reference was rewritten to lead off-site.
// And one a phone does send: a code typed with Arabic-Indic digits.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";

const admin = DEMO_ACCOUNTS.find((account) => account.displayName === "Kai Brenner")!;
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

test.use({ javaScriptEnabled: false });

/** The sign-in form's fields as the browser would submit them, with `code` filled in. */
async function signInForm(page: Page, code: string, query = ""): Promise<Record<string, string>> {
  await page.goto(`/en/sign-in${query}`);
  await page.getByLabel(en.signIn.code, { exact: true }).fill(code);
  const form = page.locator("form").filter({ has: page.getByLabel(en.signIn.code, { exact: true }) });
  const fields: Record<string, string> = {};
  for (const input of await form.locator("input[name]").all()) {
    const name = await input.getAttribute("name");
    if (name) fields[name] = await input.inputValue();
  }
  return fields;
}

const post = (request: APIRequestContext, baseURL: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  request.post(`${baseURL}/en/sign-in`, { headers: { origin: new URL(baseURL).origin, ...headers }, multipart: fields, maxRedirects: 0 });

test("guesses at one handle are stopped after five, however X-Forwarded-For rotates", async ({ page, request, baseURL }) => {
  // A handle nobody has: the test locks out no one.
  const handle = Array.from(randomBytes(4), (byte) => ALPHABET[byte % ALPHABET.length]).join("");
  const fields = await signInForm(page, `${handle}-2345-6789`);
  const answers: string[] = [];
  for (let attempt = 1; attempt <= 6; attempt++) {
    const response = await post(request, baseURL!, fields, { "x-forwarded-for": `203.0.113.${attempt}` });
    const html = await response.text();
    // The page carries the catalogue for its client parts: look for the messages as rendered.
    const limited = html.includes(en.errors.RATE_LIMITED.replace(/\{retryAfterMinutes, plural.*\}\}/, "15 minutes"));
    answers.push(limited ? "limited" : html.includes('aria-invalid="true"') ? "refused" : `status ${response.status()}`);
  }
  expect(answers).toEqual(["refused", "refused", "refused", "refused", "refused", "limited"]);
});

test("a correct code with a control character in callbackPath signs in and goes to the start page", async ({ page, request, baseURL }) => {
  // The page drops a way back that is no local path before it binds it to the form (decision 042).
  const fields = await signInForm(page, admin.signInCode, `?${new URLSearchParams({ callbackPath: "/en/\u0001account" })}`);
  const response = await post(request, baseURL!, fields);
  expect(response.status()).toBe(303);
  expect(response.headers().location).toBe("/en");
});

test("a sign-in whose bound page reference was rewritten to lead off-site is refused and starts no session", async ({ page, request, baseURL }) => {
  const fields = await signInForm(page, admin.signInCode, `?${new URLSearchParams({ callbackPath: "/en/account" })}`);
  // React carries the bound reference in one of its own fields; the attacker edits it.
  const bound = Object.keys(fields).filter((name) => fields[name]!.includes('"callbackPath":"/en/account"'));
  expect(bound).toHaveLength(1);
  const forged = { ...fields, [bound[0]!]: fields[bound[0]!]!.replace('"/en/account"', '"//evil.example/en"') };
  const response = await post(request, baseURL!, forged);
  expect(response.status()).not.toBe(303);
  expect(response.headers().location).toBeUndefined();
  const cookies = response.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie");
  expect(cookies.some((cookie) => /session-token=[^;]+/.test(cookie.value))).toBe(false);
  expect(await response.text()).toContain(en.errors.INVALID_INPUT);
});

test("a code typed with Arabic-Indic digits signs in", async ({ page, request, baseURL }) => {
  const arabicIndic = admin.signInCode.replace(/[0-9]/g, (digit) => String.fromCodePoint(0x0660 + Number(digit)));
  expect(arabicIndic).not.toBe(admin.signInCode);
  const response = await post(request, baseURL!, await signInForm(page, arabicIndic));
  expect(response.status()).toBe(303);
  const cookies = response.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie");
  expect(cookies.some((cookie) => /session-token=[^;]+/.test(cookie.value))).toBe(true);
});

test("a form post over 1 MB without Content-Length gets the 413 page, not a 500", async ({ baseURL }) => {
  const url = new URL("/en/sign-in", baseURL);
  const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const outgoing = http.request(
      url,
      { method: "POST", headers: { origin: url.origin, "content-type": "multipart/form-data; boundary=x", "transfer-encoding": "chunked" } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    // The server may answer and close before all of it is sent: that is the point.
    outgoing.on("error", (error) => (outgoing.writableEnded ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    const write = () => {
      while (sent < 3 * 1024 * 1024) {
        sent += chunk.length;
        if (!outgoing.write(chunk)) return void outgoing.once("drain", write);
      }
      outgoing.end();
    };
    write();
  });
  expect(status).toBe(413);
  expect(body).toContain(en.security.tooLargeTitle);
});
