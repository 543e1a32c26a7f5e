// Issue 16 in a real browser: a Traditional Chinese family enquires about its shortlist from a
// phone, by keyboard alone; the agency finds the enquiry in its inbox and marks it introduced;
// the SMTP server (.ci/browser's smtp-sink) received the agency's mail and the family's.
// Also: every new page (agency profile, messages, vacancies, a person's vacancy post) is
// axe-clean. Started by .ci/browser, which passes CAREMATCH_URL, CAREMATCH_AGENCY_KEYS
// ("id:key,id:key,..."), MAIL_DIR and SCREENSHOT_DIR.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { BASE, SHOTS, axe, newPage, signIn, tabTo } from "../support.mjs";

const MAIL_DIR = process.env.MAIL_DIR;
const KEYS = new Map((process.env.CAREMATCH_AGENCY_KEYS ?? "").split(",").filter(Boolean)
  .map((pair) => { const [id, key] = pair.split(":"); return [Number(id), key]; }));
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const FAMILY = { name: "陳太太", email: "chan.family@example.org", message: "我媽媽只講廣東話，想搵人每星期幫佢煮飯同沖涼。" };

/** Fails when the page is wider than its window (a phone scrolling sideways). */
async function noOverflow(page, name) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than the phone`);
}

/** The messages smtp-sink has written so far. */
function mails() {
  return readdirSync(MAIL_DIR).filter((f) => f.endsWith(".json")).sort()
    .map((f) => JSON.parse(readFileSync(`${MAIL_DIR}/${f}`, "utf8")));
}

/** Waits (up to 60 s) until a message to `address` has arrived; returns it. */
async function mailTo(address, about = () => true) {
  for (let i = 0; i < 600; i++) {
    const found = mails().find((m) => JSON.stringify(m.rcpt_to).includes(address) && about(m));
    if (found) return found;
    await delay(100);
  }
  throw new Error(`no mail to ${address} arrived`);
}

test("a Traditional Chinese family enquires from its shortlist; the agency introduces; both mails arrive", async () => {
  assert.ok(MAIL_DIR, "MAIL_DIR is set");
  const page = await newPage({ ...PHONE, locale: "zh-HK" });
  const agencies = (await (await fetch(`${BASE}/v1/agencies?per_page=100`)).json()).items;

  // Results for a Cantonese speaker in Manchester, in Traditional Chinese.
  await page.goto(`${BASE}/find?lang=zh-Hant&postcode=M13+0EG&language=yue`);
  assert.equal(await page.getAttribute("html", "lang"), "zh-Hant");
  await page.waitForSelector("article.card");
  // Shortlist two PAs, from two agencies where the results have two.
  const holders = await page.$$eval("article.card", (cards) => cards.map((c) => c.querySelector(".agency")?.textContent ?? ""));
  const agencyOf = (text) => agencies.find((a) => text.includes(a.name));
  const first = holders.findIndex((t) => agencyOf(t) && KEYS.has(agencyOf(t).id));
  assert.ok(first >= 0, "a result card names an agency we hold a key for");
  let second = holders.findIndex((t, i) => i !== first && agencyOf(t) && agencyOf(t).id !== agencyOf(holders[first]).id);
  if (second < 0) second = holders.findIndex((t, i) => i !== first);
  const agency = agencyOf(holders[first]);
  for (const [n, index] of [[1, first], [2, second]]) {
    await Promise.all([page.waitForLoadState("load"), page.locator("article.card").nth(index).locator("form.shortlist button").click()]);
    // "My shortlist (n)"; Chinese writes the brackets full width.
    await page.waitForFunction((count) => new RegExp(`[(（]${count}[)）]`).test(document.querySelector("header.site")?.textContent ?? ""), n);
  }

  // The shortlist, then "enquire about the whole shortlist", by keyboard alone.
  await page.goto(`${BASE}/shortlist`);
  await noOverflow(page, "shortlist");
  await tabTo(page, "a.enquire-all");
  await Promise.all([page.waitForURL(/\/enquire\?/), page.keyboard.press("Enter")]);
  await axe(page, "enquiry form (zh-Hant)");
  await noOverflow(page, "enquiry form");
  await tabTo(page, "#name");
  await page.keyboard.type(FAMILY.name);
  // A radio group is one Tab stop; the arrow keys choose within it (phone, e-mail, call-back).
  await tabTo(page, 'input[name="by"]');
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.activeElement.value), "email");
  await tabTo(page, "#email");
  await page.keyboard.type(FAMILY.email);
  await tabTo(page, "#message");
  await page.keyboard.type(FAMILY.message);
  // The honeypot is never reached by Tab: the next stop after the message is the consent box.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "consent");
  await page.keyboard.press("Space");
  await page.screenshot({ path: `${SHOTS}/enquiry-form-zh-hant.png` });
  await tabTo(page, 'form[action="/enquire"] button[type="submit"]');
  await Promise.all([page.waitForLoadState("load"), page.keyboard.press("Enter")]);
  await page.waitForSelector("#status-link");
  await axe(page, "enquiry sent (zh-Hant)");
  await page.screenshot({ path: `${SHOTS}/enquiry-sent-zh-hant.png` });
  const statusLink = await page.getAttribute("#status-link", "href");

  // The private status page: each agency's status and public contact.
  await page.goto(`${BASE}${statusLink}`);
  assert.match(await page.textContent("main"), new RegExp(agency.name));
  await axe(page, "enquiry status (zh-Hant)");
  await noOverflow(page, "enquiry status");

  // The agency's inbox: the enquiry is there; it is marked introduced.
  const console = await newPage();
  await signIn(console, KEYS.get(agency.id), "/agency/enquiries");
  await axe(console, "enquiries inbox");
  const row = console.locator("tbody tr", { hasText: FAMILY.name });
  await Promise.all([console.waitForURL(/\/agency\/enquiries\/\d+$/), row.locator("a").click()]);
  assert.match(await console.textContent("main"), new RegExp(FAMILY.message.slice(0, 6)));
  await axe(console, "one enquiry");
  await console.selectOption("#status", "introduced");
  await Promise.all([console.waitForLoadState("load"), console.click('form[action^="/agency/enquiries/"] button[type="submit"]')]);
  await console.waitForSelector("#history-title");
  await console.screenshot({ path: `${SHOTS}/enquiry-introduced.png`, fullPage: true });

  // Both mails reached the SMTP server, each once: the new enquiry to the agency, and the
  // status change to the family, in Traditional Chinese.
  // (The agency also gets other mail, such as freshness reminders for its demo PAs.)
  const toAgency = await mailTo(agency.email, (m) => `${m.text ?? m.body}`.includes(FAMILY.name));
  assert.match(toAgency.text ?? toAgency.body, new RegExp(FAMILY.name));
  const toFamily = await mailTo(FAMILY.email);
  assert.match(`${toFamily.subject} ${toFamily.text}`, /[\u4e00-\u9fff]/, "the family's mail is in Chinese");
  const ids = mails().map((m) => m.message_id);
  assert.equal(new Set(ids).size, ids.length, "no message arrived twice");

  // The family's status page now says introduced, and the agency's messages page lists both.
  await page.goto(`${BASE}${statusLink}`);
  await axe(page, "enquiry status after introduction");
  await console.goto(`${BASE}/agency/messages`);
  await axe(console, "agency messages");
  assert.deepEqual([...page.errors, ...console.errors], []);
  await page.context().close();
  await console.context().close();
});

test("issue 16's other pages are axe-clean and fit a phone", async () => {
  const [id, key] = [...KEYS.entries()][0];
  assert.ok(key, `a key for agency ${id}`);
  const desk = await newPage();
  await signIn(desk, key, "/agency/profile");
  for (const path of ["/agency/profile", "/agency/vacancies", "/agency/messages", "/agency/enquiries"]) {
    await desk.goto(`${BASE}${path}`);
    await axe(desk, path);
  }
  await desk.context().close();
  const phone = await newPage(PHONE);
  // A result's profile page (from its card), with "Enquire" on it.
  await phone.goto(`${BASE}/find?lang=zh-Hant&postcode=M13+0EG&language=yue`);
  await Promise.all([phone.waitForURL(/\/(carers|providers)\/\d+/), phone.locator("article.card h3 a").first().click()]);
  assert.ok(await phone.isVisible("a.enquire"), "the profile offers Enquire");
  await axe(phone, "profile (zh-Hant)");
  await noOverflow(phone, "profile");
  await phone.screenshot({ path: `${SHOTS}/profile-zh-hant.png` });
  for (const lang of ["zh-Hant", "ur", "so"]) {
    await phone.goto(`${BASE}/find/vacancy?lang=${lang}`);
    await axe(phone, `vacancy post (${lang})`);
    await noOverflow(phone, `vacancy post (${lang})`);
  }
  assert.equal(await phone.getAttribute("html", "dir"), "ltr");
  await phone.goto(`${BASE}/find/vacancy?lang=ur`);
  assert.equal(await phone.getAttribute("html", "dir"), "rtl");
  await phone.screenshot({ path: `${SHOTS}/vacancy-post-urdu.png` });
  await phone.context().close();
});
