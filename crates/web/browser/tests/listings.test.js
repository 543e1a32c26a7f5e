// Issue 18 in a real browser: a Bengali luncheon club registers on the web page, confirms its
// address by the link the SMTP server received, proposes its listing (nothing public yet); a
// moderator approves it by keyboard; the club is told by e-mail, in Bengali, and its listing is
// found in the public search and in the Open Referral feed. Also: a PA registers and reaches
// their own page, and a problem is reported on the new listing, with axe-core on every page
// of accounts, the organisation console, moderation, PAs and reports. Started by .ci/browser,
// which passes CAREMATCH_URL, CAREMATCH_MODERATOR_KEY, CAREMATCH_AGENCY_KEYS ("id:key,..."),
// MAIL_DIR and SCREENSHOT_DIR.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { BASE, SHOTS, axe, newPage, signIn, tabTo } from "../support.mjs";

const MAIL_DIR = process.env.MAIL_DIR;
const MODERATOR_KEY = process.env.CAREMATCH_MODERATOR_KEY;
const KEYS = new Map((process.env.CAREMATCH_AGENCY_KEYS ?? "").split(",").filter(Boolean)
  .map((pair) => { const [id, key] = pair.split(":"); return [Number(id), key]; }));
// A unique address each run, so that a rerun against the same mail folder reads its own mail.
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const CLUB = {
  name: "Shapla Luncheon Club",
  email: `shapla.${RUN}@example.org`,
  listing: "Shapla Luncheon Club, Whitechapel",
  // Whitechapel, in the demo gazetteer (fixtures/gazetteer.csv).
  postcode: "E1 1ND",
};
const SEARCH = `/find?lang=bn&postcode=E1+1ND&km=10&language=ben&diet=halal&service=luncheon_club`;
const FEED = `/openreferral/v3/services?search=${encodeURIComponent(CLUB.listing)}`;
const BENGALI = /[\u0980-\u09ff]/;

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

/** The path of the link in a mail (`/account/confirm/...`, `/pa/sign-in/...`). */
function linkIn(mail, prefix) {
  const found = `${mail.text ?? mail.body}`.match(new RegExp(`${prefix}/[0-9a-f]+`));
  assert.ok(found, `a ${prefix} link in: ${mail.text ?? mail.body}`);
  return found[0];
}

/** A page's console errors, less the 422s this file asks for (a rejection without a reason, a
 * PA's form without a postcode), which Chromium logs as resources that failed to load. */
function unexpected(...pages) {
  return pages.flatMap((p) => p.errors).filter((e) => !/status of 422/.test(e));
}

/** The names the Open Referral feed finds for the club's listing. */
async function feedNames() {
  const response = await fetch(`${BASE}${FEED}`);
  assert.equal(response.status, 200);
  return (await response.json()).contents.map((s) => s.name);
}

/** Whether the public search (in Bengali) lists the club. */
async function searchFinds(page) {
  await page.goto(`${BASE}${SEARCH}`);
  return (await page.textContent("main")).includes(CLUB.listing);
}

