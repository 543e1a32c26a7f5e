// The journeys of a family and of an agency worker on a 390 px phone and a 1280 px screen, in
// English, Traditional Chinese, Urdu (right to left) and Somali: nothing wider than the window,
// a compact header on the phone, names and codes isolated from right-to-left text, every page
// under 150 KB of HTML, and no serious or critical axe finding. Screenshots of each page at
// both widths go to SCREENSHOT_DIR.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, axe, newPage, shot, signIn } from "../support.mjs";

const LANGS = ["en", "zh-Hant", "ur", "so"];
const WIDTHS = [390, 1280];

async function check(page, label, width) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${label}: ${overflow}px wider than the window`);
  if (width < 600) {
    const header = await page.locator("header.site").boundingBox();
    const height = page.viewportSize().height;
    assert.ok(header.height <= height * 0.25, `${label}: the header takes ${Math.round(100 * header.height / height)}% of the screen`);
  }
  await axe(page, label);
}

async function visit(page, path, label, width) {
  const response = await page.goto(`${BASE}${path}`);
  const html = await response.text();
  assert.ok(html.length < 150 * 1024, `${label}: ${html.length} bytes of HTML`);
  await check(page, label, width);
  await shot(page, `journey-${label.replace(/[^a-zA-Z0-9-]+/g, "-")}`);
}

for (const width of WIDTHS) {
  for (const lang of LANGS) {
    test(`a family's journey at ${width} px in ${lang}`, async () => {
      const page = await newPage({ viewport: { width, height: width < 600 ? 844 : 900 }, isMobile: width < 600 });
      const results = `/find?postcode=M13+0EG&km=10&service=personal_care&language=yue&lang=${lang}`;
      await visit(page, `/find?lang=${lang}`, `find-${lang}-${width}`, width);
      await visit(page, results, `results-${lang}-${width}`, width);
      // The search in words and "change search" come before the first result.
      const order = await page.evaluate(() => {
        const summary = document.querySelector(".search-summary");
        const card = document.querySelector("article.card");
        return summary && card ? summary.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
      });
      assert.ok(order, `${lang}: the summary precedes the results`);
      // The results on a map, opened and used by keyboard: one numbered marker per card, and
      // Enter on a marker goes to its card in the list.
      await page.focus(".results-map > summary");
      await page.keyboard.press("Enter");
      await page.waitForSelector("#results-map[data-drawn]");
      const drawn = await page.getAttribute("#results-map", "data-drawn");
      assert.equal(Number(drawn), await page.locator("article.card").count(), `${lang}: markers`);
      await page.focus("#results-map path[tabindex='0']");
      await page.keyboard.press("Enter");
      assert.match(await page.evaluate(() => window.location.hash), /^#[cp][0-9]+$/);
      await check(page, `results-map-${lang}-${width}`, width);
      await shot(page, `journey-results-map-${lang}-${width}`, "#results-map");
      // Names are isolated from the page's direction.
      assert.ok(await page.locator("article.card h3 bdi").count() > 0, "names in <bdi>");
      const profile = await page.getAttribute("article.card h3 a", "href");
      await visit(page, `${profile}?lang=${lang}`, `profile-${lang}-${width}`, width);
      assert.equal(await page.getAttribute("blockquote.bio", "dir"), "auto");
      const id = profile.split("/").pop();
      await visit(page, `/shortlist?s=c${id}&lang=${lang}`, `shortlist-${lang}-${width}`, width);
      await visit(page, `/help/family-as-pa?lang=${lang}`, `help-${lang}-${width}`, width);
      await visit(page, `/find/vacancy?lang=${lang}`, `vacancy-${lang}-${width}`, width);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
}

test("the agency console on a phone: PAs as cards, no sideways scrolling", async () => {
  const key = process.env.CAREMATCH_AGENCY_KEY;
  assert.ok(key, "CAREMATCH_AGENCY_KEY is set");
  for (const lang of LANGS) {
    const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(page, key, `/agency?lang=${lang}`);
    await page.waitForSelector("table.cards-on-phone");
    await check(page, `agency-${lang}-390`, 390);
    // One card a PA: rows are blocks, the header row is for screen readers only.
    const display = await page.evaluate(() => getComputedStyle(document.querySelector("table.cards-on-phone tbody tr")).display);
    assert.equal(display, "block");
    await shot(page, `journey-agency-${lang}-390`, "#carers-title");
    await page.context().close();
  }
});
