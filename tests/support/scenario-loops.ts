// Finds tests that loop over scenarios inside one `it` (decision 067): an `it`/`test` body with a
// loop whose body calls `expect`. A loop over a collection (for…of, for…in, .forEach) is a list of
// cases — payloads, roles, languages, routes — that belongs in `it.each`/`describe.each`, so a
// failure names its case; or, when it walks one result (rows, responses, files), in one assertion
// over all of them (`expect(rows.filter(bad)).toEqual([])`), which names every miss at once. A
// counted loop (`for (let i = …)`) repeats a step of one scenario — attempts up to a limit,
// rounds of a race — and is told apart.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export type ScenarioLoop = {
  /** Relative to the repository, with forward slashes. */
  file: string;
  line: number;
  test: string;
  kind: "collection" | "counted";
};

const TEST_FUNCTIONS = new Set(["it", "test"]);
const MODIFIERS = new Set(["only", "skip", "concurrent", "sequential", "fails"]);

/** `it(…)`, `test(…)` and their modifiers; not `it.each(…)(…)`, whose cases are already named. */
function isTestCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return TEST_FUNCTIONS.has(callee.text);
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    TEST_FUNCTIONS.has(callee.expression.text) &&
    MODIFIERS.has(callee.name.text)
  );
}

function callsExpect(node: ts.Node): boolean {
  if (ts.isIdentifier(node) && node.text === "expect") return true;
  return ts.forEachChild(node, callsExpect) ?? false;
}

/** The loop's body and kind, when `node` is a loop. */
function loopOf(node: ts.Node): { body: ts.Node; kind: ScenarioLoop["kind"] } | undefined {
  if (ts.isForOfStatement(node) || ts.isForInStatement(node)) return { body: node.statement, kind: "collection" };
  if (ts.isForStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node)) return { body: node.statement, kind: "counted" };
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "forEach" && node.arguments[0]) {
    return { body: node.arguments[0], kind: "collection" };
  }
  return undefined;
}

export function scenarioLoopsIn(file: string, source: string): ScenarioLoop[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: ScenarioLoop[] = [];
  const visit = (node: ts.Node): void => {
    if (!isTestCall(node)) return void ts.forEachChild(node, visit);
    const [name, body] = node.arguments;
    if (!body) return;
    const test = name && ts.isStringLiteralLike(name) ? name.text : (name?.getText(tree) ?? "");
    const inside = (child: ts.Node): void => {
      const loop = loopOf(child);
      if (loop && callsExpect(loop.body)) {
        found.push({ file, line: tree.getLineAndCharacterOfPosition(child.getStart(tree)).line + 1, test, kind: loop.kind });
        return;
      }
      ts.forEachChild(child, inside);
    };
    inside(body);
  };
  visit(tree);
  return found;
}

function testFiles(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((entry) => {
    const relative = `${dir}/${entry}`;
    if (entry === "node_modules" || entry === "generated") return [];
    if (statSync(path.join(root, relative)).isDirectory()) return testFiles(root, relative);
    return relative.endsWith(".test.ts") ? [relative] : [];
  });
}

/** Every scenario loop in tests/**\/*.test.ts and lib/**\/*.test.ts (the files Vitest runs). */
export function findScenarioLoops(root: string): ScenarioLoop[] {
  return ["tests", "lib"].flatMap((dir) => testFiles(root, dir)).flatMap((file) => scenarioLoopsIn(file, readFileSync(path.join(root, file), "utf8")));
}
