// Every word a person reads comes from the catalogue, so that it exists in every UI language.
// This walks the JSX of app/ and components/ with the TypeScript compiler and fails on text
// between tags and on string literals in the attributes people read or hear.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const VISIBLE_ATTRIBUTES = new Set(["aria-label", "title", "alt", "placeholder", "label"]);
const LETTER = /\p{L}/u;

/** Text that is the same in every language, each with the reason it needs no translation. */
const ALLOWED: Record<string, string> = {
  // The product's name is a proper name; the catalogue's meta.siteName is used where it is prose.
  mitreden: "the site name",
};

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx") ? [full] : [];
  });
}

export type Finding = { file: string; line: number; text: string };

/** The user-visible literal text in one .tsx source. */
export function findHardCodedStrings(file: string, source: string): Finding[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, raw: string) => {
    const text = raw.replace(/\s+/g, " ").trim();
    if (!LETTER.test(text) || text in ALLOWED) return;
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    findings.push({ file: path.relative(ROOT, file), line: line + 1, text });
  };
  // A literal that ends up as the value: `"x"`, `cond ? "x" : y`, `a && "x"`, `("x")`.
  const literalsOf = (expression: ts.Expression): (ts.StringLiteral | ts.NoSubstitutionTemplateLiteral)[] => {
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression];
    if (ts.isParenthesizedExpression(expression)) return literalsOf(expression.expression);
    if (ts.isConditionalExpression(expression)) return [...literalsOf(expression.whenTrue), ...literalsOf(expression.whenFalse)];
    if (ts.isBinaryExpression(expression) && expression.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken) {
      return literalsOf(expression.right);
    }
    return [];
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(sourceFile)) && node.initializer) {
      const value = node.initializer;
      if (ts.isStringLiteral(value)) report(value, value.text);
      else if (ts.isJsxExpression(value) && value.expression) {
        for (const literal of literalsOf(value.expression)) report(literal, literal.text);
      }
    }
    // `{"text"}` between tags is JSX text too.
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const literal of literalsOf(node.expression)) report(literal, literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return findings;
}

describe("no hard-coded user-visible strings", () => {
  it("finds what it should: JSX text and visible attributes, not class names or symbols", () => {
    const findings = findHardCodedStrings(
      "example.tsx",
      `export const A = () => (
        <p className="text-sm" title="Hallo">
          Guten Tag {"Welt"} – · 3
          <img alt="Bild" src="/x.png" />
          <input placeholder={\`Name\`} aria-label={t("ok")} />
          <b>mitreden</b>
          {open ? "Offen" : null}{ok && "Gut"}
        </p>
      );`,
    );
    expect(findings.map((finding) => finding.text)).toEqual(["Hallo", "Guten Tag", "Welt", "Bild", "Name", "Offen", "Gut"]);
  });

  it("in app/ and components/", () => {
    const files = [...tsxFiles(path.join(ROOT, "app")), ...tsxFiles(path.join(ROOT, "components"))];
    expect(files.length).toBeGreaterThan(10);
    const findings = files.flatMap((file) => findHardCodedStrings(file, readFileSync(file, "utf8")));
    expect(findings.map(({ file, line, text }) => `${file}:${line} ${text}`)).toEqual([]);
  });
});
