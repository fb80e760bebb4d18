// A form's return address is bound to its action (decision 042); the lint rule keeps hidden
// fields that name the page from coming back, in components/ and app/.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function pageFieldErrors(source: string, filePath: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-syntax" && message.message.includes("decision 042")).length;
}

const form = (field: string) => `export function F() {\n  return <form>${field}</form>;\n}\n`;

describe("no hidden field names the page", () => {
  it.each([
    ["locale", "components/x/forged-form.tsx"],
    ["municipality", "components/x/forged-form.tsx"],
    ["dialogue", "app/[locale]/x/forged-form.tsx"],
    ["back", "components/x/forged-form.tsx"],
    ["page", "app/[locale]/x/forged-form.tsx"],
  ])("refuses a hidden %s field in %s", async (name, filePath) => {
    expect(await pageFieldErrors(form(`<input type="hidden" name="${name}" value="x" />`), filePath)).toBe(1);
  });

  it.each([
    ["the id of what is acted on", `<input type="hidden" name="contributionId" value="x" />`],
    ["a visible language choice", `<input type="text" name="locale" />`],
  ])("lets %s pass", async (_what, field) => {
    expect(await pageFieldErrors(form(field), "components/x/form.tsx")).toBe(0);
  });
});
