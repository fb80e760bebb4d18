// Screenshots kept for the reviewer (never compared pixel by pixel). A full page at 360 px can
// grow past what Chromium can capture in one image — a municipality page lists every dialogue the
// run has created by the time a late spec looks at it —, so a screenshot is the page from its top,
// at most MAX_HEIGHT pixels of it.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { test, type Page } from "@playwright/test";

const MAX_HEIGHT = 8_000;

/**
 * A screenshot of the page from its top into `file` (default: the test's output folder,
 * `<name>.png`), copied into SHOTS_DIR when that is set; with `attach`, attached to the report.
 */
export async function keepScreenshot(page: Page, name: string, options: { file?: string; attach?: boolean } = {}): Promise<string> {
  const file = options.file ?? test.info().outputPath(`${name}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
  }));
  await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) } });
  if (process.env.SHOTS_DIR) {
    mkdirSync(process.env.SHOTS_DIR, { recursive: true });
    copyFileSync(file, path.join(process.env.SHOTS_DIR, `${name}.png`));
  }
  if (options.attach) await test.info().attach(name, { path: file, contentType: "image/png" });
  return file;
}