test("a Bengali luncheon club registers and proposes a listing; a moderator approves it; it is found", async () => {
  assert.ok(MAIL_DIR, "MAIL_DIR is set");
  assert.ok(MODERATOR_KEY, "CAREMATCH_MODERATOR_KEY is set");
  const club = await newPage({ locale: "bn-BD" });

  // From "sign in by e-mail" in Bengali to the registration form, by keyboard.
  await club.goto(`${BASE}/account/sign-in?lang=bn`);
  assert.equal(await club.getAttribute("html", "lang"), "bn");
  await axe(club, "sign in by e-mail (bn)");
  await tabTo(club, 'a[href="/account/register"]');
  await Promise.all([club.waitForURL(/\/account\/register/), club.keyboard.press("Enter")]);
  assert.equal(await club.getAttribute("html", "lang"), "bn");
  await axe(club, "register an organisation (bn)");
  await tabTo(club, "#name");
  await club.keyboard.type(CLUB.name);
  await tabTo(club, "#email");
  await club.keyboard.type(CLUB.email);
  await tabTo(club, "#phone");
  await club.keyboard.type("020 7946 0321");
  // The honeypot is never reached by Tab: after the website comes the button.
  await tabTo(club, "#website");
  await club.keyboard.press("Tab");
  assert.equal(await club.evaluate(() => document.activeElement.type), "submit");
  await club.screenshot({ path: `${SHOTS}/register-organisation-bn.png` });
  await Promise.all([club.waitForLoadState("load"), club.keyboard.press("Enter")]);
  await club.waitForSelector("main p.notice[role=status]");
  assert.match(await club.textContent("main h1"), BENGALI);
  await axe(club, "registered: check your e-mail (bn)");

  // The confirm link arrives by e-mail, in Bengali; its page has a button (scanners fetch links).
  const confirm = await mailTo(CLUB.email, (m) => `${m.text}`.includes("/account/confirm/"));
  assert.match(confirm.subject, BENGALI, "the confirm mail is in Bengali");
  assert.match(confirm.subject, new RegExp(CLUB.name));
  await club.goto(`${BASE}${linkIn(confirm, "/account/confirm")}?lang=bn`);
  await axe(club, "confirm link (bn)");
  await tabTo(club, 'main form button[type="submit"]');
  await Promise.all([club.waitForURL(/\/organisation/), club.keyboard.press("Enter")]);
  assert.equal(await club.getAttribute("html", "lang"), "bn");
  await axe(club, "organisation console (bn)");
  await club.screenshot({ path: `${SHOTS}/organisation-console-bn.png`, fullPage: true });

  // The same link a second time: "this link does not work", with the way to ask for a new one.
  const used = await newPage();
  await used.goto(`${BASE}${linkIn(confirm, "/account/confirm")}?lang=bn`);
  await Promise.all([used.waitForLoadState("load"), used.click('main form button[type="submit"]')]);
  assert.ok(await used.isVisible('main a[href="/account/sign-in"]'), "a used link offers a new one");
  await axe(used, "used link (bn)");
  await used.context().close();

  // Propose the listing: a luncheon club whose staff speak Bengali, with halal Bengali food.
  await club.fill("#name", CLUB.listing);
  await club.selectOption("#kind", "luncheon_club");
  await club.fill("#description", "বাংলাদেশি প্রবীণদের জন্য সপ্তাহে তিন দিন হালাল দুপুরের খাবার ও আড্ডা।");
  for (const box of ["#language-ben", "#language-syl", "#language-eng", "#service-luncheon_club",
    "#service-companionship", "#cuisine-bengali", "#diet-halal"]) {
    await club.check(box);
  }
  await club.fill("#postcode", CLUB.postcode);
  await club.fill("#km", "5");
  await club.fill("#phone", "020 7946 0321");
  await club.fill("#email", CLUB.email);
  await club.fill("#note", "আমরা ২০১২ সাল থেকে চলছি।");
  await Promise.all([club.waitForURL(/\/organisation\?sent=1/),
    club.click('form[action="/organisation/propose"] button[type="submit"]')]);
  await club.waitForSelector("main p.notice[role=status]");
  await axe(club, "organisation console after proposing (bn)");
  // Waiting in moderation ("অপেক্ষমাণ" or whatever the catalogue says: not "approved").
  const row = club.locator("main table tbody tr").first();
  const waiting = await row.textContent();
  assert.match(waiting, BENGALI);
  assert.ok(await club.locator("main ul a[href^='/providers/']").count() === 0, "no listing is public yet");
  await club.screenshot({ path: `${SHOTS}/organisation-waiting-bn.png`, fullPage: true });

  // Not public before a moderator approves it: neither in search nor in the feed.
  const visitor = await newPage();
  assert.equal(await searchFinds(visitor), false, "not in search before approval");
  assert.ok(!(await feedNames()).includes(CLUB.listing), "not in the Open Referral feed before approval");

  // The moderators were told something waits (no content: the queue shows it).
  await mailTo("moderator@example.org", (m) => /moderation/.test(m.subject));

  // A moderator signs in with their key, opens the submission and approves it, by keyboard.
  const moderator = await newPage();
  await signIn(moderator, MODERATOR_KEY, "/moderation");
  await axe(moderator, "moderation queue");
  const entry = moderator.locator("main table tbody tr", { hasText: CLUB.name });
  const detail = await entry.locator("a").getAttribute("href");
  await tabTo(moderator, `main a[href="${detail}"]`);
  await Promise.all([moderator.waitForURL(new RegExp(`${detail}$`)), moderator.keyboard.press("Enter")]);
  assert.match(await moderator.textContent("main"), new RegExp(CLUB.listing));
  assert.match(await moderator.textContent("main"), new RegExp(CLUB.postcode));
  await axe(moderator, "one submission");
  await moderator.screenshot({ path: `${SHOTS}/moderation-submission.png`, fullPage: true });
  // Rejecting without a reason is refused, the error next to the field; then approve.
  await tabTo(moderator, 'button[value="reject"]');
  await Promise.all([moderator.waitForLoadState("load"), moderator.keyboard.press("Enter")]);
  await moderator.waitForSelector("#reason-error");
  await axe(moderator, "rejection without a reason");
  await tabTo(moderator, 'button[value="approve"]');
  await Promise.all([moderator.waitForURL(/\/moderation(\?|$)/), moderator.keyboard.press("Enter")]);
  assert.equal(await moderator.locator(`main a[href="${detail}"]`).count(), 0, "decided: off the queue");

  // The club is told, in Bengali.
  const decided = await mailTo(CLUB.email, (m) => !`${m.text}`.includes("/account/"));
  assert.match(`${decided.subject} ${decided.text}`, BENGALI, "the decision mail is in Bengali");

  // Public now: in the Bengali search near Whitechapel (the index catches up from the change
  // log), and in the Open Referral feed.
  let found = false;
  for (let i = 0; i < 100 && !found; i++) {
    found = await searchFinds(visitor);
    if (!found) await delay(100);
  }
  assert.ok(found, "the club is in the public search");
  await axe(visitor, "search results with the club (bn)");
  await visitor.locator("article.card", { hasText: CLUB.listing }).first().scrollIntoViewIfNeeded();
  await visitor.screenshot({ path: `${SHOTS}/club-in-search-bn.png` });
  assert.ok((await feedNames()).includes(CLUB.listing), "the club is in the Open Referral feed");

  // The console now lists the listing and the submission as approved.
  await club.goto(`${BASE}/organisation?lang=bn`);
  const listing = club.locator("main ul a[href^='/providers/']", { hasText: CLUB.listing });
  assert.equal(await listing.count(), 1);
  assert.notEqual(await club.locator("main table tbody tr").first().textContent(), waiting);
  await axe(club, "organisation console after approval (bn)");

  // The club opens its listing, confirms that all of it is still true, and sends a change,
  // which waits for a moderator while the public listing stays as it was.
  await Promise.all([club.waitForURL(/\/organisation\/listings\/\d+/),
    club.click("main ul.listings a[href^='/organisation/listings/']")]);
  assert.equal(await club.inputValue("#name"), CLUB.listing, "the form shows the listing");
  await axe(club, "the club's listing page (bn)");
  await Promise.all([club.waitForURL(/done=confirmed/),
    club.click("form[action$='/confirm'] button[type='submit']")]);
  await club.locator("main p.notice[role='status']").waitFor();
  await axe(club, "listing confirmed (bn)");
  await club.fill("#description", "শুক্রবার ও সোমবার দুপুরের খাবার।");
  await Promise.all([club.waitForURL(/done=sent/),
    club.click("form[action^='/organisation/listings/']:not([action$='/confirm']) button[type='submit']")]);
  assert.ok(await club.locator("main h2 + ul li").count() >= 1, "the change waits");
  await axe(club, "listing change sent (bn)");
  await club.screenshot({ path: `${SHOTS}/organisation-listing-bn.png`, fullPage: true });
  assert.deepEqual(unexpected(club, moderator, visitor), []);
  for (const page of [club, moderator, visitor]) await page.context().close();
});

