// Owns the front-end build: one app behind several entry pages (taskpane.html now; tab, config, committee to come) into dist/.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import CopyWebpackPlugin from "copy-webpack-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";

const root = dirname(fileURLToPath(import.meta.url));

/** Microsoft's CDN copy of office.js: the only reference the Marketplace accepts. */
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Where the build copies office.js from @microsoft/office-js, for offline tests and dev. */
export const OFFICE_JS_LOCAL = "/office/office.js";

/**
 * Entry pages. `office: true` pages load office.js (and must never run inside Teams: office.js blanks a
 * framed page it does not recognise); Teams pages load teams-js lazily from their own code.
 * To add a page: one line here and one entry file under addin/.
 */
const PAGES = [
  { name: "taskpane", entry: "./addin/index.tsx", office: true },
  { name: "tab", entry: "./addin/tab.tsx", office: false },
  // { name: "config", entry: "./addin/config.tsx", office: false },   (issue: Teams configurable tab)
  // { name: "committee", entry: "./addin/committee.tsx", office: false },
];

/** office.js files needed outside Office (office.js + its mapping table) and inside Outlook (host scripts, strings). */
const OFFICE_FILES = ["office.js", "o15apptofilemappingtable.js", "outlook-*.js", "{fr-fr,en-us,en-gb}/*_strings.js"];

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
      return { type: "https", options: { key: resolve(dir, "localhost.key"), cert: resolve(dir, "localhost.crt"), ca: resolve(dir, "ca.crt") } };
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

  return {
    mode: isProduction ? "production" : "development",
    context: root,
    entry: Object.fromEntries(PAGES.map((p) => [p.name, p.entry])),
    output: {
      path: resolve(root, "dist"),
      filename: isProduction ? "assets/[name].[contenthash:8].js" : "assets/[name].js",
      chunkFilename: isProduction ? "assets/[name].[contenthash:8].js" : "assets/[name].js",
      publicPath: "/",
      clean: true,
      // Always write, even unchanged files: "is dist/ older than its sources?" checks (npm start, the e2e) rely on mtimes.
      compareBeforeEmit: false,
    },
    devtool: isProduction ? "source-map" : "eval-cheap-module-source-map",
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          options: { target: "es2020", jsx: "automatic", tsconfig: resolve(root, "tsconfig.json") },
        },
      ],
    },
    optimization: {
      // One runtime shared by the pages; React and Fluent in a vendor chunk cached across releases of app code.
      runtimeChunk: "single",
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          vendor: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler|@fluentui|@griffel|tabster|keyborg|@floating-ui|@swc)[\\/]/, name: "vendor", chunks: "initial", priority: 20 },
        },
      },
    },
    performance: { hints: isProduction ? "warning" : false, maxEntrypointSize: 600_000, maxAssetSize: 900_000 },
    plugins: [
      ...PAGES.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: `${p.name}.html`,
            template: resolve(root, "addin/page.html"),
            chunks: [p.name],
            scriptLoading: "defer",
            officeScript: p.office ? `<script src="${officeJsUrl}"></script>` : "",
          }),
      ),
      new CopyWebpackPlugin({
        patterns: OFFICE_FILES.map((from) => ({
          from,
          context: resolve(root, "node_modules/@microsoft/office-js/dist"),
          to: "office/",
          globOptions: { ignore: ["**/*.debug.js"] },
          noErrorOnMissing: from.includes("en-gb"),
        })),
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
};
