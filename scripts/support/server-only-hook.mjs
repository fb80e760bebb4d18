// Lets a command-line script (node, not Next.js) load lib/ modules that `import "server-only"`:
// that guard only means something inside the Next.js bundles, where it keeps server code out of
// the browser. Used as `tsx --import ./scripts/support/server-only-hook.mjs <script>`.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
);
