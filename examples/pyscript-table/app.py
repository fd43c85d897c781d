# A sortable, filterable table of cities, a bar chart of the rows shown, and a form that
# adds (and posts) a row. The same file runs as <script type="py"> (Pyodide) and as
# <script type="mpy"> (MicroPython): index.html?py or index.html?mpy.
import asyncio
import sys

from pyscript import document, ffi, web, when, window
from pyscript.web import page

started = window.Date.now()  # milliseconds: beyond 32 bits, exact on both interpreters
KIND = "mpy" if sys.implementation.name == "micropython" else "py"
SORT_KEY = "pyscript-table/sort"  # localStorage key
SVG = "http://www.w3.org/2000/svg"
PALETTE = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#ff9da6", "#9d755d", "#bab0ac", "#eeca3b"]

# (key, label, numeric?)
COLUMNS = [
    ("city", "City", False),
    ("country", "Country", False),
    ("population", "Population", True),
    ("area", "Area (km²)", True),
    ("founded", "Founded", True),
    ("id", "ID", True),
]
KEYS = [key for key, _, _ in COLUMNS]

# JavaScript does the locale-aware work.
collator = window.Intl.Collator.new("en", sensitivity="base")
number = window.Intl.NumberFormat.new("en-US")
decimal = window.Intl.NumberFormat.new("en-US", maximumFractionDigits=1)
compact = window.Intl.NumberFormat.new("en-US", notation="compact", maximumFractionDigits=1)
to_lower = window.String.prototype.toLowerCase  # MicroPython's str.lower() folds ASCII only

rows = []
search = {}  # row id -> its city and country in lower case, for the filter
state = {"sort": "city", "desc": False, "filter": "", "renders": 0, "toast": None}
tasks = set()


def fold(text):
    return to_lower.call(text)


def add_row(row):
    rows.append(row)
    search[row["id"]] = fold(row["city"] + "\n" + row["country"])


def cell_text(key, value):
    if value is None:
        return "—"
    if key == "population":
        return number.format(value)
    if key == "area":
        return decimal.format(value)
    if key == "founded":
        return str(-value) + " BC" if value < 0 else str(value)
    return str(value)


def compare(a, b):
    """Array.prototype.sort's comparator (JavaScript calls it): a and b are row indexes."""
    left, right = rows[a], rows[b]
    x, y = left[state["sort"]], right[state["sort"]]
    if x is None or y is None:  # missing values last, in either direction
        order = (x is None) - (y is None)
    else:
        order = collator.compare(x, y) if isinstance(x, str) else (x > y) - (x < y)
        if state["desc"]:
            order = -order
    return order or (left["id"] > right["id"]) - (left["id"] < right["id"])


def visible_rows():
    needle = fold(state["filter"].strip())
    order = window.Array.from_(list(range(len(rows)))).sort(compare)
    shown = [rows[i] for i in order]
    if needle:
        shown = [row for row in shown if needle in search[row["id"]]]
    return shown


def svg(tag, attributes, text=None):
    element = document.createElementNS(SVG, tag)
    for name, value in attributes:
        element.setAttribute(name, value)
    if text is not None:
        element.textContent = text
    return element


