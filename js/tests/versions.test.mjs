// Supported interpreter versions (docs/versions.md): versions.json is the one list; it,
// package.json, package-lock.json, each adapter's fact table (ffi-*/js/versions.js),
// docs/versions.md and @pyscript/core's defaults must agree. install() works on every
// listed release, refuses any other with an Error naming it and the supported ones, and
// with { version: "best-effort" } uses the nearest release's facts or refuses cleanly.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";

import { MICROPYTHON_FACTS } from "../../ffi-micropython/js/versions.js";
import { PYODIDE_FACTS } from "../../ffi-pyodide/js/versions.js";
import { compareVersions, nearestVersion, versionKey } from "../loader.js";
import { interpreterEntry, readVersions } from "../interpreters.js";

const ROOT = new URL("../../", import.meta.url);
const readJson = async (path) => JSON.parse(await readFile(new URL(path, ROOT), "utf8"));
const versions = await readVersions();
const pkg = await readJson("package.json");
const lock = await readJson("package-lock.json");

// The adapter table's rows (versions.json), with each adapter's fact table.
const FACTS = { pyodide: PYODIDE_FACTS, micropython: MICROPYTHON_FACTS };
const INTERPRETERS = Object.fromEntries(
  Object.entries(versions).map(([interp, row]) => [
    interp,
    { npm: row.npm, alias: (v) => `${interp}-${v}`, name: row.name, facts: FACTS[interp] },
  ]),
);

describe("the adapter table", () => {
  test("each row names an adapter crate ffi-<name>/ with its protocol files, a workspace member", async () => {
    const workspace = await readFile(new URL("Cargo.toml", ROOT), "utf8");
    for (const [interp, row] of Object.entries(versions)) {
      for (const key of ["name", "npm", "loader", "pyscript_types", "default", "versions"]) {
        assert.ok(row[key] !== undefined, `versions.json ${interp}.${key}`);
      }
      for (const file of ["Cargo.toml", "js/index.js", "js/versions.js", "python/_pyscript_ffi_impl.py"]) {
        assert.ok(existsSync(new URL(`ffi-${interp}/${file}`, ROOT)), `ffi-${interp}/${file} exists`);
      }
      assert.match(workspace, new RegExp(`"ffi-${interp}"`), `Cargo.toml's workspace has ffi-${interp}`);
      assert.ok(FACTS[interp], `${interp}'s fact table is imported here`);
    }
  });

  test("the PyScript plugin's copy of the PyScript types is the table's", async () => {
    const { PYSCRIPT_TYPES } = await import("../pyscript/plugin.js");
    const expected = Object.fromEntries(Object.entries(versions).map(([interp, row]) => [interp, row.pyscript_types]));
    assert.deepEqual(PYSCRIPT_TYPES, expected);
  });

  test("each release's loader module exports the row's loader", async () => {
    for (const [interp, row] of Object.entries(versions)) {
      const text = await readFile(new URL(row.versions.at(-1).module, ROOT), "utf8");
      assert.match(text, new RegExp(`export\\s+(async\\s+)?function\\s+${row.loader}\\b|export\\s*\\{[^}]*\\b${row.loader}\\b`), `${interp}: ${row.loader}`);
    }
  });
});

