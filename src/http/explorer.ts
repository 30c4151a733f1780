// Serves the built graph explorer (web/dist) at /explorer: static files with
// their content types, index.html for the bare path, 404 for anything not in
// the bundle, and never a file outside it. The explorer itself only talks to
// /graphql over HTTP; this module just hands out its files.
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const EXPLORER_PATH = "/explorer";

/** Where `npm run web:build` writes the bundle. */
export const DEFAULT_EXPLORER_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

export function toContentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * The bundle-relative file a request path asks for, "index.html" for the
 * explorer's root, or null when the path is not the explorer's or would
 * leave the bundle (`..`, encoded separators, NUL).
 */
export function toExplorerFile(pathname: string): string | null {
  if (pathname !== EXPLORER_PATH && !pathname.startsWith(`${EXPLORER_PATH}/`)) return null;
  let rest: string;
  try {
    rest = decodeURIComponent(pathname.slice(EXPLORER_PATH.length + 1));
  } catch {
    return null;
  }
  if (rest === "") return "index.html";
  if (rest.includes("\0") || rest.includes("\\")) return null;
  const parts = rest.split("/");
  if (parts.some((part) => part === ".." || part === "." || part === "")) return null;
  return parts.join("/");
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, head: boolean) {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Explorer not built</title>
<h1>The graph explorer is not built yet</h1>
<p>Run <code>npm run web:build</code> (or restart with <code>npm start</code>, which builds it when missing), then reload this page.</p>
<p>GraphiQL is available meanwhile at <a href="/graphql">/graphql</a>.</p>`;

/**
 * A request handler for /explorer: answers and returns true for the
 * explorer's paths, returns false for every other path so the caller can
 * hand it on (to the GraphQL app).
 */
export function createExplorerHandler(distDir: string = DEFAULT_EXPLORER_DIST) {
  const root = normalize(distDir + sep);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (pathname !== EXPLORER_PATH && !pathname.startsWith(`${EXPLORER_PATH}/`)) return false;
    serve(req, res, pathname, root).catch((error: Error) => {
      if (!res.headersSent)
        send(res, 500, "text/plain; charset=utf-8", `Could not read the explorer: ${error.message}\n`, false);
      else res.destroy(error);
    });
    return true;
  };
}

async function serve(req: IncomingMessage, res: ServerResponse, pathname: string, root: string) {
  const head = req.method === "HEAD";
  if (req.method !== "GET" && !head) {
    res.setHeader("allow", "GET, HEAD");
    return send(res, 405, "text/plain; charset=utf-8", "Method not allowed\n", head);
  }
  const file = toExplorerFile(pathname);
  const full = file === null ? null : normalize(join(root, file));
  if (full === null || !full.startsWith(root)) return send(res, 404, "text/plain; charset=utf-8", "Not found\n", head);
  try {
    const info = await stat(full);
    if (!info.isFile()) return send(res, 404, "text/plain; charset=utf-8", "Not found\n", head);
    const body = await readFile(full);
    // Vite names assets by content hash, so they never change; index.html does.
    res.setHeader("cache-control", file?.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    return send(res, 200, toContentType(full), body, head);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const built = await stat(join(root, "index.html")).then(
      () => true,
      () => false,
    );
    if (!built) return send(res, 503, "text/html; charset=utf-8", NOT_BUILT, head);
    return send(res, 404, "text/plain; charset=utf-8", "Not found\n", head);
  }
}