test("report a problem on the new listing; the moderators' reports page; both axe-clean", async () => {
  const visitor = await newPage();
  await visitor.goto(`${BASE}${SEARCH}`);
  const card = visitor.locator("article.card", { hasText: CLUB.listing }).first();
  await Promise.all([visitor.waitForURL(/\/report\/provider\/\d+/), card.locator('a[href^="/report/"]').click()]);
  assert.equal(await visitor.getAttribute("html", "lang"), "bn");
  await axe(visitor, "report a problem (bn)");
  // A radio group is one Tab stop; Space picks the first kind.
  await tabTo(visitor, 'input[name="kind"]');
  await visitor.keyboard.press("Space");
  await tabTo(visitor, "#message");
  await visitor.keyboard.type("খোলার সময় বদলেছে: এখন শুধু মঙ্গলবার।");
  await visitor.screenshot({ path: `${SHOTS}/report-problem-bn.png` });
  await tabTo(visitor, 'main form button[type="submit"]');
  await Promise.all([visitor.waitForLoadState("load"), visitor.keyboard.press("Enter")]);
  await visitor.waitForSelector("main strong.reference");
  const reference = (await visitor.textContent("main strong.reference")).trim();
  await axe(visitor, "report sent (bn)");
  await visitor.screenshot({ path: `${SHOTS}/report-sent-bn.png` });
  // The organisation that manages the listing hears of it, with the message.
  const told = await mailTo(CLUB.email, (m) => m.subject.includes(reference));
  assert.match(told.text, /খোলার সময় বদলেছে/);

  const moderator = await newPage();
  await signIn(moderator, MODERATOR_KEY, "/moderation/reports");
  assert.ok((await moderator.textContent("main")).includes(reference), "the report is in the moderators' list");
  await axe(moderator, "moderation: problem reports");
  await moderator.screenshot({ path: `${SHOTS}/moderation-reports.png`, fullPage: true });
  const [id, key] = [...KEYS.entries()][0];
  assert.ok(key, `a key for agency ${id}`);
  const agency = await newPage();
  await signIn(agency, key, "/agency/reports");
  await axe(agency, "agency: problem reports");
  assert.deepEqual(unexpected(visitor, moderator, agency), []);
  for (const page of [visitor, moderator, agency]) await page.context().close();
});

