// examples/pyscript-table: one app.py, run as `py` (Pyodide) and as `mpy` (MicroPython) on
// a real PyScript page with the plugin, driven like a user in Chromium. After every step the
// table and the chart must be the same DOM on both interpreters, and what data.json says.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { after, before, test } from "node:test";

import { openPage } from "../../conformance/harness/chromium.mjs";

const KINDS = ["py", "mpy"];
const TARGET = new URL("../../target/", import.meta.url);
let session;
const pages = {};
const errors = { py: [], mpy: [] };
const posts = { py: [], mpy: [] };

// data.json, the figures the assertions use.
const POPULATION = {
  Oslo: 709037, Lisbon: 545923, Kyoto: 1463723, Rome: 2748109, "Montréal": 1762949, Nairobi: 4397073,
  Lima: 10092000, "São Paulo": 11451999, "Reykjavík": 139875, Auckland: 1693000, "Kraków": 804237,
  "Tromsø": 77544, "Gdańsk": 486022,
};

before(async () => {
  session = await openPage();
  await Promise.all(KINDS.map(async (kind) => {
    const page = await session.browser.newPage(); // its own context: its own localStorage
    page.on("console", (message) => {
      if (message.type() === "error") errors[kind].push(message.text().slice(0, 300));
    });
    page.on("pageerror", (error) => errors[kind].push(`page error: ${error.message.slice(0, 300)}`));
    page.on("request", (request) => {
      if (request.method() === "POST") posts[kind].push(request);
    });
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${session.origin}/examples/pyscript-table/index.html?${kind}`);
    await page.waitForSelector(`body[data-ready="${kind}"]`, { timeout: 90_000 }).catch(() => {});
    pages[kind] = page;
  }));
});

after(async () => {
  await session?.close();
});

/** What a user sees of the table and the chart, plus their normalized markup. */
function snapshot(page) {
  return page.evaluate(() => {
    const chart = document.getElementById("chart");
    const norm = (el) => el.outerHTML.replace(/>\s+</g, "><");
    return {
      rows: [...document.querySelectorAll("#rows tr")].map((tr) => [...tr.cells].map((td) => td.textContent)),
      missing: [...document.querySelectorAll("#rows td.missing")].length,
      sort: [...document.querySelectorAll("#head th")].map((th) => `${th.dataset.key}:${th.getAttribute("aria-sort")}`),
      status: document.getElementById("status").textContent,
      height: chart.getAttribute("height"),
      bars: [...chart.querySelectorAll("g.bar")].map((g) => ({
        id: g.dataset.id,
        label: g.querySelector(".label").textContent,
        width: Number(g.querySelector("rect").getAttribute("width")),
        y: Number(g.querySelector("rect").getAttribute("y")),
        fill: g.querySelector("rect").getAttribute("fill"),
        value: g.querySelector(".value").textContent,
      })),
      empty: chart.querySelector(".empty")?.textContent ?? null,
      html: norm(document.getElementById("cities")) + norm(chart),
    };
  });
}

/** Do `action` on both pages, wait until each rendered again, and compare the two. */
async function step(action, { renders = 1 } = {}) {
  const shots = {};
  await Promise.all(KINDS.map(async (kind) => {
    const page = pages[kind];
    assert.ok(page, `${kind}: the page never said it was ready; console: ${errors[kind].join(" | ")}`);
    const before = Number(await page.evaluate(() => document.body.dataset.renders));
    await action(page, kind);
    await page.waitForFunction((n) => Number(document.body.dataset.renders) >= n, before + renders, { timeout: 10_000 });
    shots[kind] = await snapshot(page);
  }));
  for (const kind of KINDS) assert.deepEqual(errors[kind], [], `${kind}: console errors`);
  assert.deepEqual(shots.mpy, shots.py, "py and mpy show the same table and chart");
  return shots.py;
}

const cities = (shot) => shot.rows.map((cells) => cells[0]);

/** Bars: one per row, in the table's order, widths proportional to the population. */
function checkBars(shot) {
  const names = cities(shot);
  assert.deepEqual(shot.bars.map((bar) => bar.label), names);
  assert.deepEqual(shot.bars.map((bar) => bar.id), shot.rows.map((cells) => cells[5]));
  const top = Math.max(...names.map((name) => POPULATION[name]));
  assert.deepEqual(shot.bars.map((bar) => bar.width), names.map((name) => Math.max(1, Math.floor((POPULATION[name] * 420) / top))));
  assert.deepEqual(shot.bars.map((bar) => bar.y), names.map((_, i) => 24 * i + 4));
  assert.equal(shot.height, String(24 * names.length + 8));
}

test("the app starts on both interpreters, from data.json", async () => {
  for (const kind of KINDS) {
    assert.ok(pages[kind], `${kind}: not ready; console: ${errors[kind].join(" | ")}`);
    const badge = await pages[kind].textContent("#interpreter");
    assert.match(badge, kind === "py" ? /^Pyodide/ : /^MicroPython/);
  }
  const shot = await step(async () => {}, { renders: 0 });
  assert.equal(shot.rows.length, 12);
  assert.equal(shot.status, "Showing 12 of 12 cities · 35.9M people");
  assert.deepEqual(cities(shot), ["Auckland", "Kraków", "Kyoto", "Lima", "Lisbon", "Montréal", "Nairobi", "Oslo",
    "Reykjavík", "Rome", "São Paulo", "Tromsø"]);
  assert.deepEqual(shot.sort, ["city:ascending", "country:none", "population:none", "area:none", "founded:none", "id:none"]);
  // Big ids exact, null and absent values as "—", negative years, Intl formatting.
  assert.deepEqual(shot.rows[0], ["Auckland", "New Zealand", "1,693,000", "—", "1840", "1234567890132"]);
  assert.deepEqual(shot.rows[1], ["Kraków", "Poland", "804,237", "326.8", "—", "1234567890133"]);
  assert.deepEqual(shot.rows[9], ["Rome", "Italy", "2,748,109", "1,285", "753 BC", "1234567890126"]);
  assert.equal(shot.missing, 3);
  checkBars(shot);
  assert.equal(shot.bars[10].width, 420, "São Paulo is the longest bar");
  assert.equal(shot.bars[10].value, "11.5M");
});

test("typing in the filter box", async () => {
  // Case-insensitive beyond ASCII on both (JavaScript's toLowerCase: MicroPython's str.lower() folds ASCII only).
  let shot = await step((page) => page.fill("#filter", "SÃO"));
  assert.deepEqual(shot.rows, [["São Paulo", "Brazil", "11,451,999", "1,521.2", "1554", "1234567890130"]]);
  checkBars(shot);
  assert.equal(shot.bars[0].width, 420);
  shot = await step((page) => page.fill("#filter", "an"));
  assert.deepEqual(cities(shot), ["Auckland", "Kraków", "Kyoto", "Montréal", "Reykjavík"]);
  assert.equal(shot.status, "Showing 5 of 12 cities · 5.9M people");
  checkBars(shot);
});

test("clicking a column header sorts, clicking again sorts descending", async () => {
  let shot = await step((page) => page.click("#head th[data-key=population]"));
  assert.deepEqual(cities(shot), ["Reykjavík", "Kraków", "Kyoto", "Auckland", "Montréal"]);
  assert.deepEqual(shot.sort.slice(0, 3), ["city:none", "country:none", "population:ascending"]);
  checkBars(shot);
  shot = await step((page) => page.click("#head th[data-key=population]"));
  assert.deepEqual(cities(shot), ["Montréal", "Auckland", "Kyoto", "Kraków", "Reykjavík"]);
  assert.equal(shot.sort[2], "population:descending");
  checkBars(shot);
});

test("missing values sort last in both directions", async () => {
  let shot = await step((page) => page.click("#head th[data-key=area]"));
  assert.deepEqual(cities(shot), ["Reykjavík", "Kraków", "Montréal", "Kyoto", "Auckland"]);
  shot = await step((page) => page.click("#head th[data-key=area]"));
  assert.deepEqual(cities(shot), ["Kyoto", "Montréal", "Kraków", "Reykjavík", "Auckland"]);
  assert.equal(shot.sort[3], "area:descending");
  for (const kind of KINDS) {
    const saved = await pages[kind].evaluate(() => localStorage.getItem("pyscript-table/sort"));
    assert.equal(saved, '{"key":"area","desc":true}', `${kind}: the sort is kept in localStorage`);
  }
});

test("the form adds a row and posts it", async () => {
  const shot = await step(async (page) => {
    await page.fill("#new-city", "Gdańsk");
    await page.fill("#new-country", "Poland");
    await page.fill("#new-population", "486022");
    await page.fill("#new-founded", "997");
    await page.click("#add");
  });
  // A new id beyond 32 bits; an empty area is None, sorted last with Auckland (by id).
  assert.deepEqual(cities(shot), ["Kyoto", "Montréal", "Kraków", "Reykjavík", "Auckland", "Gdańsk"]);
  assert.deepEqual(shot.rows[5], ["Gdańsk", "Poland", "486,022", "—", "997", "1234567890135"]);
  assert.equal(shot.status, "Showing 6 of 13 cities · 6.3M people");
  checkBars(shot);
  for (const kind of KINDS) {
    const page = pages[kind];
    await page.waitForFunction(() => !document.getElementById("toast").hidden, null, { timeout: 10_000 });
    assert.equal(await page.textContent("#toast"), "Added Gdańsk (id 1234567890135); the server says stored = True.");
    assert.equal(await page.inputValue("#new-city"), "", `${kind}: the form was reset`);
    assert.equal(posts[kind].length, 1, `${kind}: one POST`);
    const request = posts[kind][0];
    assert.match(request.url(), /\/examples\/pyscript-table\/api\/rows\.json$/);
    assert.equal(request.headers()["content-type"], "application/json");
    assert.deepEqual(JSON.parse(request.postData()), {
      id: 1234567890135, city: "Gdańsk", country: "Poland", population: 486022, area: null, founded: 997,
    });
    assert.match(request.postData(), /"id":1234567890135\b/);
  }
});

test("a filter matching nothing, then Esc clears it (a listener added with ffi.create_proxy)", async () => {
  let shot = await step((page) => page.fill("#filter", "xyz"));
  assert.deepEqual(shot.rows, []);
  assert.deepEqual(shot.bars, []);
  assert.equal(shot.empty, "No city matches the filter.");
  assert.equal(shot.status, "Showing 0 of 13 cities · 0 people");
  shot = await step((page) => page.press("#filter", "Escape"));
  assert.equal(shot.rows.length, 13);
  assert.deepEqual(cities(shot), ["Lima", "Tromsø", "São Paulo", "Rome", "Kyoto", "Nairobi", "Oslo", "Montréal",
    "Kraków", "Reykjavík", "Lisbon", "Auckland", "Gdańsk"]);
  assert.equal(shot.status, "Showing 13 of 13 cities · 36.4M people");
  checkBars(shot);
  await mkdir(TARGET, { recursive: true });
  for (const kind of KINDS) {
    assert.equal(await pages[kind].inputValue("#filter"), "");
    await pages[kind].screenshot({ path: new URL(`example-app-${kind}.png`, TARGET).pathname, fullPage: true });
  }
});

test("no console errors on either page", () => {
  assert.deepEqual(errors, { py: [], mpy: [] });
});
