// carematch's pages in a real browser: Debian's Chromium, headless, driven by playwright-core.
// Started by .ci/browser, which runs a server over the demo data and passes:
//   CAREMATCH_URL, CAREMATCH_AGENCY_KEY, CAREMATCH_COMMISSIONER_KEY, SCREENSHOT_DIR
// Every page is checked with axe-core (WCAG 2.2 A and AA rules): no serious or critical finding.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { BASE, SHOTS, axe, browser, newPage, shot, signIn, tabTo } from "../support.mjs";

test("find -> shortlist -> print, by keyboard alone", async () => {
  const page = await newPage();
  await page.goto(`${BASE}/find`);
  await axe(page, "find form");
  await shot(page, "find");
  // The skip link is the first stop.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip");
  await tabTo(page, "#postcode");
  await page.keyboard.type("M13 0EG");
  await tabTo(page, "#language-yue");
  await page.keyboard.press("Space");
  await tabTo(page, "#cuisine-cantonese");
  await page.keyboard.press("Space");
  await tabTo(page, "form.find button[type=submit]");
  await Promise.all([page.waitForURL(/postcode=M13/), page.keyboard.press("Enter")]);
  await page.waitForSelector("article.card");
  const reasons = await page.textContent("ol.cards");
  assert.match(reasons, /speaks Cantonese/);
  await axe(page, "results");
  await shot(page, "results");

  await tabTo(page, "form.shortlist button");
  const name = await page.evaluate(() => document.activeElement.closest("article").querySelector("h3").textContent);
  await Promise.all([page.waitForLoadState("load"), page.keyboard.press("Enter")]);
  await page.waitForSelector("text=On your shortlist");
  assert.match(await page.textContent("header.site"), /\(1\)/);

  await tabTo(page, 'header.site a[href="/shortlist"]');
  await Promise.all([page.waitForURL(/\/shortlist/), page.keyboard.press("Enter")]);
  assert.match(await page.textContent("main"), new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  assert.match(await page.textContent("main"), /Questions to ask the agency/);
  await axe(page, "shortlist");
  await shot(page, "shortlist");
  // The shareable link reproduces the list in a browser with no cookies.
  const share = await page.getAttribute("#share-link", "href");
  const other = await newPage();
  await other.goto(`${BASE}${share}`);
  assert.match(await other.textContent("main"), /Questions to ask the agency/);
  await other.context().close();

  // Print: navigation and buttons gone, every card on A4 paper.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible("header.site"), false);
  assert.equal(await page.isVisible("form.shortlist"), false);
  const pdf = await page.pdf({ format: "A4" });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 2, `one entry prints on ${pages} page(s)`);
  writeFileSync(`${SHOTS}/shortlist-print.pdf`, pdf);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("Urdu is laid out right to left; every language gets lang and dir", async () => {
  const page = await newPage();
  await page.goto(`${BASE}/find?lang=ur`);
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.equal(await page.getAttribute("html", "lang"), "ur");
  const width = page.viewportSize().width;
  const brand = await page.locator(".brand").boundingBox();
  const label = await page.locator('label[for="postcode"]').boundingBox();
  assert.ok(brand.x + brand.width > width * 0.6, "the brand starts on the right");
  assert.ok(label.x + label.width > width * 0.6, "labels are on the right");
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), "rtl");
  await axe(page, "find (Urdu)");
  await shot(page, "find-urdu");
  for (const [tag, dir] of [["zh-Hant", "ltr"], ["zh-Hans", "ltr"], ["pa", "ltr"], ["bn", "ltr"], ["gu", "ltr"], ["so", "ltr"], ["pl", "ltr"]]) {
    await page.goto(`${BASE}/find?lang=${tag}&postcode=M13+0EG&language=yue`);
    assert.equal(await page.getAttribute("html", "lang"), tag);
    assert.equal(await page.getAttribute("html", "dir"), dir);
    // Text still fits: nothing wider than the window.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${tag}: page is ${overflow}px wider than the window`);
    await axe(page, `results (${tag})`);
  }
  await page.goto(`${BASE}/find?lang=zh-Hant&postcode=M13+0EG&language=yue&cuisine=cantonese`);
  await shot(page, "results-zh-hant");
  await page.context().close();
});

