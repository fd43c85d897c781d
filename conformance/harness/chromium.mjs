// Debian's Chromium through playwright-core, on a page served from this repository on
// loopback only. Shared by the conformance harness and `make gc-check`.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

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
      // Cross-origin isolated (COOP/COEP), as PyScript's workers need for their sync channel.
      res
        .writeHead(200, {
          "content-type": TYPES[extname(path)] || "application/octet-stream",
          "cross-origin-opener-policy": "same-origin",
          "cross-origin-embedder-policy": "require-corp",
          "cross-origin-resource-policy": "cross-origin",
        })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}


/** A fresh headless Chromium on conformance/harness/page.html. `extraArgs` go to Chromium. */
export async function openPage(extraArgs = []) {
  const { chromium } = await import("playwright-core");
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic", ...extraArgs],
  });
  const page = await browser.newPage();
  page.on("pageerror", (error) => process.stderr.write(`[chromium] page error: ${error.message}\n`));
  await page.goto(`${origin}/conformance/harness/page.html`);
  const close = async () => {
    await browser.close();
    server.close();
  };
  return { browser, page, origin, close };
}
