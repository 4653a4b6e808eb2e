/**
 * Dev-only harness for the task pane: builds the add-in with the project's
 * webpack.config.js (development mode: the pages load /office-js/office.js)
 * into a temporary folder, builds the fake Office/Excel (fake-office.ts), and
 * serves both on 127.0.0.1 with a tiny node http server, where
 * /office-js/office.js is the fake instead of Microsoft's office.js.
 * Nothing is fetched from the network.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";

const ROOT = path.join(__dirname, "..", "..", "..");

export interface Harness {
  url: string;
  dir: string;
  close(): Promise<void>;
}

type WebpackConfig = Record<string, unknown> & { output: Record<string, unknown>; plugins?: unknown[] };

function runWebpack(configs: WebpackConfig[]): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require(require.resolve("webpack", { paths: [ROOT] }));
  return new Promise((resolve, reject) => {
    webpack(configs, (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(`webpack build of the harness failed:\n${stats.toString({ all: false, errors: true, errorDetails: true })}`));
      resolve();
    });
  });
}

/** Builds the task pane (development build) and the fake office.js into a fresh temporary folder. */
export async function buildHarness(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-taskpane-e2e-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const addin: WebpackConfig = await makeConfig({}, { mode: "development" });
  addin.output = { ...addin.output, path: path.join(dir, "site"), clean: false };
  addin.devtool = false;
  addin.context = ROOT;
  const fake: WebpackConfig = {
    mode: "development",
    devtool: false,
    context: ROOT,
    entry: { "office-fake": path.join(__dirname, "fake-office.ts") },
    output: { path: path.join(dir, "fake"), filename: "[name].js" },
    resolve: { extensions: [".ts", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: require.resolve("ts-loader", { paths: [ROOT] }),
            options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.json"), compilerOptions: { module: "es2020", sourceMap: false } },
          },
        },
      ],
    },
    performance: { hints: false },
  };
  await runWebpack([addin, fake]);
  return dir;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};

/** Serves a built harness folder on 127.0.0.1 (random free port). */
export async function serveHarness(dir: string): Promise<Harness> {
  const site = path.join(dir, "site");
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let file: string;
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === "/office-js/office.js") file = path.join(dir, "fake", "office-fake.js");
    else {
      const rel = decodeURIComponent(url.pathname === "/" ? "/taskpane.html" : url.pathname);
      file = path.normalize(path.join(site, rel));
      if (!file.startsWith(site + path.sep)) {
        res.writeHead(403).end();
        return;
      }
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(data);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    dir,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
