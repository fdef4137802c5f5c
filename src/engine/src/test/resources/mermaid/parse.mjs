// Parses each Mermaid file named on the command line with the published mermaid package,
// found in the node_modules folder named by MERMAID_NODE_MODULES (jsdom stands in for a browser).
// Prints one line per file, OK or FAIL with the parser's message; exits 1 if any failed.
import { createRequire } from 'module';
import { pathToFileURL } from 'url';
import fs from 'fs';

const modules = createRequire(process.env.MERMAID_NODE_MODULES + '/');
const { JSDOM } = modules('jsdom');
const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import(pathToFileURL(modules.resolve('mermaid')).href);
mermaid.initialize({ startOnLoad: false });

let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    await mermaid.parse(fs.readFileSync(file, 'utf8'));
    console.log('OK ' + file);
  } catch (error) {
    failed++;
    console.log('FAIL ' + file + ': ' + String(error.message || error).replace(/\n/g, ' '));
  }
}
process.exit(failed ? 1 : 0);
