// Security headers on every response (helmet): no sniffing, no framing, no
// referrer leaks, and a Content-Security-Policy that allows only our own
// scripts. GraphiQL renders inline scripts and Monaco workers from blobs, so
// its page gets a looser policy than the explorer and the API.
import type { IncomingMessage, ServerResponse } from "node:http";
import helmet from "helmet";

const common = {
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: "no-referrer" as const },
  // HSTS only matters behind TLS; a proxy in front sets it with the right max-age.
  strictTransportSecurity: false,
};

const strict = helmet({
  ...common,
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      "script-src": ["'self'"],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:", "blob:"],
    },
  },
});

const graphiql = helmet({
  ...common,
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'", "blob:"],
      "worker-src": ["'self'", "blob:"],
      "style-src": ["'self'", "'unsafe-inline'"],
      "font-src": ["'self'", "data:"],
      "img-src": ["'self'", "data:", "blob:"],
    },
  },
});

export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, graphqlPath = "/graphql"): void {
  const isGraphiQL =
    req.method === "GET" &&
    (req.url ?? "").split("?")[0] === graphqlPath &&
    /text\/html/.test(req.headers.accept ?? "");
  // helmet's middleware only sets headers and calls next synchronously.
  (isGraphiQL ? graphiql : strict)(req, res, () => {});
}
