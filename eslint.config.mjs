import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const noPrisma = { group: ["@/lib/db/*", "@/lib/generated/prisma/client", "@prisma/*"], message: "Call a domain function in lib/<domain> instead of touching Prisma." };
const noApp = { group: ["@/app/*", "**/app/*"], message: "Import server actions from lib/actions/<domain>/ (decision 042); nothing imports from app/." };

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
    rules: { "no-restricted-imports": ["error", { patterns: [noPrisma] }] },
  },
  {
    // Imports point downward (decision 042): components and server actions (lib/actions/) never
    // import from app/; a component that needs an action imports it from lib/actions/<domain>/.
    files: ["components/**/*.{ts,tsx}", "lib/actions/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [noPrisma, noApp] }] },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/actions/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noApp] }] },
  },
  {
    // authorize() narrows the viewer after a signed-in permission (decision 043): no `viewer!`.
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": ["error", { selector: "TSNonNullExpression > Identifier[name='viewer']", message: "authorize() narrows the viewer; drop the non-null assertion." }],
    },
  },
  {
    files: ["scripts/**", "prisma/**", "tests/**", "e2e/**", "bench/**", "*.config.*"],
    rules: { "no-console": "off" },
  },
];

export default config;