describe("versions.json", () => {
  for (const [interp, { npm, alias, facts }] of Object.entries(INTERPRETERS)) {
    const table = versions[interp];

    test(`${interp}: every version is an exact npm alias in package.json and pinned in package-lock.json, its module present`, () => {
      assert.ok(Array.isArray(table?.versions) && table.versions.length > 0, `versions.json lists ${interp} versions`);
      for (const { version, module } of table.versions) {
        const name = alias(version);
        assert.equal(pkg.devDependencies[name], `npm:${npm}@${version}`, `package.json devDependencies["${name}"]`);
        const locked = lock.packages[`node_modules/${name}`];
        assert.ok(locked, `package-lock.json pins node_modules/${name}`);
        assert.equal(locked.name, npm, `package-lock.json node_modules/${name} is ${npm}`);
        assert.equal(locked.version, version, `package-lock.json node_modules/${name} version`);
        assert.equal(lock.packages[""].devDependencies[name], `npm:${npm}@${version}`, `package-lock.json root devDependencies["${name}"]`);
        assert.ok(module.startsWith(`node_modules/${name}/`), `${version}'s module lives in node_modules/${name}/`);
        assert.ok(existsSync(new URL(module, ROOT)), `${module} exists (npm ci)`);
      }
    });

    test(`${interp}: the default is listed, and the unaliased ${npm} is pinned to it`, () => {
      assert.ok(table.versions.some((v) => v.version === table.default), `default ${table.default} is listed`);
      assert.equal(pkg.devDependencies[npm], table.default, `package.json devDependencies["${npm}"]`);
      assert.equal(lock.packages[`node_modules/${npm}`]?.version, table.default, `package-lock.json node_modules/${npm}`);
    });

    test(`${interp}: the default is what @pyscript/core loads by default`, async () => {
      const dist = new URL("node_modules/@pyscript/core/dist/", ROOT);
      const found = new Set();
      for (const file of (await readdir(dist)).filter((f) => f.endsWith(".js"))) {
        const text = await readFile(new URL(file, dist), "utf8");
        for (const m of text.matchAll(/type:"(pyodide|micropython)",module:\(\w+="([^"]+)"\)/g)) if (m[1] === interp) found.add(m[2]);
      }
      assert.deepEqual([...found], [table.default]);
    });

    test(`${interp}: the adapter's fact table covers exactly these versions`, () => {
      assert.deepEqual(Object.keys(facts).sort(), table.versions.map((v) => v.version).sort());
    });
  }

  test("docs/versions.md's table lists exactly versions.json, defaults marked", async () => {
    const text = await readFile(new URL("docs/versions.md", ROOT), "utf8");
    const rows = [...text.matchAll(/^\| (Pyodide|MicroPython) \| `([^`]+)` \| ([^|]*) \|/gm)].map((m) => [m[1], m[2], m[3].trim() === "yes"]);
    const expected = Object.entries(INTERPRETERS).flatMap(([interp, { name }]) =>
      versions[interp].versions.map((v) => [name, v.version, v.version === versions[interp].default]),
    );
    assert.deepEqual(rows, expected);
  });

  test("the helper resolves versions and refuses unknown ones", async () => {
    const entry = await interpreterEntry("micropython", { version: "1.29.0-6" });
    assert.equal(entry.version, "1.29.0-6");
    assert.match(entry.module.href, /node_modules\/micropython-1\.29\.0-6\/micropython\.mjs$/);
    assert.equal((await interpreterEntry("pyodide", { version: undefined })).version, process.env.FFI_PYODIDE_VERSION || versions.pyodide.default);
    await assert.rejects(interpreterEntry("pyodide", { version: "313.0.0" }), /FFI_PYODIDE_VERSION=313\.0\.0: not in versions\.json \(known: 314\.0\.2/);
  });
});

test("release order and the nearest known release", () => {
  const order = ["1.26.0", "1.28.0-preview-230", "1.28.0", "1.28.0-6", "1.29.0-6", "314.0.8", "315.0.0-alpha.2", "315.0.0"];
  assert.deepEqual([...order].reverse().sort(compareVersions), order);
  assert.equal(versionKey("no version"), null);
  const mp = Object.keys(MICROPYTHON_FACTS);
  assert.equal(nearestVersion("1.30.0", mp), "1.29.0-6");
  assert.equal(nearestVersion("1.28.1", mp), "1.28.0-6");
  assert.equal(nearestVersion("1.28.0-preview-230", mp), "1.27.0");
  assert.equal(nearestVersion("1.26.0", mp), "1.27.0");
  assert.equal(nearestVersion("unknown (no sys.version)", mp), "1.27.0");
  assert.equal(nearestVersion("315.0.0-alpha.2", Object.keys(PYODIDE_FACTS)), "314.0.8");
  assert.equal(nearestVersion("314.0.5", Object.keys(PYODIDE_FACTS)), "314.0.2");
});

// Each check in its own process: one Pyodide release per process (Pyodide keeps its module
// factory on globalThis), and one MicroPython per process for a guard (docs/failures.md).
function inChild(...args) {
  const result = spawnSync(process.execPath, [fileURLToPath(new URL("versions-child.mjs", import.meta.url)), ...args], {
    encoding: "utf8",
    timeout: 120_000,
  });
  const output = `${result.stdout}${result.stderr}`.split("\n").map((line) => line.slice(0, 300)).join("\n");
  assert.equal(result.status, 0, `versions-child.mjs ${args.join(" ")} failed:\n${output}`);
  assert.match(result.stdout, /^ok$/m);
}

describe("install() on each version", () => {
  for (const { version } of versions.micropython.versions) {
    test(`MicroPython ${version}: installs, converts, and raises JS errors in Python`, () => inChild("install", "micropython", version));
  }
  for (const { version } of versions.pyodide.versions) {
    test(`Pyodide ${version}: installs, converts, and raises JS errors in Python`, () => inChild("install", "pyodide", version));
  }
});

describe("install() on other versions", () => {
  test("an unsupported MicroPython is an Error naming its version and the supported ones; best-effort uses the nearest or refuses cleanly", () =>
    inChild("others", "micropython"));
  test("best-effort on the newest MicroPython is its own facts", () => inChild("best-effort", "micropython"));
  test("a MicroPython whose facts name the wrong external_call_depth still gets the guard (found by scanning)", () =>
    inChild("depth-fallback", "micropython"));
  test("an unsupported Pyodide is an Error naming its version and the supported ones; best-effort uses the nearest or refuses cleanly", () =>
    inChild("others", "pyodide"));
  test("best-effort on the newest Pyodide is its own facts", () => inChild("best-effort", "pyodide"));
});
