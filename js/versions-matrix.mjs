// `make conformance-versions`: the conformance suite on every release in versions.json
// other than the defaults (which `make conformance-all` runs in every column): in Node,
// and the newest of each interpreter in Chromium too; one release at a time; fails if any
// run fails. Columns are labelled with the
// release (pyodide@314.0.8/node).
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";

import { VERSION_ENV } from "./interpreters.js";

const ROOT = new URL("../", import.meta.url);
const table = JSON.parse(await readFile(new URL("versions.json", ROOT), "utf8"));
const failed = [];
for (const [interp, { default: preferred, versions }] of Object.entries(table)) {
  const newest = versions[versions.length - 1].version;
  for (const { version } of versions) {
    if (version === preferred) continue;
    // The newest release also in Chromium; the others in Node.
    for (const host of version === newest ? ["node", "chromium"] : ["node"]) {
      console.log(`conformance-versions: ${interp} ${version} (${host})`);
      const run = spawnSync("cargo", ["run", "--quiet", "--release", "-p", "conformance", "--", "--host", host, "--interp", interp], {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, [VERSION_ENV[interp]]: version },
        encoding: "utf8",
      });
      // The summary lines only: the matrix of each release is in its report.
      for (const line of run.stdout.split("\n")) if (/passed|^FAIL/.test(line)) console.log(`  ${line}`);
      if (run.status !== 0) failed.push(`${interp} ${version} (${host})`);
    }
  }
}
if (failed.length > 0) {
  console.error(`conformance-versions: failed on ${failed.join(", ")}`);
  process.exit(1);
}
