// The Chromium the end-to-end tests drive (decision 084). Playwright's own browser builds cannot
// be downloaded on our machines, so the tests drive Debian's: its headless shell
// (`chromium-headless-shell`, what Playwright itself runs for headless tests) for every spec, and
// the whole browser only where a spec needs what the shell lacks — the Push API
// (participant-gets-push-notification). The shell records from Chromium's fake microphone as the
// whole browser does (refugee-records-need-in-browser passes its flags to the shell).
// The shell loads a page for about 60 % of the CPU the whole browser takes: no GPU process, a
// lighter browser process. Elsewhere, point CHROMIUM_HEADLESS_SHELL_PATH and CHROMIUM_PATH at
// the binaries, or run `npx playwright install chromium` and leave both unset.
import { existsSync } from "node:fs";
import type { LaunchOptions } from "@playwright/test";

const args = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const wholeBrowserPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const headlessShellPath = process.env.CHROMIUM_HEADLESS_SHELL_PATH ?? "/usr/bin/chromium-headless-shell";
const present = (path: string) => (existsSync(path) ? path : undefined);

/**
 * Launch options for the headless shell (every spec; the whole browser where no shell is
 * installed) or the whole browser (a spec that needs what the shell lacks); `extraArgs` add to
 * the common flags.
 */
export function chromium(kind: "shell" | "whole", ...extraArgs: string[]): LaunchOptions {
  const executablePath = kind === "shell" ? (present(headlessShellPath) ?? present(wholeBrowserPath)) : present(wholeBrowserPath);
  return { executablePath, args: [...args, ...extraArgs] };
}
