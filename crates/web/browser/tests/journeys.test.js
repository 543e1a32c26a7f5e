// Issue 19's remaining journeys, each in English, Traditional Chinese, Urdu and Somali at
// 390 px and 1280 px (phone.test.js has the family's search and the console's PA list):
// - enquiry: a family enquires about a PA (/enquire), gets its private status page, and the
//   agency that holds the PA finds the enquiry in its inbox;
// - vacancy: a person posts their needs as a vacancy (/find/vacancy) and opens its private
//   page; the agency's vacancies page;
// - the agency edits a PA (/agency/carers/{id}/edit): the form, a refused save with errors
//   beside the fields, then a good save back to the console;
// - the commissioner's PA market page.
// On every page: no serious or critical axe finding, nothing wider than the window, under
// 150 KB of HTML. Screenshots go to SCREENSHOT_DIR as journey-<page>-<lang>-<width>.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, axe, newPage, shot, signIn } from "../support.mjs";

const LANGS = ["en", "zh-Hant", "ur", "so"];
const WIDTHS = [390, 1280];
const KEYS = new Map((process.env.CAREMATCH_AGENCY_KEYS ?? "").split(",").filter(Boolean)
  .map((pair) => { const [id, key] = pair.split(":"); return [Number(id), key]; }));

function device(width) {
  return { viewport: { width, height: width < 600 ? 844 : 900 }, isMobile: width < 600 };
}

/** The checks every page of a journey passes, then its screenshot. */
async function check(page, label, html) {
  if (html !== undefined) assert.ok(html.length < 150 * 1024, `${label}: ${html.length} bytes of HTML`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${label}: ${overflow}px wider than the window`);
  await axe(page, label);
  await shot(page, `journey-${label}`);
}

/** Opens `path` and checks it. */
async function visit(page, path, label) {
  const response = await page.goto(`${BASE}${path}`);
  await check(page, label, await response.text());
}

/** Submits the form holding `button` and waits for the next page; returns its HTML. */
async function submit(page, button) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: "load" }),
    page.locator(button).first().click(),
  ]);
  return response ? await response.text() : await page.content();
}

/** A listed PA near Manchester from the results, and the agency holding it (by its name on the card). */
async function aPublicPa(page, lang) {
  const agencies = (await (await fetch(`${BASE}/v1/agencies?per_page=100`)).json()).items;
  await page.goto(`${BASE}/find?postcode=M13+0EG&km=10&language=yue&lang=${lang}`);
  const cards = await page.$$eval("article.card", (all) => all.map((c) => ({
    href: c.querySelector("h3 a")?.getAttribute("href") ?? "",
    agency: c.querySelector(".agency")?.textContent ?? "",
  })));
  for (const card of cards) {
    const agency = agencies.find((a) => card.agency.includes(a.name));
    if (card.href.startsWith("/carers/") && agency && KEYS.has(agency.id)) {
      return { id: card.href.split("/").pop(), agency };
    }
  }
  throw new Error("no result card names a PA of an agency we hold a key for");
}

for (const width of WIDTHS) {
  for (const lang of LANGS) {
    const tag = `${lang}-${width}`;

    test(`the enquiry journey at ${width} px in ${lang}`, async () => {
      const page = await newPage(device(width));
      const { id, agency } = await aPublicPa(page, lang);
      await visit(page, `/enquire?items=c${id}&lang=${lang}`, `enquire-${tag}`);
      const name = `Family ${tag}`;
      await page.fill("#name", name);
      await page.check('input[name="by"][value="email"]');
      await page.fill("#email", `family-${tag}@example.org`);
      await page.fill("#message", "Weekday mornings, please.");
      await page.check("#consent");
      const sent = await submit(page, 'form[action^="/enquire"] button[type="submit"]');
      await page.waitForSelector("#status-link");
      await check(page, `enquiry-sent-${tag}`, sent);
      const status = await page.getAttribute("#status-link", "href");
      await visit(page, `${status}${status.includes("?") ? "&" : "?"}lang=${lang}`, `enquiry-status-${tag}`);
      assert.match(await page.textContent("main"), new RegExp(agency.name));

      const desk = await newPage(device(width));
      await signIn(desk, KEYS.get(agency.id), `/agency/enquiries?lang=${lang}`);
      await check(desk, `inbox-${tag}`, await desk.content());
      const row = desk.locator("tbody tr", { hasText: name });
      await Promise.all([desk.waitForURL(/\/agency\/enquiries\/\d+/), row.locator("a").first().click()]);
      await check(desk, `inbox-enquiry-${tag}`, await desk.content());
      assert.deepEqual([...page.errors, ...desk.errors], []);
      await page.context().close();
      await desk.context().close();
    });

    test(`the vacancy journey at ${width} px in ${lang}`, async () => {
      const page = await newPage(device(width));
      await visit(page, `/find/vacancy?lang=${lang}`, `vacancy-post-${tag}`);
      await page.fill("#outward_code", "M13");
      await page.selectOption("#language", "yue");
      await page.check('input[name="services"][value="personal_care"]');
      const posted = await submit(page, 'form[action^="/find/vacancy"] button[type="submit"]');
      await page.waitForSelector("#private-link");
      await check(page, `vacancy-posted-${tag}`, posted);
      const link = await page.getAttribute("#private-link", "href");
      await visit(page, `${link}?lang=${lang}`, `vacancy-private-${tag}`);

      const desk = await newPage(device(width));
      const [, key] = [...KEYS.entries()][0];
      await signIn(desk, key, `/agency/vacancies?lang=${lang}`);
      await check(desk, `agency-vacancies-${tag}`, await desk.content());
      assert.deepEqual([...page.errors, ...desk.errors], []);
      await page.context().close();
      await desk.context().close();
    });

    test(`the agency edits a PA at ${width} px in ${lang}`, async () => {
      const key = process.env.CAREMATCH_AGENCY_KEY;
      assert.ok(key, "CAREMATCH_AGENCY_KEY is set");
      const page = await newPage(device(width));
      await signIn(page, key, `/agency?lang=${lang}`);
      const edit = await page.getAttribute("table.cards-on-phone a[href$='/edit']", "href");
      await visit(page, `${edit}?lang=${lang}`, `pa-edit-${tag}`);
      assert.equal(await page.getAttribute("html", "lang"), lang);
      const given = await page.inputValue("#given_name");
      // A refused save: the error beside its field, listed at the top, focusable.
      await page.fill("#given_name", "");
      const refused = await submit(page, "form.pa-edit button[type='submit']");
      await page.waitForSelector("#given_name-error");
      assert.equal(await page.getAttribute("#given_name", "aria-invalid"), "true");
      await check(page, `pa-edit-errors-${tag}`, refused);
      // Put right and saved: back to the console with a notice.
      await page.fill("#given_name", given);
      await submit(page, "form.pa-edit button[type='submit']");
      assert.match(page.url(), /\/agency\?updated=/);
      assert.ok(await page.isVisible("p.notice"), "the console says what was saved");
      // The refused save answers 422 on purpose; Chromium logs that status as an error.
      assert.deepEqual(page.errors.filter((e) => !e.includes("status of 422")), []);
      await page.context().close();
    });

    test(`the commissioner's market page at ${width} px in ${lang}`, async () => {
      const key = process.env.CAREMATCH_COMMISSIONER_KEY;
      assert.ok(key, "CAREMATCH_COMMISSIONER_KEY is set");
      const page = await newPage(device(width));
      await signIn(page, key, `/commissioner/market?lang=${lang}`);
      await check(page, `market-${tag}`, await page.content());
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
}
