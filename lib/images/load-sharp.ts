import "server-only";
import type Sharp from "sharp";

// sharp is loaded when an image is processed, not when a module that can process one is loaded
// (decision 082): a server action's module is loaded with every page that renders its form, and a
// static import mapped libvips and its dependencies (~6 MB of resident code, plus what they
// allocate) into every server process, which processes a photo or a logo rarely if ever. The
// types come from `import type`; eslint.config.mjs refuses a value import of sharp in the code
// the server loads.
export async function loadSharp(): Promise<typeof Sharp> {
  return (await import("sharp")).default;
}