def draw_chart(shown):
    chart = document.getElementById("chart")
    chart.replaceChildren()
    if not shown:
        chart.setAttribute("height", 40)
        chart.appendChild(svg("text", [("x", 12), ("y", 26), ("class", "empty")], "No city matches the filter."))
        return
    countries = sorted(set(row["country"] for row in rows))
    top = max(row["population"] for row in shown)
    chart.setAttribute("height", 24 * len(shown) + 8)
    for i, row in enumerate(shown):
        y = 24 * i + 4
        width = max(1, row["population"] * 420 // top)
        colour = PALETTE[countries.index(row["country"]) % len(PALETTE)]
        bar = svg("g", [("class", "bar"), ("data-id", row["id"])])
        bar.appendChild(svg("text", [("x", 122), ("y", y + 13), ("class", "label")], row["city"]))
        bar.appendChild(svg("rect", [("x", 130), ("y", y), ("width", width), ("height", 18), ("rx", 3), ("fill", colour)]))
        bar.appendChild(svg("text", [("x", 136 + width), ("y", y + 13), ("class", "value")], compact.format(row["population"])))
        chart.appendChild(bar)


def render():
    shown = visible_rows()
    body = page["rows"]
    body.innerHTML = ""
    for row in shown:
        cells = []
        for key, _, numeric in COLUMNS:
            value = row[key]
            classes = (["num"] if numeric else []) + (["missing"] if value is None else [])
            cells.append(web.td(textContent=cell_text(key, value), classes=classes))
        body.append(web.tr(*cells))
    for th in page.find("#head th"):
        key = th.dataset.key
        th.setAttribute("aria-sort", ("descending" if state["desc"] else "ascending") if key == state["sort"] else "none")
    draw_chart(shown)
    # len() of a NodeList, through the document view.
    count = len(document.querySelectorAll("#rows tr"))
    total = sum(row["population"] for row in shown)
    page["status"].textContent = "Showing " + str(count) + " of " + str(len(rows)) + " cities · " + compact.format(total) + " people"
    state["renders"] += 1
    document.body.dataset.renders = state["renders"]


def toast(message, kind="ok"):
    element = page["toast"]
    element.textContent = message
    element.className = "toast " + kind
    element.hidden = False
    if state["toast"] is not None:
        window.clearTimeout(state["toast"])
    state["toast"] = window.setTimeout(hide_toast, 6000)  # a Python callback JavaScript calls


def hide_toast():
    state["toast"] = None
    page["toast"].hidden = True


def build_header():
    head = page["head"]
    for key, label, numeric in COLUMNS:
        th = web.th(web.span(textContent=label), web.span(classes=["arrow"]), classes=["sortable"] + (["num"] if numeric else []))
        th.dataset.key = key
        th.setAttribute("scope", "col")
        th.setAttribute("title", "Sort by " + label.lower())
        head.append(th)

    @when("click", page.find("#head th"))
    def on_sort(event):
        key = event.currentTarget.dataset.key
        if key == state["sort"]:
            state["desc"] = not state["desc"]
        else:
            state["sort"], state["desc"] = key, False
        window.localStorage.setItem(SORT_KEY, window.JSON.stringify({"key": state["sort"], "desc": state["desc"]}))
        render()


def restore_sort():
    saved = window.localStorage.getItem(SORT_KEY)  # None when nothing was saved
    if saved is None:
        return
    try:
        choice = window.JSON.parse(saved)
        if choice.key in KEYS:
            state["sort"], state["desc"] = choice.key, bool(choice.desc)
    except (ffi.JsException, AttributeError):
        pass


@when("input", "#filter")
def on_filter(event):
    state["filter"] = event.target.value
    render()


def on_key(event):
    # Called by JavaScript through a listener added with ffi.create_proxy: `event` is a view.
    if event.key == "Escape" and page["filter"].value:
        page["filter"].value = ""
        state["filter"] = ""
        render()


document.addEventListener("keydown", ffi.create_proxy(on_key))


def number_or_none(text, kind):
    text = text.strip()
    return kind(text) if text else None


@when("submit", "#add-form")
def on_submit(event):
    event.preventDefault()  # before anything else: no navigation
    try:
        row = {
            "id": max(row["id"] for row in rows) + 1,
            "city": page["new-city"].value.strip(),
            "country": page["new-country"].value.strip(),
            "population": number_or_none(page["new-population"].value, int),
            "area": number_or_none(page["new-area"].value, float),
            "founded": number_or_none(page["new-founded"].value, int),
        }
    except ValueError:
        toast("Population and founded must be whole numbers.", "error")
        return
    if not row["city"] or not row["country"] or row["population"] is None:
        toast("City, country and population are needed.", "error")
        return
    add_row(row)
    page["add-form"].reset()
    render()
    task = asyncio.create_task(post(row))
    tasks.add(task)


async def post(row):
    # fetch options as a Python dict: they reach JavaScript as a plain object (None -> null).
    options = {"method": "POST", "headers": {"Content-Type": "application/json"}, "body": window.JSON.stringify(row)}
    try:
        response = await window.fetch("./api/rows.json", options)
        if response.ok:
            answer = await response.json()
            stored = answer.stored if "stored" in answer else None
            toast("Added " + row["city"] + " (id " + str(row["id"]) + "); the server says stored = " + str(stored) + ".")
        else:
            toast("Added " + row["city"] + " here; the server answered HTTP " + str(response.status) + ".", "warn")
    except ffi.JsException as error:
        toast("Added " + row["city"] + " here; posting failed: " + str(error.message), "warn")
    finally:
        for task in list(tasks):
            if task.done():
                tasks.discard(task)


async def main():
    response = await window.fetch("./data.json", ffi.to_js({"cache": "no-store"}))
    data = await response.json()  # a view of the parsed JSON
    for item in data.rows:
        # ids beyond 32 bits stay exact; null and absent keys are both None
        add_row({key: getattr(item, key, None) for key in KEYS})
    page["cities"].setAttribute("aria-label", data.title)
    build_header()
    restore_sort()
    render()
    version = ".".join(str(part) for part in sys.implementation.version[:3])
    name = ("MicroPython " if KIND == "mpy" else "Pyodide · CPython ") + version
    page["interpreter"].textContent = name
    page.title = data.title + " · " + name
    page["filter"].disabled = False
    page["add"].disabled = False
    loaded = window.Date.now() - started
    page["footer"].textContent = (
        str(len(rows)) + " rows from data.json (" + data.source + ") · ready in " + str(loaded) + " ms at "
        + window.Date.new().toLocaleTimeString("en-GB")
    )
    document.body.dataset.ready = KIND


await main()
