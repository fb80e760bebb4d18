import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const noPrisma = { group: ["@/lib/db/*", "@/lib/generated/prisma/client", "@prisma/*"], message: "Call a domain function in lib/<domain> instead of touching Prisma." };
const noApp = { group: ["@/app/*", "**/app/*"], message: "Import server actions from lib/actions/<domain>/ (decision 042); nothing imports from app/." };
const noPages = { group: ["@/lib/pages/*", "**/lib/pages/*"], message: "Page loaders (lib/pages/) sit above the domains: only pages import them (decision 043)." };
const noContributions = {
  group: ["@/lib/contributions/*", "**/lib/contributions/*"],
  message: "This domain sits below contributions: import downward (lib/policy, lib/perspectives) or load in lib/pages/ (decision 043).",
};
// One way to send the browser elsewhere (decision 041): lib/routes/redirect.ts.
const noNextRedirect = {
  name: "next/navigation",
  importNames: ["redirect", "permanentRedirect"],
  message: "Redirect through lib/routes/redirect.ts (redirectTo, redirectToSignIn, redirectToLocalized): one API, one kind of path (decision 041).",
};
const noCan = {
  name: "@/lib/policy/policy",
  importNames: ["can", "authorize"],
  message: "A component gets permission flags from its page's loader (loadDialogue's `may`, lib/pages/); server actions authorize in lib/ (decision 038).",
};
// The domains below contributions (perspectives, supports, meetings, dialogues, the policy).
const LOW_DOMAINS = ["lib/dialogues/**", "lib/meetings/**", "lib/supports/**", "lib/perspectives/**", "lib/policy/**"];
// Not addresses of the site: database URLs and files (lib/db), metrics' route labels, an
// external services' URLs (a translator, messenger providers).
const NOT_SITE_ADDRESSES = ["lib/routes/**", "lib/db/**", "lib/metrics/**", "lib/translations/machine-translator.ts", "lib/channels/signal.ts", "lib/channels/twilio.ts"];
const noViewerBang = { selector: "TSNonNullExpression > Identifier[name='viewer']", message: "authorize() narrows the viewer; drop the non-null assertion." };
const noHandBuiltPaths = [
  {
    selector: "TemplateLiteral[expressions.length>0][quasis.0.value.raw=/^\\//]",
    message: "Build paths with lib/routes/paths.ts (sitePaths, municipalityPaths, dialoguePaths, localized, withQuery).",
  },
  {
    selector: "TemplateLiteral[quasis.0.value.raw=''][quasis.1.value.raw=/^\\/[\\w-]/]",
    message: "Build paths with lib/routes/paths.ts: a sub-page of a path is a builder there, not `${base}/…`.",
  },
  {
    selector: "BinaryExpression[operator='+'][left.type='Literal'][left.value=/^\\//]",
    message: "Build paths with lib/routes/paths.ts, not by concatenation.",
  },
];

// A form's return address is bound to its action where the page renders it (decision 042): no
// hidden field names the page (its language, municipality, dialogue or a path back).
const noPageFields = {
  selector:
    "JSXOpeningElement[name.name='input']:has(JSXAttribute[name.name='type'][value.value='hidden']):has(JSXAttribute[name.name='name'][value.value=/^(locale|municipality|dialogue|page|back|returnPath)$/])",
  message: "Bind the page's reference to the action where the page renders the form (`action.bind(null, page)`, decision 042) instead of a hidden field.",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "lib/generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "bench/tmp/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-ignore": true, "ts-nocheck": true, "ts-expect-error": "allow-with-description" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
      // App Router only: there is no pages/ directory to check links against.
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  {
    // Pages, components and server actions stay thin: the database is reached only through
    // the domain functions in lib/ (docs/design.md, "Shape of the code").
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { paths: [noNextRedirect], patterns: [noPrisma] }] },
  },
  {
    // Imports point downward (decision 042): components and server actions (lib/actions/) never
    // import from app/; a component that needs an action imports it from lib/actions/<domain>/.
    // Components render what their page passes down (decision 038): no permission is decided in them.
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { paths: [noCan, noNextRedirect], patterns: [noPrisma, noApp] }] },
  },
  {
    files: ["lib/actions/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { paths: [noNextRedirect], patterns: [noPrisma, noApp, noPages] }] },
  },
  {
    // Page loaders (lib/pages/) sit on top of the domains; nothing below them imports them.
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/actions/**", "lib/pages/**", "lib/routes/redirect.ts", ...LOW_DOMAINS],
    rules: { "no-restricted-imports": ["error", { paths: [noNextRedirect], patterns: [noApp, noPages] }] },
  },
  {
    // Domains that contributions build on never reach up into contributions (decision 043).
    files: LOW_DOMAINS,
    rules: { "no-restricted-imports": ["error", { paths: [noNextRedirect], patterns: [noApp, noPages, noContributions] }] },
  },
  {
    files: ["lib/pages/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { paths: [noNextRedirect] }] },
  },
  {
    // sharp (libvips) is loaded when an image is processed (lib/images/load-sharp.ts, decision 082):
    // a value import in code the server loads for its pages maps libvips into every server process.
    // The typescript-eslint rule, because it lets `import type` through; the core rule above is a
    // different rule and keeps its own blocks.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "proxy.ts", "instrumentation.ts"],
    ignores: ["lib/generated/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { paths: [{ name: "sharp", allowTypeImports: true, message: "Load sharp where an image is processed: `await loadSharp()` from lib/images/load-sharp.ts (decision 082)." }] },
      ],
    },
  },
  // no-restricted-syntax is one rule: a later block replaces an earlier block's selectors, so each
  // block below lists every selector that holds for its files.
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: { "no-restricted-syntax": ["error", noPageFields, ...noHandBuiltPaths] },
  },
  {
    // authorize() narrows the viewer after a signed-in permission (decision 043): no `viewer!`.
    // Every address of the site is built by lib/routes (decision 041): no path spelled by hand.
    files: ["lib/**/*.{ts,tsx}"],
    ignores: [...NOT_SITE_ADDRESSES, "lib/generated/**", "lib/**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", noViewerBang, ...noHandBuiltPaths] },
  },
  {
    files: [...NOT_SITE_ADDRESSES, "lib/**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", noViewerBang] },
  },
  {
    files: ["scripts/**", "prisma/**", "tests/**", "e2e/**", "bench/**", "*.config.*"],
    rules: { "no-console": "off" },
  },
];

export default config;