test("agency console: find PAs with contacts, upload a register, see the row report", async () => {
  const key = process.env.CAREMATCH_AGENCY_KEY;
  assert.ok(key, "CAREMATCH_AGENCY_KEY is set");
  const page = await newPage();
  await signIn(page, key, "/agency");
  await page.waitForSelector("text=Agency console");
  await axe(page, "agency console");
  await shot(page, "agency", "#carers-title");

  const good = "external_ref,given_name,family_name,gender,languages,services,hours_per_week,available_from,postcode,travel_radius_km,travel_mode,hourly_rate,employment_status,public_listing_consent,last_confirmed_on\n" +
    "BROWSER-1,Wing,Chan,female,yue:native;eng:fluent,personal_care;meal_preparation,16,2026-12-01,M13 0EG,8,public_transport,13.50,self_employed,yes,2026-11-01\n";
  const bad = good + "BROWSER-2,Ali,Khan,male,xx:native,personal_care,10,2026-12-01,M13 0EG,8,car,12.00,self_employed,yes,2026-11-01\n";
  await page.setInputFiles("#register", { name: "register.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await Promise.all([page.waitForURL(/\/agency\/import/), page.click("form[enctype] button[type=submit]")]);
  const report = await page.textContent("#upload-report");
  assert.match(report, /Nothing was imported/);
  assert.equal(await page.textContent("#upload-report tbody td"), "3");
  await axe(page, "upload report");
  await shot(page, "agency-upload-report", "#upload-title");
  await page.setInputFiles("#register", { name: "register.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await Promise.all([page.waitForURL(/\/agency\/import/), page.click("form[enctype] button[type=submit]")]);
  assert.match(await page.textContent("#upload-report"), /One PA was imported/);

  await page.goto(`${BASE}/agency?postcode=M13+0EG&km=8&language=yue`);
  assert.match(await page.textContent("ol.cards"), /Wing Chan/);
  await axe(page, "agency results");
  await page.context().close();
});

test("commissioner map: coloured authorities, sortable table, downloads", async () => {
  const key = process.env.CAREMATCH_COMMISSIONER_KEY;
  assert.ok(key, "CAREMATCH_COMMISSIONER_KEY is set");
  const page = await newPage();
  await signIn(page, key, "/commissioner");
  await page.selectOption("#need", "language:yue");
  await Promise.all([page.waitForURL(/need=language/), page.click("form.map-picker button")]);
  // The interactive map (Leaflet) replaces the server's SVG once it has drawn the areas
  // (tests/commissioner.test.js drives it by keyboard).
  await page.waitForSelector('#map-widget[data-ready="true"]');
  const fills = await page.$$eval("#gap-map path.gap-area", (paths) => new Set(paths.map((p) => p.getAttribute("fill"))).size);
  assert.ok(fills >= 2, "areas are coloured by severity");
  await axe(page, "map");
  await shot(page, "commissioner-map", "#map-widget");
  await Promise.all([page.waitForURL(/sort=area/), page.click('#gap-table a[href*="sort=area"]')]);
  const names = await page.$$eval("#gap-table tbody th", (cells) => cells.map((c) => c.textContent));
  assert.deepEqual(names, [...names].sort());
  const csv = await page.evaluate(async (href) => (await fetch(href)).text(), await page.getAttribute('a[href^="/commissioner/gaps.csv"]', "href"));
  assert.match(csv, /^(#[^\n]*\n)*code,name,/);
  await page.context().close();
});

/** A page under the site's real content security policy (not bypassed), recording violations. */
async function strictPage() {
  const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.violations = [];
  page.on("console", (m) => { if (/Content.Security.Policy/i.test(m.text())) page.violations.push(m.text()); });
  page.on("pageerror", (e) => page.violations.push(String(e)));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return page;
}

test("the Swagger UI works under its content security policy", async () => {
  const page = await strictPage();
  const response = await page.goto(`${BASE}/docs/`);
  assert.match(response.headers()["content-security-policy"], /default-src 'none'/);
  await page.waitForSelector(".opblock-tag", { timeout: 60000 });
  // Open an operation, try it, and see the answer: the UI's fetch is allowed (`connect-src`).
  const health = page.locator('.opblock-summary:has-text("/v1/health")').first();
  await health.click();
  await page.click(".opblock.is-open .try-out__btn");
  await page.click(".opblock.is-open .execute");
  const status = ".opblock.is-open .live-responses-table tbody .response-col_status";
  await page.waitForSelector(status, { timeout: 30000 });
  assert.match(await page.textContent(status), /200/);
  // The answer, syntax-highlighted.
  assert.ok(await page.isVisible(".opblock.is-open .highlight-code, .opblock.is-open .microlight"));
  await shot(page, "docs");
  // An operation with a request body (its example and schema views), and the schemas section.
  await page.locator('.opblock-summary:has-text("/v1/matches")').first().click();
  await page.waitForSelector(".opblock-post.is-open .body-param__example, .opblock-post.is-open .opblock-section-request-body");
  await page.locator(".opblock-post.is-open .tablinks", { hasText: "Schema" }).first().click();
  if (!(await page.isVisible("section.models.is-open"))) await page.locator(".models-control").click();
  // OpenAPI 3.1: schemas are drawn by the JSON Schema 2020-12 plugin; open the first one.
  await page.locator("section.models.is-open .json-schema-2020-12-accordion").first().click();
  await page.waitForSelector("section.models.is-open .json-schema-2020-12-body");
  assert.deepEqual(page.violations, []);
  await page.context().close();
});

test("forms work from our pages under our policy; another site's posts are refused", async () => {
  const page = await strictPage();
  await page.goto(`${BASE}/find?postcode=M13+0EG&km=8&language=yue`);
  await page.waitForSelector("form.shortlist button");
  const item = await page.getAttribute("form.shortlist input[name=item]", "value");
  const token = await page.getAttribute("form.shortlist input[name=csrf]", "value");
  await Promise.all([page.waitForLoadState("load"), page.click("form.shortlist button")]);
  await page.waitForSelector("text=On your shortlist");
  const listed = async () => (await page.context().cookies()).find((c) => c.name === "carematch_shortlist")?.value ?? "";
  assert.equal(await listed(), item);

  // Another site's page posts to us, even with the right token (had it leaked): refused, and
  // the shortlist is as it was.
  const evil = "http://evil.test";
  const autoPost = (action, fields) => `<!doctype html><title>evil</title><form method="post" action="${BASE}${action}">` +
    Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${k}" value="${v}">`).join("") +
    `</form><script>document.forms[0].submit()</script>`;
  await page.context().route(`${evil}/**`, (route) => route.fulfill({ contentType: "text/html", body: route.request().url().endsWith("/remove")
    ? autoPost("/shortlist/remove", { item, csrf: token, back: "/shortlist" })
    : autoPost("/logout", { csrf: token }) }));
  const [refusal] = await Promise.all([
    page.waitForResponse((r) => r.url() === `${BASE}/shortlist/remove`),
    page.goto(`${evil}/remove`),
  ]);
  assert.equal(refusal.status(), 403);
  await page.waitForSelector("text=This form could not be accepted");
  assert.equal(await listed(), item, "the shortlist is unchanged");

  // Signed in: another site cannot sign the person out; the console's own button can.
  const key = process.env.CAREMATCH_AGENCY_KEY;
  await page.goto(`${BASE}/agency`);
  await page.waitForURL(/\/login/);
  await page.fill("#key", key);
  await Promise.all([page.waitForURL(/\/agency\?/), page.press("#key", "Enter")]);
  const [out] = await Promise.all([
    page.waitForResponse((r) => r.url() === `${BASE}/logout`),
    page.goto(`${evil}/logout`),
  ]);
  assert.equal(out.status(), 403);
  await page.goto(`${BASE}/agency`);
  await page.waitForSelector("text=Agency console");
  await Promise.all([page.waitForURL(/\/find/), page.click('form[action="/logout"] button')]);
  await page.goto(`${BASE}/agency`);
  await page.waitForURL(/\/login/);
  assert.deepEqual(page.violations, []);
  await page.context().close();
});
