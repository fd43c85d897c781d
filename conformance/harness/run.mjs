// Thin JS harness driven by the `conformance` binary: runs the cases in one column
// (interpreter x host) and prints one JSON line per case on stdout.
//   node conformance/harness/run.mjs --interp pyodide|micropython --host node|chromium
//        --mode ours|pyscript --cases cases.json
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function args() {
  const out = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, "")] = argv[i + 1];
  for (const key of ["interp", "host", "mode", "cases"]) if (!out[key]) throw new Error(`missing --${key}`);
  return out;
}

const emit = (line) => process.stdout.write(JSON.stringify(line) + "\n");

async function runInNode(options) {
  const { runAll } = await import(new URL("./runner.js", import.meta.url).href);
  await runAll({ ...options, base: pathToFileURL(ROOT), report: emit });
}

const TYPES = {
  ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".html": "text/html",
  ".json": "application/json", ".zip": "application/zip", ".py": "text/plain", ".whl": "application/zip",
  ".map": "application/json", ".d.ts": "text/plain",
};

/** A static file server for the repository, on loopback only. */
function serve() {
  const server = createServer(async (req, res) => {
    const path = normalize(join(ROOT, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!path.startsWith(ROOT) || path.split(sep).includes("..")) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(path);
      res.writeHead(200, { "content-type": TYPES[extname(path)] || "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function runInChromium(options) {
  const { chromium } = await import("playwright-core");
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
  });
  try {
    const page = await browser.newPage();
    page.on("pageerror", (error) => process.stderr.write(`[chromium] page error: ${error.message}\n`));
    await page.exposeFunction("__report", (line) => emit(JSON.parse(line)));
    await page.goto(`${origin}/conformance/harness/page.html`);
    await page.evaluate(async (opts) => {
      const { runAll } = await import("/conformance/harness/runner.js");
      await runAll({ ...opts, base: new URL("/", location.href), report: (r) => window.__report(JSON.stringify(r)) });
    }, options);
  } finally {
    await browser.close();
    server.close();
  }
}

const { interp, host, mode, cases: casesFile } = args();
const cases = JSON.parse(await readFile(casesFile, "utf8"));
const options = { interp, mode, cases };
try {
  if (host === "node") await runInNode(options);
  else if (host === "chromium") await runInChromium(options);
  else throw new Error(`unknown host ${host}`);
  emit({ done: true });
} catch (error) {
  // One line, not the interpreter's whole source: Emscripten errors print the module.
  emit({ fatal: String(error && error.stack || error).split("\n").slice(0, 8).join("\n").slice(0, 2000) });
  process.exitCode = 1;
}
