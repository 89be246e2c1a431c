// `kg view`: a static server for the built viewer and one graph file, on 127.0.0.1 by default.
// It serves only the files that exist in the built viewer (an allow-list made at start), the
// graph at /graph.json, its skeleton at /graph.skeleton.json while the skeleton describes the
// graph file as it is now (the viewer draws from it before the mentions and evidence arrive), and
// at /articles/ID the text of an article the graph lists (read from the path it was built from,
// and only while its bytes are the ones built: the viewer's reader marks offsets in it); every
// other path, `../` or encoded, gets 404 or 400.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { extname } from 'node:path';
import type { AddressInfo } from 'node:net';
import { viewerFiles } from './assets.js';
import { DEFAULT_VIEW_SERVER_OPTIONS, type ViewServerOptions } from './defaults.js';
import { readArticle } from '../query/documents.js';
import { documentsOf, openGraph } from '../graph/read.js';
import { skeletonPath, skeletonStamp, stampOf } from '../graph/skeleton.js';
import { GRAPH_STAMP_HEADER, sameStamp } from '../graph/skeleton-format.js';
import type { DocumentInfo } from '../types.js';

export { DEFAULT_VIEW_SERVER_OPTIONS, type ViewServerOptions };

export interface ViewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

// the page may run only its own script; workers come from blob: (the ForceAtlas2 worker)
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; worker-src blob:; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const GRAPH_PATH = '/graph.json';
/** the graph's skeleton (src/graph/skeleton.ts), while it describes the graph file as it is: the viewer draws from it first */
export const SKELETON_PATH = '/graph.skeleton.json';
export const ARTICLES_PATH = '/articles/';

export function startViewServer(graphFile: string, options: Partial<ViewServerOptions> = {}): Promise<ViewServer> {
  const { host, port, viewerDir } = { ...DEFAULT_VIEW_SERVER_OPTIONS, ...options };
  const files = viewerFiles(viewerDir);
  files.set('/', files.get('/index.html')!);
  const loopback = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(host);
  const server = createServer((req, res) => {
    // on loopback, a page elsewhere must not reach us through a name that resolves to 127.0.0.1
    if (loopback && !isLoopbackHost(req.headers.host)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden host\n');
    handle(req, res, files, graphFile).catch((err: Error) => send(res, 500, 'text/plain; charset=utf-8', `server error: ${err.message}\n`));
  });
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new Error(`port ${port} on ${host} is in use (choose another with --port, or --port 0 for any free port)`));
      else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') reject(new Error(`cannot listen on ${host} (${err.code})`));
      else reject(err);
    });
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${actual}/`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, files: Map<string, string>, graphFile: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
  }
  const path = requestPath(req.url ?? '/');
  if (path === null) return send(res, 400, 'text/plain; charset=utf-8', 'bad request\n');
  if (path === GRAPH_PATH) {
    // read per request (a rebuilt graph shows on reload), with the stamp of the file read: a
    // page drawn from the skeleton checks that this is the graph the skeleton describes
    const read = await readStamped(graphFile);
    if (!read) return send(res, 404, 'application/json; charset=utf-8', JSON.stringify({ error: 'no graph file' }));
    return send(res, 200, CONTENT_TYPES['.json']!, read.bytes, req.method === 'HEAD', { [GRAPH_STAMP_HEADER]: JSON.stringify(read.stamp) });
  }
  if (path === SKELETON_PATH) {
    const body = await currentSkeleton(graphFile);
    if (!body) return send(res, 404, 'application/json; charset=utf-8', JSON.stringify({ error: 'no current skeleton beside the graph file' }));
    return send(res, 200, CONTENT_TYPES['.json']!, body, req.method === 'HEAD');
  }
  if (path.startsWith(ARTICLES_PATH)) return article(req, res, graphFile, path.slice(ARTICLES_PATH.length));
  const file = files.get(path);
  if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  return send(res, 200, type, await readFile(file), req.method === 'HEAD');
}

/** An article of the graph as JSON {id, title, text}: its text as the build decoded it, so the graph's offsets fit. */
async function article(req: IncomingMessage, res: ServerResponse, graphFile: string, id: string): Promise<void> {
  const json = 'application/json; charset=utf-8';
  const docs = await graphDocuments(graphFile);
  const doc = docs.find((d) => d.id === id);
  if (!doc) return send(res, 404, json, JSON.stringify({ error: `no document "${id}" in the graph` }));
  const read = readArticle(doc);
  if (!read) return send(res, 410, json, JSON.stringify({ error: `${doc.path} is gone or has changed since the graph was built` }));
  return send(res, 200, json, JSON.stringify({ id: doc.id, title: doc.title, text: read.original }), req.method === 'HEAD');
}

/** The graph's document list (opened as the query commands open it), read again when the graph file changes. */
let documentsCache: { file: string; mtimeMs: number; docs: DocumentInfo[] } | null = null;
async function graphDocuments(graphFile: string): Promise<DocumentInfo[]> {
  let mtimeMs: number;
  try {
    mtimeMs = (await stat(graphFile)).mtimeMs;
  } catch {
    return [];
  }
  if (documentsCache?.file !== graphFile || documentsCache.mtimeMs !== mtimeMs) {
    let docs: DocumentInfo[] = [];
    try {
      docs = documentsOf(openGraph(graphFile));
    } catch {
      // a graph that cannot be read has no articles to serve; /graph.json says what is wrong
    }
    documentsCache = { file: graphFile, mtimeMs, docs };
  }
  return documentsCache.docs;
}

function isLoopbackHost(header: string | undefined): boolean {
  const name = (header ?? '').replace(/:\d+$/, '');
  return name === 'localhost' || name === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/** The decoded path of a request URL, or null when it is malformed or tries to climb out. */
export function requestPath(url: string): string | null {
  const raw = url.split(/[?#]/, 1)[0]!;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\')) return null;
  if (path.split('/').some((seg) => seg === '..' || seg === '.')) return null;
  return path;
}

/** `use` of the file at `path` opened for reading, closed after; undefined if it cannot be opened or read. */
async function withFile<T>(path: string, use: (file: FileHandle) => Promise<T | undefined>): Promise<T | undefined> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch {
    return undefined;
  }
  try {
    return await use(file);
  } catch {
    return undefined;
  } finally {
    await file.close();
  }
}

/** A file's bytes and the stamp of the file they were read from. */
const readStamped = (path: string) => withFile(path, async (file) => ({ stamp: stampOf(await file.stat()), bytes: await file.readFile() }));

/** The skeleton beside `graphFile` while its stamp (at its head, read first) matches the graph file as it is now. */
const currentSkeleton = (graphFile: string) =>
  withFile(skeletonPath(graphFile), async (file) => {
    const head = Buffer.alloc(512);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    const stamp = skeletonStamp(head.toString('utf8', 0, bytesRead));
    return stamp && sameStamp(stamp, stampOf(await stat(graphFile))) ? file.readFile() : undefined;
  });

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headOnly = false, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache', ...SECURITY_HEADERS, ...headers });
  res.end(headOnly ? undefined : body);
}
