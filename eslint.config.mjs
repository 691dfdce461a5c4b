// ESLint: Next.js's rules (core web vitals, React, hooks, jsx-a11y),
// typescript-eslint, and the import boundaries Candor's layout depends on.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const DATABASE_MODULES = {
  group: ["@/lib/db", "**/lib/db", "@/lib/generated/*", "**/lib/generated/*", "@prisma/client", "pg"],
  message: "Routes and components reach the database through lib/<domain> (queries.ts and verbs), never directly.",
};

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "dist/**", "lib/generated/**", "data/**", "test-results/**", "node_modules/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [DATABASE_MODULES] }] },
  },
  {
    // Public pages are cached by the front server and must not depend on the request.
    files: ["app/(public)/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [DATABASE_MODULES],
          paths: [
            { name: "next/headers", message: "Public pages are cached per snapshot: they must not read cookies or headers." },
            { name: "next/link", message: "Public links are plain <a>: router prefetches would bypass the front server's cache." },
          ],
        },
      ],
      // Plain <a> on purpose (see next/link above).
      "@next/next/no-html-link-for-pages": "off",
    },
  },
];

export default config;
