/**
 * Build of the MG Bruxelles add-in (shape of Microsoft's
 * Excel-Custom-Functions-Shared template).
 *
 * Entries: `functions` (functions/functions.ts, generated from the catalog)
 * and `taskpane` (taskpane/taskpane.ts). With the shared runtime Excel runs the
 * custom functions inside the task pane page, so taskpane.html loads BOTH
 * bundles; functions.html (functions bundle only) is kept for hosts or tests
 * that load the functions page alone.
 *
 * - dist/functions.json: custom functions metadata (custom-functions-metadata-plugin),
 *   and one copy per locale of METADATA_LOCALES (functions.fr-BE.json,
 *   functions.nl-BE.json, ...): French, or Dutch / English descriptions
 *   (functions/functions.locales.json); the manifest overrides point to them.
 * - dist/support.html: the help page (manifest SupportUrl and LearnMoreUrl).
 * - dist/quartiers-limites.js: the quarter boundaries, loaded by functions.js
 *   on the first MG.QUARTIER call only (functions/runtime.ts).
 * - dist/manifest.xml: manifest.xml with the dev URL replaced by the
 *   production URL (package.json "config"."prod_url") in production builds.
 * - office.js: Microsoft's CDN in production; in development the pages load
 *   /office-js/office.js, which the dev server serves from
 *   node_modules/@microsoft/office-js/dist (no CDN needed).
 *
 * `webpack serve` uses https with office-addin-dev-certs; `--env http`
 * serves over plain http on localhost, without any certificate.
 */
const path = require("path");
const fs = require("fs");
const { execFileSync } = require("child_process");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const stripCatalogTexts = require("./scripts/strip-catalog-texts");
const pkg = require("./package.json");

const DEV_URL = "https://localhost:3000/";
const PROD_URL = withSlash(pkg.config.prod_url);
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "/office-js/office.js";
const OFFICE_JS_DIR = path.join(__dirname, "node_modules", "@microsoft", "office-js", "dist");
const FUNCTIONS_TS = path.join(__dirname, "functions", "functions.ts");
const LOCALES_JSON = path.join(__dirname, "functions", "functions.locales.json");

function withSlash(url) {
  if (typeof url !== "string" || !/^https:\/\//.test(url)) {
    throw new Error(`package.json config.prod_url must be an https URL, got ${JSON.stringify(url)}`);
  }
  return url.endsWith("/") ? url : url + "/";
}

/**
 * The locales Excel is matched against for the functions metadata, and the
 * texts each gets (null: the French default; otherwise a key of
 * functions/functions.locales.json). Belgian Excel runs fr-BE and nl-BE, and
 * matching by language alone "isn't supported across all combinations"
 * (Microsoft, "Localization for Office Add-ins"): every locale is listed.
 */
const METADATA_LOCALES = { "fr-FR": null, "fr-BE": null, "nl-NL": "nl-NL", "nl-BE": "nl-NL", "en-US": "en-US", "en-GB": "en-US" };

/** Per-locale custom functions metadata: same ids and names, translated descriptions. */
class LocalizedMetadataPlugin {
  apply(compiler) {
    const name = "LocalizedMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.fileDependencies.add(LOCALES_JSON);
      compilation.hooks.processAssets.tap(
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) {
            compilation.errors.push(new webpack.WebpackError("functions.json was not generated: no localized metadata."));
            return;
          }
          const metadata = JSON.parse(asset.source.source().toString());
          const locales = JSON.parse(fs.readFileSync(LOCALES_JSON, "utf8"));
          for (const [locale, source] of Object.entries(METADATA_LOCALES)) {
            const localized = JSON.parse(JSON.stringify(metadata));
            const texts = source === null ? null : locales[source];
            if (source !== null && !texts) {
              compilation.errors.push(new webpack.WebpackError(`${locale}: no ${source} texts in functions.locales.json.`));
              continue;
            }
            for (const fn of texts ? localized.functions : []) {
              const t = texts[fn.id];
              if (!t) {
                compilation.errors.push(
                  new webpack.WebpackError(`${locale}: no texts for ${fn.id}; run npm run gen:functions.`),
                );
                continue;
              }
              fn.description = t.description;
              for (const p of fn.parameters) {
                if (t.parameters[p.name] !== undefined) p.description = t.parameters[p.name];
              }
            }
            compilation.emitAsset(
              `functions.${locale}.json`,
              new webpack.sources.RawSource(JSON.stringify(localized, null, 4)),
            );
          }
        },
      );
    });
  }
}

/**
 * Copies static files into the output (icons, css, manifest). A few lines
 * instead of copy-webpack-plugin, whose option validation (schema-utils with
 * ajv-keywords) breaks when npm hoists ajv 6 next to ajv-keywords 5.
 */
