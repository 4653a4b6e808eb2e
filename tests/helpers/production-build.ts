/**
 * One production webpack build into a fresh temporary folder (dist/ and a
 * running dev server are not touched). Used by the build contract and the
 * hardening tests.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.join(__dirname, "..", "..");

export function productionBuild(prefix: string): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  try {
    execFileSync(process.execPath, [cli, "--mode", "production", "--output-path", out], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: "pipe",
      env: { ...process.env, NODE_ENV: "production" },
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`production build failed:\n${err.stdout ?? ""}\n${err.stderr ?? ""}`);
  }
  return out;
}
