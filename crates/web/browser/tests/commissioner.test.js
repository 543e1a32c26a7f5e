// The commissioner's interactive gap map, by keyboard alone, in English and Traditional Chinese
// at 1280 px and 390 px: focus the map, zoom with +, pan with the arrows, reach an area (under
// the map's cross, and from the table's "Show on map") and read its details, Escape clears;
// the table's headers stay in view when it scrolls; axe-core finds nothing serious; the page
// is under 150 KB. Screenshots: SCREENSHOT_DIR/commissioner-map-<lang>-<width>.png (copied to
// docs/img). Needs the demo's open data (.ci/browser imports fixtures/open-data/demo).
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, SHOTS, axe, browser, newPage, signIn, tabTo } from "../support.mjs";

const CASES = [
  { lang: "en", width: 1280 }, { lang: "en", width: 390 },
  { lang: "zh-Hant", width: 1280 }, { lang: "zh-Hant", width: 390 },
];

async function attribute(page, selector, name) {
  return page.evaluate(([s, n]) => document.querySelector(s)?.getAttribute(n), [selector, name]);
}

/** Waits until the attribute differs from `before`. */
async function changed(page, selector, name, before) {
  await page.waitForFunction(([s, n, b]) => document.querySelector(s)?.getAttribute(n) !== b, [selector, name, before]);
  return attribute(page, selector, name);
}

for (const { lang, width } of CASES) {
  test(`commissioner map by keyboard, ${lang} at ${width} px`, async () => {
    const key = process.env.CAREMATCH_COMMISSIONER_KEY;
    assert.ok(key, "CAREMATCH_COMMISSIONER_KEY is set");
    const page = await newPage({ viewport: { width, height: width < 600 ? 844 : 900 } });
    const path = `/commissioner?need=language%3Ayue&max_km=10&lang=${lang}`;
    await signIn(page, key, path);
    await page.waitForSelector('#map-widget[data-ready="true"]');
    assert.equal(await page.isVisible("#map-fallback"), false, "the SVG gives way to the interactive map");
    const areas = await page.$$eval("#gap-map path.gap-area", (paths) => paths.length);
    assert.ok(areas >= 40, `${areas} areas drawn`);

    // Title, legend and caveats in plain words in the page's language.
    const title = await page.textContent("#map-title");
    assert.doesNotMatch(title, /language:/);
    assert.match(title, lang === "en" ? /^Cantonese speakers: carers and services within 10 km$/ : /公里內的護理員和服務/);
    assert.ok(await page.isVisible("ul.legend"));
    assert.ok((await page.$$eval("#map-caveats li", (items) => items.length)) >= 1);
    const weight = await page.evaluate(async () => (await (await fetch(window.location.href)).text()).length);
    assert.ok(weight < 150 * 1024, `the page is ${weight} bytes`);

    // Zoom to London, then the map itself: + zooms, the arrows pan, the area under the cross
    // is described.
    await tabTo(page, "#zoom-london");
    const start = await attribute(page, "#gap-map", "data-center");
    await page.keyboard.press("Enter");
    await changed(page, "#gap-map", "data-center", start);
    await tabTo(page, "#gap-map");
    const zoom = Number(await attribute(page, "#gap-map", "data-zoom"));
    await page.keyboard.press("+");
    const zoomed = Number(await changed(page, "#gap-map", "data-zoom", String(zoom)));
    assert.ok(zoomed > zoom, `zoomed in from ${zoom} to ${zoomed}`);
    const before = await attribute(page, "#gap-map", "data-center");
    await page.keyboard.press("ArrowLeft");
    await changed(page, "#gap-map", "data-center", before);
    await page.waitForSelector("#details-body dl");
    const borough = await page.textContent("#details-body strong");
    assert.ok(borough.length > 0, "an area under the cross is described");
    await page.keyboard.press("Escape");
    await page.waitForSelector("#details-body dl", { state: "detached" });

    // The table as the list alternative: "Show on map" goes to Tower Hamlets and describes it;
    // Escape clears and returns to the button.
    const button = '#gap-table tr[data-code="E09000030"] button.show-on-map';
    await tabTo(page, button, 800);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("#details-body strong")?.textContent === "Tower Hamlets");
    assert.equal(await page.evaluate(() => document.activeElement.id), "gap-map");
    const details = await page.textContent("#details-body");
    assert.match(details, /954/, "Tower Hamlets' Cantonese speakers (Census 2021)");
    await page.evaluate(() => document.getElementById("map-keys").scrollIntoView());
    await page.screenshot({ path: `${SHOTS}/commissioner-map-${lang}-${width}.png`, fullPage: false });
    await axe(page, `commissioner map ${lang} ${width}`);
    await page.keyboard.press("Escape");
    assert.equal(await page.evaluate((s) => document.activeElement.matches(s), button), true);
    await page.waitForSelector("#details-body dl", { state: "detached" });

    // Sticky headers: the table scrolls inside its frame and its header row stays at the top.
    const offset = await page.evaluate(() => {
      const wrap = document.querySelector(".map-table .table-wrap");
      wrap.scrollTop = 400;
      const head = document.querySelector("#gap-table thead th").getBoundingClientRect();
      return { scrolled: wrap.scrollTop, gap: Math.abs(head.top - wrap.getBoundingClientRect().top) };
    });
    assert.ok(offset.scrolled > 0, "the table scrolls");
    assert.ok(offset.gap < 3, `the header stays in view (${offset.gap}px off)`);
    // No sideways scrolling on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test("the interactive map draws under the site's real content security policy", async () => {
  const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const violations = [];
  page.on("pageerror", (e) => violations.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") violations.push(m.text()); });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(`${BASE}/login?next=${encodeURIComponent("/commissioner?need=diet:halal&max_km=5")}`);
  await page.fill("#key", process.env.CAREMATCH_COMMISSIONER_KEY);
  await Promise.all([page.waitForURL(/\/commissioner\?/), page.press("#key", "Enter")]);
  await page.waitForSelector('#map-widget[data-ready="true"]');
  // The patterns are in place (Leaflet's SVG holds them) and the areas use them.
  assert.equal(await page.$$eval("#gap-map svg pattern", (p) => p.length), 2);
  assert.deepEqual(violations, []);
  await context.close();
});
