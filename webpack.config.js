// Owns the front-end build: one app behind several entry pages (taskpane, tab, config, committee, commands +
// launchevent.js, sign-in pages) into dist/.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import CopyWebpackPlugin from "copy-webpack-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import webpack from "webpack";

const root = dirname(fileURLToPath(import.meta.url));

/** Microsoft's CDN copy of office.js: the only reference the Marketplace accepts. */
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Where the build copies office.js from @microsoft/office-js, for offline tests and dev. */
export const OFFICE_JS_LOCAL = "/office/office.js";

/** The OnMessageSend script: its own compilation, unhashed at the root, as manifest/pages.ts promises. */
export const LAUNCH_EVENT_SCRIPT = "launchevent.js";

const PAGE_TEMPLATE = "addin/page.html";

/**
 * Entry pages (manifest/pages.ts is the contract for the ones the manifests name). `office: true` pages load office.js
 * (and must never run inside Teams: office.js blanks a framed page it does not recognise); Teams pages load teams-js
 * lazily from their own code; `entry: null` is a page with no bundle of its own. To add a page: one line here.
 */
const PAGES = [
  { name: "taskpane", entry: "./addin/index.tsx", office: true },
  { name: "tab", entry: "./addin/tab.tsx", office: false },
  { name: "config", entry: "./addin/teams-config/main.ts", office: false, template: "addin/teams-config/config.html" },
  // Loads office.js, then launchevent.js by a plain tag: the same file classic Outlook runs alone.
  { name: "commands", entry: null, office: true, template: "addin/commands/commands.html" },
  // The Office dialog fallback of the sign-in (needs office.js for messageParent) and MSAL's redirect bridge.
  { name: "auth-dialog", entry: "./addin/auth/dialog-page.ts", office: true },
  {
    name: "auth-redirect",
    entry: "./addin/auth/redirect-bridge.ts",
    office: false,
    template: "addin/auth/redirect.html",
  },
  // Written by another part of the team: built once its entry exists, so the build never breaks before.
  ...(existsSync(resolve(root, "addin/committee/main.tsx"))
    ? [{ name: "committee", entry: "./addin/committee/main.tsx", office: false }]
    : []),
];

/** office.js files needed outside Office (office.js + its mapping table) and inside Outlook (host scripts, strings). */
const OFFICE_FILES = ["office.js", "o15apptofilemappingtable.js", "outlook-*.js", "{fr-fr,en-us,en-gb}/*_strings.js"];
const OFFICE_JS_DIR = resolve(root, "node_modules/@microsoft/office-js/dist");

/**
 * The sign-in configuration baked into the build, from the same file as the manifests (`--env auth=prod` or
 * GREFFIER_AUTH_ENV=prod reads manifest/config/prod.json), each value overridable: GREFFIER_CLIENT_ID,
 * GREFFIER_API_SCOPE, GREFFIER_AUTHORITY or GREFFIER_TENANT_ID. Null without a client id: no sign-in (dev mode).
 * The scope is derived as manifest/manifest-config.ts does (`<applicationIdUri>/access_as_user`).
 * @returns `{ clientId, apiScope, authority }` or null.
 */
export function authConfigFor(env = {}, vars = process.env) {
  const name = env.auth ?? vars.GREFFIER_AUTH_ENV;
  const file = name ? JSON.parse(readFileSync(resolve(root, "manifest/config", `${name}.json`), "utf8")) : null;
  const clientId = vars.GREFFIER_CLIENT_ID ?? file?.entra?.clientId;
  if (!clientId) return null;
  const origin = vars.GREFFIER_ORIGIN ?? file?.origin;
  const applicationIdUri =
    file?.entra?.applicationIdUri ?? (origin ? `api://${new URL(origin).host}/${clientId}` : `api://${clientId}`);
  const apiScope = vars.GREFFIER_API_SCOPE ?? `${applicationIdUri}/access_as_user`;
  const authority =
    vars.GREFFIER_AUTHORITY ?? `https://login.microsoftonline.com/${vars.GREFFIER_TENANT_ID ?? "organizations"}`;
  return { clientId, apiScope, authority };
}

async function devServerHttps() {
  // office-addin-dev-certs installs its CA with sudo, which fails on machines without it: then serve the
  // generated files as they are, or fall back to http (NO_HTTPS=1 forces it).
  if (process.env.NO_HTTPS) return undefined;
  try {
    const certs = await import("office-addin-dev-certs");
    const options = await certs.getHttpsServerOptions();
    return { type: "https", options };
  } catch (error) {
    const dir = resolve(process.env.HOME ?? "", ".office-addin-dev-certs");
    if (existsSync(resolve(dir, "localhost.crt"))) {
      console.warn("[greffier] dev CA not installed; serving https with the generated certificate:", String(error));
      return {
        type: "https",
        options: {
          key: resolve(dir, "localhost.key"),
          cert: resolve(dir, "localhost.crt"),
          ca: resolve(dir, "ca.crt"),
        },
      };
    }
    console.warn("[greffier] no dev certificate; serving http only:", String(error));
    return undefined;
  }
}

