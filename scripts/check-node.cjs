// Runs before `npm start`, `npm run dev` and after `npm install`: stops at once, with what to
// install, when this Node.js is older than package.json's "engines" asks. Plain old JavaScript
// on purpose, so that it runs (and says so) on any Node.js, however old.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, so that an old Node.js can run it */
var fs = require("fs");
var path = require("path");

var wanted = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")).engines.node;
var minimum = wanted.replace(/^>=\s*/, "").split(".").map(Number);
var current = process.versions.node.split(".").map(Number);
var ok = current[0] > minimum[0] || (current[0] === minimum[0] && (current[1] || 0) >= (minimum[1] || 0));

if (!ok) {
  var lines = [
    "",
    "mitreden needs Node.js " + minimum.join(".") + " or newer (24 LTS recommended); this is Node.js " + process.versions.node + ".",
    "",
    "Install Node.js 24 LTS, then run the command again:",
    "  - with nvm (macOS, Linux):  nvm install 24 && nvm use 24   (this folder's .nvmrc names 24)",
    "  - with fnm or Volta:        fnm use --install-if-missing   /   volta install node@24",
    "  - from https://nodejs.org/ (installers for Windows, macOS, Linux), or your package manager",
    "  - on Linux x64/arm64 in bash: source scripts/provision-node.sh   (puts Node.js 24 into .tools/ for this shell)",
    "",
  ];
  process.stderr.write(lines.join("\n") + "\n");
  process.exit(1);
}
