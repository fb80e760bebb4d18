// A client form shows its problems with the form messages (FORM_CLIENT_NAMESPACES: validation,
// errors, feedback), which travel with its page's own <ClientMessages forms> and never with the
// layout (decision 085): a page sends them when it renders a form, whoever reads it, and the
// layout kept from another request (signed in or out in another tab) has no say. This reads each
// page's JSX with the TypeScript compiler and follows the imports of what it renders (dynamic ones
// too: the deferred form parts are loaded where they render) to the client modules that translate
// the form messages. Every element that may render a client form must stand inside a
// <ClientMessages forms> of the page, and a page that renders none sends none.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { FORM_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";
import { reach } from "@/tests/support/import-walk";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

const parse = (file: string) => ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
const isClient = (file: string) => /^\s*["']use client["']/.test(readFileSync(path.join(ROOT, file), "utf8"));
const FORM_NAMESPACE = new RegExp(`^(${FORM_CLIENT_NAMESPACES.join("|")})(\\.|$)`);

/**
 * Whether a client module translates the form messages: names one of their namespaces or keys
 * ("feedback.summaryTitle", useTranslations("errors")), or translates an action's answer
 * (`t(message.key, …)`, whose keys are theirs).
 */
function translatesFormMessages(file: string): boolean {
  let found = false;
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && FORM_NAMESPACE.test(node.text)) found = true;
    if (ts.isCallExpression(node) && node.arguments[0] && ts.isPropertyAccessExpression(node.arguments[0]) && node.arguments[0].name.text === "key") found = true;
    if (!found) ts.forEachChild(node, visit);
  };
  visit(parse(file));
  return found;
}

const CLIENT = ["app", "components", "lib"].flatMap(sources).filter(isClient);
const FORM_CORE = new Set(CLIENT.filter(translatesFormMessages));