export default async (env = {}, argv = {}) => {
  const isProduction = argv.mode !== "development";
  // Build setting: production points at the CDN, dev at the local copy; OFFICE_JS_URL (or --env officeJs=…) overrides.
  const officeJsUrl = env.officeJs ?? process.env.OFFICE_JS_URL ?? (isProduction ? OFFICE_JS_CDN : OFFICE_JS_LOCAL);
  const apiTarget = process.env.API_URL ?? "http://127.0.0.1:3000";
  const isServing = Boolean(process.env.WEBPACK_SERVE);

  const app = {
    mode: isProduction ? "production" : "development",
    context: root,
    name: "app",
    entry: Object.fromEntries(PAGES.filter((p) => p.entry).map((p) => [p.name, p.entry])),
    output: {
      path: resolve(root, "dist"),
      filename: isProduction ? "assets/[name].[contenthash:8].js" : "assets/[name].js",
      chunkFilename: isProduction ? "assets/[name].[contenthash:8].js" : "assets/[name].js",
      publicPath: "/",
      // launchevent.js is the other compilation's, written to the same folder.
      clean: { keep: (file) => file.startsWith(LAUNCH_EVENT_SCRIPT) },
      // Always write, even unchanged files: "is dist/ older than its sources?" checks (npm start, the e2e) rely on
      // mtimes.
      compareBeforeEmit: false,
    },
    devtool: isProduction ? "source-map" : "eval-cheap-module-source-map",
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: { rules: [typescriptRule("es2020")] },
    optimization: {
      // One runtime shared by the pages; React and Fluent (with Griffel's own dependencies) in a vendor chunk cached
      // across releases of app code.
      runtimeChunk: "single",
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          vendor: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler|@fluentui|@griffel|rtl-css-js|stylis|@emotion[\\/]hash|tabster|keyborg|@floating-ui|@swc)[\\/]/,
            name: "vendor",
            chunks: "initial",
            priority: 20,
          },
          // App code shared by several pages stays in each page's own script (a host opens one page): every extra
          // initial script is compressed apart and costs the first download ~0.5 KB. Lazy chunks are still shared.
          default: { chunks: "async", minChunks: 2, priority: -20, reuseExistingChunk: true },
        },
      },
    },
    performance: { hints: isProduction ? "warning" : false, maxEntrypointSize: 600_000, maxAssetSize: 900_000 },
    plugins: [
      new webpack.DefinePlugin({ __GREFFIER_AUTH__: JSON.stringify(authConfigFor(env)) }),
      // Each src/i18n/areas file holds its French and English halves; the pane loads English on demand
      // (addin/lib/catalogue.ts). Seen from en.ts, an area is a module of its own (`?en`), so tree shaking keeps only
      // the French half in the first download and only the English half in the English chunk.
      new webpack.NormalModuleReplacementPlugin(/^\.\/areas\//, (data) => {
        if (/[\\/]src[\\/]i18n[\\/]en\.ts$/.test(data.contextInfo?.issuer ?? "")) data.request += "?en";
      }),
      ...PAGES.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: `${p.name}.html`,
            template: resolve(root, p.template ?? PAGE_TEMPLATE),
            chunks: p.entry ? [p.name] : [],
            scriptLoading: "defer",
            officeScript: p.office ? `<script src="${officeJsUrl}"></script>` : "",
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          // Only tests and dev pages load this copy, and only they install @microsoft/office-js (a devDependency):
          // a production install (`npm ci --omit=dev && npm start`) builds pages that load office.js from the CDN.
          ...(existsSync(OFFICE_JS_DIR) ? OFFICE_FILES : []).map((from) => ({
            from,
            context: OFFICE_JS_DIR,
            to: "office/",
            globOptions: { ignore: ["**/*.debug.js"] },
            noErrorOnMissing: from.includes("en-gb"),
          })),
          // The ribbon and XML manifest icons, at the URLs the manifests name (manifest/pages.ts ICONS_PATH).
          { from: "icon-*.png", context: resolve(root, "manifest/assets"), to: "assets/" },
        ],
      }),
    ],
    devServer: isServing
      ? {
          port: Number(process.env.DEV_PORT ?? 3001),
          host: "localhost",
          server: await devServerHttps(),
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
          hot: true,
          historyApiFallback: false,
          proxy: [{ context: ["/api"], target: apiTarget, changeOrigin: false }],
        }
      : undefined,
  };

  /**
   * launchevent.js: classic Outlook on Windows runs it alone in a JavaScript-only runtime (no DOM, no module loader),
   * so it is one classic script: its own compilation, no runtime chunk, no split chunks, no dynamic import,
   * ECMAScript 2016, no hash in its name.
   */
  const launchEvent = {
    name: "launchevent",
    mode: app.mode,
    context: root,
    // Classic Outlook's event runtime implements ECMAScript 2016: esbuild lowers async/await, spread and `?.`.
    target: ["web", "es2016"],
    entry: { launchevent: "./addin/commands/launchevent.ts" },
    output: {
      path: resolve(root, "dist"),
      filename: LAUNCH_EVENT_SCRIPT,
      publicPath: "/",
      iife: true,
      chunkFormat: false,
      chunkLoading: false,
      wasmLoading: false,
      compareBeforeEmit: false,
    },
    devtool: isProduction ? "source-map" : false,
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [typescriptRule("es2016")] },
    optimization: { runtimeChunk: false, splitChunks: false },
    performance: { hints: false },
  };

  return [app, launchEvent];
};

/** TypeScript through esbuild, at a given language level. */
function typescriptRule(target) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    loader: "esbuild-loader",
    options: { target, jsx: "automatic", tsconfig: resolve(root, "tsconfig.json") },
  };
}
