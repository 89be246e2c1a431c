// `kg export --format html`: one self-contained page, the built viewer's script and stylesheet
// and the graph inlined, that opens from disk (file://) with no server.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { DirectedGraph } from 'graphology';
import { readGraphFile } from '../graph/read.js';
import { writeFileAtomic } from '../graph/write.js';
import { VIEWER_DIR, checkViewerBuilt } from './assets.js';

const SCRIPT_TAG = /<script\b[^>]*\bsrc="([^"]+)"[^>]*><\/script>/;
const STYLE_TAG = /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"[^>]*>/;

/** Writes the page for a graph (or a graph file) to `outFile`, atomically. */
export function writeHtmlExport(graph: DirectedGraph | string, outFile: string, viewerDir: string = VIEWER_DIR): void {
  const g = typeof graph === 'string' ? readGraphFile(graph) : graph;
  writeFileAtomic(outFile, renderHtmlExport(JSON.stringify(g.export()), viewerDir));
}

/** The page: the viewer's index.html with its script and stylesheet inlined and the graph JSON in a data block. */
export function renderHtmlExport(graphJson: string, viewerDir: string = VIEWER_DIR): string {
  checkViewerBuilt(viewerDir);
  const page = readFileSync(join(viewerDir, 'index.html'), 'utf8');
  const script = SCRIPT_TAG.exec(page);
  const style = STYLE_TAG.exec(page);
  if (!script || !style) throw new Error(`${join(viewerDir, 'index.html')}: no script or stylesheet tag to inline (rebuild the viewer with \`npm run build\`)`);
  const js = escapeForScript(readAsset(viewerDir, script[1]!));
  const css = readAsset(viewerDir, style[1]!).replace(/<\/style/gi, '<\\/style');
  // the page may run its own script and nothing else, even if something slipped into the data
  const csp = [
    "default-src 'none'",
    `script-src '${sha256(js)}'`,
    'worker-src blob:',
    `style-src '${sha256(css)}'`,
    'img-src data: blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  // function replacements: `$&` and friends in the script must be left as they are
  return page
    .replace(/<meta charset="utf-8" \/>|<head>/, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`)
    .replace(style[0], () => `<style>${css}</style>`)
    .replace(script[0], () => `<script type="application/json" id="kg-graph">${escapeJsonForHtml(graphJson)}</script>\n    <script type="module">${js}</script>`);
}

/**
 * JSON that cannot end its <script> block early: every `<` becomes \u003c (so no `</script>` or
 * `<!--` from article text), and U+2028/U+2029 are escaped too. Still the same JSON value.
 */
export function escapeJsonForHtml(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Script text that cannot close its element: `</script` is written `<\/script`, the same to JavaScript. */
function escapeForScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

function readAsset(viewerDir: string, href: string): string {
  const root = resolve(viewerDir);
  const file = resolve(root, href.replace(/^\.?\//, ''));
  if (!file.startsWith(root + sep)) throw new Error(`${href}: asset outside the viewer folder`);
  return readFileSync(file, 'utf8');
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
