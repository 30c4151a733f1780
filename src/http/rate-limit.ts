// A rate limit per API key (when one is sent) and per client address, with
// rate-limiter-flexible. In memory: with several API instances behind a load
// balancer, swap RateLimiterMemory for its RateLimiterRedis.
import type { IncomingMessage, ServerResponse } from "node:http";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export type RateLimitSettings = { perMinute: number };

function credentialKey(req: IncomingMessage): string | null {
  const header = req.headers["x-api-key"] ?? req.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  // The key id, not the secret, names the bucket (ag_<id>_<secret>).
  const match = value ? /ag_([a-z0-9]{12})_/.exec(value) : null;
  return match ? `key:${match[1]}` : null;
}

/** Returns a guard that answers 429 with Retry-After and returns false when the caller is over the limit. */
export function createRateLimit(settings: RateLimitSettings) {
  if (settings.perMinute <= 0) return async () => true;
  const limiter = new RateLimiterMemory({ points: settings.perMinute, duration: 60 });
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const key = credentialKey(req) ?? `ip:${req.socket.remoteAddress ?? "unknown"}`;
    try {
      await limiter.consume(key);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      res.writeHead(429, { "content-type": "application/json", "retry-after": String(retryAfter) });
      res.end(
        JSON.stringify({
          errors: [
            {
              message: `Rate limit exceeded: at most ${settings.perMinute} requests a minute per API key or address (RATE_LIMIT_PER_MINUTE). Retry in ${retryAfter} s.`,
              extensions: { code: "RATE_LIMITED" },
            },
          ],
        }),
      );
      return false;
    }
  };
}