class CopyFilesPlugin {
  constructor(files) {
    this.files = files;
  }
  apply(compiler) {
    const name = "CopyFilesPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const { from, to, transform } of this.files) {
          const file = path.resolve(__dirname, from);
          compilation.fileDependencies.add(file);
          const content = fs.readFileSync(file);
          compilation.emitAsset(to, new webpack.sources.RawSource(transform ? transform(content) : content));
        }
      });
    });
  }
}

/**
 * Fails the build when functions.js does not register every id of
 * functions.json (a known failure mode: a bundle without associate calls).
 */
class AssociateCheckPlugin {
  apply(compiler) {
    const name = "AssociateCheckPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const metadata = compilation.getAsset("functions.json");
        const bundle = compilation.getAsset("functions.js");
        if (!metadata || !bundle) {
          compilation.errors.push(new webpack.WebpackError("functions.json or functions.js is missing."));
          return;
        }
        const code = bundle.source.source().toString();
        const missing = JSON.parse(metadata.source.source().toString())
          .functions.map((f) => f.id)
          .filter((id) => !code.includes(`CustomFunctions.associate("${id}"`));
        if (missing.length > 0) {
          compilation.errors.push(
            new webpack.WebpackError(`functions.js does not register ${missing.join(", ")} (CustomFunctions.associate).`),
          );
        }
      });
    });
  }
}

/**
 * Checks the legal parameter files against their schema before each
 * compilation (scripts/check-params.ts, run with tsx): the bundles embed the
 * checked data and do not ship the schema. A failure stops the build.
 */
class ParamsCheckPlugin {
  apply(compiler) {
    const name = "ParamsCheckPlugin";
    const check = () => {
      const tsx = require.resolve("tsx/cli", { paths: [__dirname] });
      try {
        execFileSync(process.execPath, [tsx, path.join(__dirname, "scripts", "check-params.ts")], { cwd: __dirname, stdio: "pipe" });
      } catch (e) {
        const out = `${e.stdout || ""}${e.stderr || ""}`.trim();
        throw new Error(`Les paramètres de src/params ne passent pas le schéma :\n${out || e.message}`);
      }
    };
    compiler.hooks.beforeRun.tap(name, check);
    compiler.hooks.watchRun.tap(name, check);
  }
}

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const http = Boolean(env.http);
  const officeJs = dev ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;
  const port = Number(process.env.npm_package_config_dev_server_port || pkg.config.dev_server_port || 3000);

  return {
    mode: dev ? "development" : "production",
    // The same language level as tsconfig.json (ES2019) for webpack's own runtime code too.
    target: ["web", "es2019"],
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./functions/functions.ts",
      taskpane: "./taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Loaded on demand by functions.js (the quarter boundaries, on the first MG.QUARTIER call).
      chunkFilename: "[name].js",
      // Relative to the page (taskpane.html, functions.html), in the same folder as the bundles:
      // no URL detection code, no absolute URL in the bundles.
      publicPath: "",
      // The chunk registry lives on globalThis (as the code's other globals), not on `self`,
      // which a JavaScript-only runtime or a test loading functions.js may not define.
      globalObject: "globalThis",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              compilerOptions: { module: "es2020", sourceMap: dev },
              // Function and argument descriptions only serve the metadata and docs (build time).
              getCustomTransformers: () => ({ before: [stripCatalogTexts] }),
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new ParamsCheckPlugin(),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_TS }),
      new LocalizedMetadataPlugin(),
      new AssociateCheckPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        // Shared runtime: the task pane page is also the custom functions page.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        officeJs,
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./functions/functions.html",
        chunks: ["functions"],
        officeJs,
      }),
      new CopyFilesPlugin([
        ...["16", "20", "32", "40", "64", "80"].map((size) => ({ from: `assets/icon-${size}.png`, to: `assets/icon-${size}.png` })),
        { from: "taskpane/taskpane.css", to: "taskpane.css" },
        { from: "support/support.html", to: "support.html" },
        {
          from: "manifest.xml",
          to: "manifest.xml",
          transform: (content) => (dev ? content : Buffer.from(content.toString("utf8").split(DEV_URL).join(PROD_URL))),
        },
      ]),
    ],
    devServer: {
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      host: "localhost",
      port,
      static: [{ directory: OFFICE_JS_DIR, publicPath: "/office-js", watch: false }],
      server: http ? "http" : { type: "https", options: serving ? await httpsOptions() : {} },
      client: { overlay: false },
    },
  };
};

module.exports.METADATA_LOCALES = METADATA_LOCALES;
