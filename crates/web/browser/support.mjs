// What every browser test file shares: the server's address, Debian's Chromium launched once per
// file, fresh pages, axe-core, screenshots, keyboard travel and signing in. Outside tests/, so
// that the test runner does not take it for a test file.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const BASE = process.env.CAREMATCH_URL ?? "http://127.0.0.1:8080";
export const SHOTS = process.env.SCREENSHOT_DIR ?? "target/screenshots";
mkdirSync(SHOTS, { recursive: true });

let launched;
before(async () => {
  launched = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});
after(async () => { await launched?.close(); });

/** The file's browser (launched before its first test). */
export function browser() {
  return launched;
}

/** A fresh browser profile (no cookies), with CSP bypassed only so that axe can be injected. */
export async function newPage(options = {}) {
  const context = await launched.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.errors = errors;
  return page;
}

/** Runs axe on the page; fails on any serious or critical violation. */
export async function axe(page, name) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => await window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  assert.deepEqual(report, [], `${name}: axe found serious or critical violations`);
  return result;
}

/** A screenshot of the window, scrolled so that `focus` (a selector) is in view. */
export async function shot(page, name, focus) {
  if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

/** Presses Tab until the focused element matches `selector` (keyboard only, like a person). */
export async function tabTo(page, selector, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Signs in with an API key at `/login`, coming back to `next`; the sign-in page is axe-checked. */
export async function signIn(page, key, next) {
  await page.goto(`${BASE}${next}`);
  await page.waitForURL(/\/login/);
  await axe(page, "sign in");
  await page.fill("#key", key);
  await Promise.all([page.waitForURL(new RegExp(next.replace("?", "\\?"))), page.press("#key", "Enter")]);
}