const reachesForms = new Map<string, string[] | null>();
/** The chain from `file` to a client module that translates the form messages, or null. */
function formChain(file: string): string[] | null {
  if (!reachesForms.has(file)) {
    const hit = [...reach(file, new Set(), { dynamic: true })].find(([reached]) => FORM_CORE.has(reached));
    reachesForms.set(file, hit ? hit[1] : null);
  }
  return reachesForms.get(file)!;
}

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(from), specifier) : null;
  if (base === null) return null;
  return [`${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")].find((candidate) => existsSync(path.join(ROOT, candidate))) ?? null;
}

const tagName = (node: ts.JsxOpeningLikeElement) => node.tagName.getText().split(".")[0]!;
/** A <ClientMessages> that may send the form messages: `forms`, or `forms={…}` but `forms={false}`. */
const isFormsMessages = (node: ts.JsxOpeningLikeElement) =>
  node.tagName.getText() === "ClientMessages" &&
  node.attributes.properties.some((attribute) => ts.isJsxAttribute(attribute) && attribute.name.getText() === "forms" && attribute.initializer?.getText() !== "{false}");

function openingElements(root: ts.Node): ts.JsxOpeningLikeElement[] {
  const found: ts.JsxOpeningLikeElement[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/**
 * Whether `node` stands inside a <ClientMessages forms> of its file: in its JSX, or, where it is
 * in a function or value bound to a name (a component of the page's own, `const button = …`),
 * wherever that name is used.
 */
function covered(node: ts.Node, sourceFile: ts.SourceFile, seen = new Set<string>()): boolean {
  for (let at = node.parent; at; at = at.parent) {
    if (ts.isJsxElement(at) && isFormsMessages(at.openingElement)) return true;
    const name = (ts.isVariableDeclaration(at) || ts.isFunctionDeclaration(at)) && at.name && ts.isIdentifier(at.name) ? at.name : null;
    if (!name || (ts.isFunctionDeclaration(at) && at.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword))) continue;
    if (seen.has(name.text)) return true;
    const uses = identifiers(sourceFile).filter((identifier) => identifier.text === name.text && identifier !== name);
    return uses.length > 0 && uses.every((use) => covered(use, sourceFile, new Set([...seen, name.text])));
  }
  return false;
}

function identifiers(root: ts.Node): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

type Finding = { line: number; element: string; chain: string };

/** The elements of `page` that may render a client form, each with the chain that shows it, and those of them outside a <ClientMessages forms>. */
function pageForms(page: string): { forms: Finding[]; unwrapped: Finding[]; sendsForms: boolean } {
  const sourceFile = parse(page);
  const chains = new Map<string, string[]>();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
    const target = resolve(page, (statement.moduleSpecifier as ts.StringLiteral).text);
    const chain = target && formChain(target);
    if (!chain) continue;
    const clause = statement.importClause;
    const names = [clause?.name?.text, ...(clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements.map((element) => element.name.text) : [])];
    for (const name of names) if (name) chains.set(name, [page, ...chain]);
  }
  const elements = openingElements(sourceFile);
  const forms: Finding[] = [];
  const unwrapped: Finding[] = [];
  for (const element of elements) {
    const chain = chains.get(tagName(element));
    if (!chain) continue;
    const finding = { line: sourceFile.getLineAndCharacterOfPosition(element.getStart()).line + 1, element: tagName(element), chain: chain.join(" → ") };
    forms.push(finding);
    if (!covered(element, sourceFile)) unwrapped.push(finding);
  }
  return { forms, unwrapped, sendsForms: elements.some(isFormsMessages) };
}

const PAGES = sources("app").filter((file) => /(^|\/)(page|not-found)\.tsx$/.test(file));

describe("the form messages", () => {
  it("are translated by the form core, whose modules this test finds", () => {
    expect([...FORM_CORE]).toEqual(expect.arrayContaining(["components/form/folded.tsx", "components/form/form-fields.tsx", "components/form/form.tsx"]));
  });

  it.each(PAGES)("go with %s's own <ClientMessages forms> around each client form it renders, and only then", (page) => {
    const { forms, unwrapped, sendsForms } = pageForms(page);
    expect(unwrapped.map(({ line, element, chain }) => `line ${line}: <${element}> (${chain})`)).toEqual([]);
    expect(sendsForms, forms.length > 0 ? "renders a client form" : "renders no client form").toBe(forms.length > 0);
  });

  // Every action asks for a session: a public page's forms are for a signed-in reader, and one
  // read without signing in (the dialogue page, the bytes decision 083 measured) sends none.
  it.each([
    "app/[locale]/[municipality]/page.tsx",
    "app/[locale]/[municipality]/actors/page.tsx",
    "app/[locale]/[municipality]/[dialogue]/page.tsx",
    "app/[locale]/[municipality]/[dialogue]/polls/page.tsx",
    "app/[locale]/[municipality]/[dialogue]/c/[contributionId]/page.tsx",
  ])("go with the public %s to a signed-in reader only", (page) => {
    const sourceFile = parse(page);
    const given = openingElements(sourceFile)
      .filter(isFormsMessages)
      .map((element) => element.attributes.properties.find((attribute) => ts.isJsxAttribute(attribute) && attribute.name.getText() === "forms")!.getText());
    expect(given.length).toBeGreaterThan(0);
    for (const attribute of given) expect(attribute).toBe("forms={viewer !== null}");
  });

  it("find client forms on the pages that have them", () => {
    const withForms = PAGES.filter((page) => pageForms(page).forms.length > 0);
    expect(withForms).toEqual(expect.arrayContaining(["app/[locale]/sign-in/page.tsx", "app/[locale]/[municipality]/branding/page.tsx", "app/[locale]/[municipality]/[dialogue]/page.tsx"]));
    expect(withForms).not.toContain("app/[locale]/[municipality]/[dialogue]/results/page.tsx");
  });

  it("never go with the layout or a component's <ClientMessages>, only a page's", () => {
    const elsewhere = sources("app")
      .concat(sources("components"))
      .filter((file) => file.endsWith(".tsx") && !/(^|\/)page\.tsx$/.test(file))
      .flatMap((file) => openingElements(parse(file)).filter(isFormsMessages).map(() => file));
    expect(elsewhere).toEqual([]);
    expect(formChain("app/[locale]/layout.tsx"), "the layout renders a client form").toBeNull();
  });
});
