// Runs cases on one interpreter in a child process (js/fuzz/child.mjs), one at a time,
// each with a time limit. A timeout or a crash is recorded for that case; the child is
// killed and a fresh one serves the next case. A failed sanity check also restarts it,
// so that later cases never run in a damaged interpreter.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./child.mjs", import.meta.url));
const PREFIX = "@@fuzz ";
const CUT = 300;

export const cut = (s, n = CUT) => {
  s = typeof s === "string" ? s : JSON.stringify(s) ?? String(s);
  return s.length > n ? s.slice(0, n) + `... [${s.length} chars]` : s;
};

export class InterpreterRunner {
  /**
   * interp: "pyodide" | "micropython"; dist: absolute path of the ffi build;
   * timeoutMs: per case; startTimeoutMs: loading the interpreter.
   */
  constructor(interp, { dist, timeoutMs = 20000, startTimeoutMs = 90000 } = {}) {
    Object.assign(this, { interp, dist, timeoutMs, startTimeoutMs });
    this.child = null;
    this.restarts = 0;
    this.startMs = [];
    this.startFailures = 0; // in a row
    this.busyMs = 0;
  }

  async start() {
    const child = spawn(process.execPath, ["--expose-gc", "--max-old-space-size=6144", CHILD, "--interp", this.interp], {
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, FFI_DIST: this.dist },
    });
    const state = { child, waiter: null, stderr: [], exited: null, buffer: "" };
    this.state = state;
    child.stdin.on("error", () => {}); // EPIPE when the child died: reported through "exit"
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      state.buffer += chunk;
      let nl;
      while ((nl = state.buffer.indexOf("\n")) >= 0) {
        const line = state.buffer.slice(0, nl);
        state.buffer = state.buffer.slice(nl + 1);
        if (!line.startsWith(PREFIX)) continue;
        let message;
        try {
          message = JSON.parse(line.slice(PREFIX.length));
        } catch {
          message = { crash: "unparsable result line: " + cut(line) };
        }
        state.waiter?.resolve(message);
      }
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk) => {
      for (const line of chunk.split("\n")) {
        if (!line) continue;
        state.stderr.push(cut(line));
        if (state.stderr.length > 12) state.stderr.shift();
      }
    });
    child.on("exit", (code, signal) => {
      state.exited = { code, signal };
      state.waiter?.resolve({ exited: { code, signal } });
    });
    const t0 = Date.now();
    const ready = await this.#next(this.startTimeoutMs);
    this.startMs.push(Date.now() - t0);
    if (!ready.ready) {
      this.#kill();
      throw new Error(`${this.interp}: the child did not start: ${cut(ready.fatal ?? ready.crash ?? JSON.stringify(ready), 1500)}\n${this.#stderrTail()}`);
    }
    this.child = child;
  }

  /** The next message from the child, or {timeout} / {exited}. */
  #next(ms) {
    const state = this.state;
    if (state.exited) return Promise.resolve({ exited: state.exited });
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish({ timeout: ms }), ms);
      const finish = (message) => {
        clearTimeout(timer);
        state.waiter = null;
        resolve(message);
      };
      state.waiter = { resolve: finish };
    });
  }

  #stderrTail() {
    return this.state.stderr.slice(-4).join(" | ");
  }

  #kill() {
    // Only the child this runner started, by its own handle.
    const child = this.state?.child;
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    this.child = null;
  }

  /** Run one case: the child's result, or {timeout: ms} / {crash: text}. */
  async run(testCase) {
    if (!this.child) {
      if (this.state) this.restarts++;
      try {
        await this.start();
        this.startFailures = 0;
      } catch (error) {
        // A child that cannot start fails this case; three in a row end the run.
        if (++this.startFailures >= 3) throw error;
        return { index: testCase.index, crash: `could not start a fresh child: ${cut(error.message, 600)}` };
      }
    }
    const t0 = Date.now();
    try {
      return await this.#runOnce(testCase);
    } finally {
      this.busyMs += Date.now() - t0;
    }
  }

  async #runOnce(testCase) {
    this.state.child.stdin.write(JSON.stringify({ index: testCase.index, code: testCase.code }) + "\n");
    // A case that repeats a conversion thousands of times gets a multiple of the limit.
    const limit = this.timeoutMs * (testCase.timeoutFactor ?? 1);
    const message = await this.#next(limit);
    if (message.timeout) {
      this.#kill();
      return { index: testCase.index, timeout: limit };
    }
    if (message.exited) {
      const { code, signal } = message.exited;
      this.#kill();
      return { index: testCase.index, crash: `child exited (code ${code}, signal ${signal}); stderr: ${this.#stderrTail()}` };
    }
    if (message.fatal || (!message.crash && !Array.isArray(message.outs))) {
      // The child's own code failed (a harness bug, not the interpreter's): report, restart.
      this.#kill();
      return { index: testCase.index, crash: `harness error in the child: ${message.fatal ?? cut(message)}` };
    }
    if (message.crash) {
      // The child exits by itself after reporting a crash; make sure.
      this.#kill();
      return { index: testCase.index, crash: message.crash + (message.printed?.length ? ` | printed: ${message.printed.join(" | ")}` : "") };
    }
    if (message.sanity !== true) this.#kill();
    return message;
  }

  close() {
    if (this.state?.child) {
      this.state.child.stdin.end();
      this.#kill();
    }
  }
}
