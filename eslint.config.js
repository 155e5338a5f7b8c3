// Lint: the layer rules of docs/ARCHITECTURE.md (which folder may import which, which folder owns which host or
// vendor package), no import cycle, and the recommended rules that catch real bugs. No type-aware rules: they would
// need the whole program per file, and `npm run typecheck` already runs the compiler.
import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Packages a single folder owns: everyone else must go through it. */
const OWNED = [
  {
    folder: "addin/hosts",
    regex: "^@microsoft/(office|teams)-js(/|$)",
    message: "only addin/hosts touches Office.js or teams-js",
  },
  { folder: "addin/auth", regex: "^@azure/msal-browser(/|$)", message: "only addin/auth imports msal-browser" },
  { folder: "server/llm", regex: "^openai(/|$)", message: "only server/llm imports openai" },
  {
    folder: "server/store",
    regex: "^(pg|@electric-sql/pglite)(/|$)",
    message: "only server/store imports pg or PGlite",
  },
];

/** The import restrictions of the files under `layer`, one block per owning folder inside it (which is exempt). */
function ownedPackages(layer) {
  const owned = OWNED.filter((o) => o.folder.startsWith(`${layer}/`));
  const rule = (except) => [
    "error",
    { patterns: owned.filter((o) => o !== except).map(({ regex, message }) => ({ regex, message })) },
  ];
  return [
    { files: [`${layer}/**`], rules: { "no-restricted-imports": rule(undefined) } },
    ...owned.map((o) => ({ files: [`${o.folder}/**`], rules: { "no-restricted-imports": rule(o) } })),
  ];
}

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", ".tmp/", ".data/", "coverage/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { "import-x": importX, "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.node } },
    settings: {
      // Without these, import-x reads only .js files and no-cycle silently skips every TypeScript module.
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./src",
              from: ["./addin", "./server", "./tests", "./scripts", "./manifest"],
              message: "src/ imports only src/ (and zod, diff)",
            },
            { target: "./addin", from: "./server", message: "addin/ never imports server/" },
            { target: "./server", from: "./addin", message: "server/ never imports addin/" },
            // manifest/pages.ts is the contract between the manifests and the pane (command and action ids): pure data.
            {
              target: ["./addin", "./server"],
              from: ["./tests", "./scripts", "./manifest"],
              except: ["./pages.ts"],
              message: "tests/, scripts/ and manifest/ are never imported by the product (manifest/pages.ts aside)",
            },
          ],
        },
      ],
      // The two hook rules that find real bugs; the plugin's React Compiler rules are left out (not used here).
      // An effect that runs once on purpose says so with a disable comment and its reason.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      // Sanitisers strip NUL and other control characters on purpose (PostgreSQL refuses NUL; extracted text).
      "no-control-regex": "off",
      // Flags `let x = null; try { x = … }` and `let seen = false; … seen = true` kept for readability: no bug found.
      "no-useless-assignment": "off",
      // The compiler checks names (each layer with its own globals: tsconfig.<layer>.json); ESLint's list would not.
      "no-undef": "off",
      // `_`-prefixed names are deliberately unused (a parameter kept for its position, a destructured rest).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
    },
  },
  // src/ is shared by the browser and Node: only src/, zod and diff.
  {
    files: ["src/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(?!\\.|(zod|diff)(/|$))", message: "src/ imports only src/, zod and diff" }] },
      ],
    },
  },
  // The pane runs in a browser: no Node module. Only its hosts/ touch the Office global (its *Type enums aside).
  { files: ["addin/**"], rules: { "import-x/no-nodejs-modules": "error" } },
  {
    files: ["addin/**"],
    ignores: ["addin/hosts/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='Office'][property.name!=/Type$/]",
          message: "only addin/hosts touches the Office global",
        },
      ],
    },
  },
  ...ownedPackages("addin"),
  ...ownedPackages("server"),
);
