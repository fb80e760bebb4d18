// A small reader for the ICU MessageFormat our catalogues use (arguments, `number`/`date`
// formats, `plural`, `selectordinal`, `select`, `#`), for the catalogue tests: they ask which
// arguments a message counts with, whether plural branches write the number as `#`, and what
// words a message says once its syntax is taken away. Quoting follows ICU's optional-apostrophe
// rule: only `'{`, `'}`, `'#` (in a plural branch) and `''` are special, so the apostrophe in
// "бар'єр" or "mitreden'e" stays text. Rich-text tags are not used by the catalogues.

export type IcuNode =
  | { type: "text"; value: string }
  | { type: "argument"; name: string; format?: string }
  | { type: "pound" }
  | { type: "plural" | "selectordinal" | "select"; name: string; options: Record<string, IcuNode[]> };

export function parseIcu(message: string): IcuNode[] {
  let position = 0;

  function fail(reason: string): never {
    throw new Error(`${reason} at ${position} in ${JSON.stringify(message)}`);
  }

  function skipSpace() {
    while (position < message.length && /\s/.test(message[position] ?? "")) position++;
  }

  function word(): string {
    skipSpace();
    const match = /^[^\s{},]+/.exec(message.slice(position));
    if (!match) fail("expected a name");
    position += match[0].length;
    skipSpace();
    return match[0];
  }

  function nodes(inPlural: boolean): IcuNode[] {
    const result: IcuNode[] = [];
    let text = "";
    const flush = () => {
      if (text) result.push({ type: "text", value: text });
      text = "";
    };
    while (position < message.length) {
      const char = message[position];
      if (char === "'") {
        const next = message[position + 1];
        if (next === "'") {
          text += "'";
          position += 2;
        } else if (next === "{" || next === "}" || (inPlural && next === "#")) {
          const end = message.indexOf("'", position + 1);
          if (end < 0) fail("unclosed quote");
          text += message.slice(position + 1, end);
          position = end + 1;
        } else {
          text += "'";
          position++;
        }
      } else if (char === "{") {
        flush();
        position++;
        result.push(argument());
      } else if (char === "}") {
        break;
      } else if (char === "#" && inPlural) {
        flush();
        result.push({ type: "pound" });
        position++;
      } else {
        text += char;
        position++;
      }
    }
    flush();
    return result;
  }

  function argument(): IcuNode {
    const name = word();
    if (message[position] === "}") {
      position++;
      return { type: "argument", name };
    }
    if (message[position] !== ",") fail("expected , or }");
    position++;
    const format = word();
    if (format === "plural" || format === "selectordinal" || format === "select") {
      if (message[position] !== ",") fail("expected , after the argument type");
      position++;
      const options: Record<string, IcuNode[]> = {};
      skipSpace();
      if (message.startsWith("offset:", position)) fail("offset is not supported");
      while (message[position] !== "}") {
        const selector = word();
        if (message[position] !== "{") fail(`expected { after ${selector}`);
        position++;
        options[selector] = nodes(format !== "select");
        if (message[position] !== "}") fail("unclosed branch");
        position++;
        skipSpace();
        if (position >= message.length) fail("unclosed argument");
      }
      position++;
      return { type: format, name, options };
    }
    // `{x, number}`, `{x, date, short}`, …: keep the format, skip its style.
    let depth = 0;
    while (position < message.length && !(message[position] === "}" && depth === 0)) {
      if (message[position] === "{") depth++;
      if (message[position] === "}") depth--;
      position++;
    }
    if (position >= message.length) fail("unclosed argument");
    position++;
    return { type: "argument", name, format };
  }

  const result = nodes(false);
  if (position < message.length) fail("unexpected }");
  return result;
}

/** Every node of a message, branches included, with the plural/select nodes it sits inside. */
export function* walkIcu(
  tree: IcuNode[],
  enclosing: Extract<IcuNode, { options: unknown }>[] = [],
): Generator<{ node: IcuNode; enclosing: Extract<IcuNode, { options: unknown }>[] }> {
  for (const node of tree) {
    yield { node, enclosing };
    if ("options" in node) {
      for (const branch of Object.values(node.options)) yield* walkIcu(branch, [...enclosing, node]);
    }
  }
}

/**
 * The words a message says, branches joined by " ¦ ", without argument names, selectors or
 * formats — what a glossary check should look at ("group" in `{group}` is not a word shown).
 */
export function icuText(message: string): string {
  const parts: string[] = [];
  const collect = (tree: IcuNode[]) => {
    for (const node of tree) {
      if (node.type === "text") parts.push(node.value);
      else if (node.type === "argument" || node.type === "pound") parts.push(" ");
      else
        for (const branch of Object.values(node.options)) {
          parts.push(" ¦ ");
          collect(branch);
          parts.push(" ¦ ");
        }
    }
  };
  collect(parseIcu(message));
  return parts.join("");
}