test("a PA registers, confirms by the e-mailed link and reaches their page; every PA page axe-clean", async () => {
  const email = `rahima.${RUN}@example.org`;
  const pa = await newPage({ locale: "bn-BD" });
  await pa.goto(`${BASE}/pa/sign-in?lang=bn`);
  await axe(pa, "PA sign in (bn)");
  await pa.goto(`${BASE}/pa/register?lang=bn`);
  assert.equal(await pa.getAttribute("html", "lang"), "bn");
  await axe(pa, "PA registration (bn)");
  // A missing postcode comes back as an error next to its field, with what was typed kept.
  await pa.fill("#given_name", "Rahima");
  await pa.fill("#family_name", "Begum");
  await pa.selectOption("#gender", "female");
  await pa.selectOption("#language_1", "ben");
  await pa.selectOption("#proficiency_1", "native");
  await pa.selectOption("#language_2", "eng");
  await pa.selectOption("#proficiency_2", "fluent");
  for (const box of ["#cuisine-bengali", "#dietary_law-halal", "#service-personal_care", "#service-meal_preparation"]) {
    await pa.check(box);
  }
  await pa.fill("#hours_per_week", "20");
  await pa.fill("#hourly_rate", "13.50");
  await pa.fill("#travel_radius_km", "6");
  await pa.selectOption("#travel_mode", { index: 1 });
  await pa.fill("#bio", "আমি বাংলা ও সিলেটি বলি এবং বাংলাদেশি রান্না করি।");
  await pa.check("#public_listing_consent");
  await pa.fill("#email", email);
  await pa.selectOption("#agency_id", { index: 1 });
  await Promise.all([pa.waitForLoadState("load"), pa.click('form[action^="/pa/register"] button[type="submit"]')]);
  await pa.waitForSelector("#error-summary");
  assert.equal(await pa.inputValue("#given_name"), "Rahima");
  await axe(pa, "PA registration with an error (bn)");
  await pa.fill("#postcode", "E1 0AS");
  await Promise.all([pa.waitForLoadState("load"), pa.click('form[action^="/pa/register"] button[type="submit"]')]);
  assert.equal(await pa.locator("#error-summary").count(), 0, "accepted");
  await axe(pa, "PA: check your e-mail (bn)");

  const mail = await mailTo(email, (m) => `${m.text}`.includes("/pa/confirm/"));
  await pa.goto(`${BASE}${linkIn(mail, "/pa/confirm")}?lang=bn`);
  await axe(pa, "PA confirm link (bn)");
  await Promise.all([pa.waitForURL(/\/pa(\?|$)/), pa.click('main form button[type="submit"]')]);
  await axe(pa, "the PA's page (bn)");
  await pa.screenshot({ path: `${SHOTS}/pa-home-bn.png`, fullPage: true });
  // An unknown link is one page, axe-clean too.
  await pa.goto(`${BASE}/pa/sign-in/${"0".repeat(64)}?lang=bn`);
  await axe(pa, "PA: unknown link (bn)");
  assert.deepEqual(unexpected(pa), []);
  await pa.context().close();
});
