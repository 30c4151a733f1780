// Turns a request's credentials into a Principal: `Authorization: Bearer
// ag_…` or `x-api-key: ag_…` is an API key, any other bearer token a JWT, and
// no credentials the anonymous caller. Credentials that are presented but
// wrong are refused, never quietly downgraded to anonymous.
import { LRUCache } from "lru-cache";
import { UnauthenticatedError } from "../errors.ts";
import { parseApiKey, secretMatches } from "./api-keys.ts";
import { ANONYMOUS, isRole, type Principal } from "./roles.ts";

export type StoredApiKey = { id: string; name: string; role: string; hash: string; revoked: boolean };

export type AuthenticatorOptions = {
  findApiKey: (id: string) => Promise<StoredApiKey | null>;
  verifyJwt: ((token: string) => Promise<Principal>) | null;
  /** How long a looked-up key is trusted before it is read again (revocation delay). */
  cacheMs?: number;
};

export function createAuthenticator(options: AuthenticatorOptions) {
  const cacheMs = options.cacheMs ?? 10_000;
  // lru-cache reads a ttl of 0 as "never expires", so 0 here means: no cache at all.
  const cache = cacheMs > 0 ? new LRUCache<string, StoredApiKey | "missing">({ max: 1000, ttl: cacheMs }) : null;

  async function lookup(id: string): Promise<StoredApiKey | null> {
    const cached = cache?.get(id);
    if (cached !== undefined) return cached === "missing" ? null : cached;
    const found = await options.findApiKey(id);
    cache?.set(id, found ?? "missing");
    return found;
  }

  async function fromApiKey(token: string): Promise<Principal> {
    const parsed = parseApiKey(token);
    if (!parsed) throw new UnauthenticatedError("The API key is malformed: keys look like ag_<id>_<secret>.");
    const stored = await lookup(parsed.id);
    if (!stored || !secretMatches(parsed.secret, stored.hash)) throw new UnauthenticatedError("Unknown API key.");
    if (stored.revoked) throw new UnauthenticatedError("This API key was revoked.");
    if (!isRole(stored.role)) throw new UnauthenticatedError("This API key has no valid role.");
    return { kind: "api-key", id: stored.id, name: stored.name, role: stored.role };
  }

  return {
    async authenticate(headers: Headers): Promise<Principal> {
      const apiKey = headers.get("x-api-key");
      if (apiKey) return fromApiKey(apiKey);
      const authorization = headers.get("authorization");
      if (!authorization) return ANONYMOUS;
      const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!match?.[1]) throw new UnauthenticatedError('Use "Authorization: Bearer <API key or JWT>".');
      const token = match[1];
      if (token.startsWith("ag_")) return fromApiKey(token);
      if (!options.verifyJwt)
        throw new UnauthenticatedError("JWT bearer tokens are not enabled on this server (set JWT_ISSUER).");
      return options.verifyJwt(token);
    },
    /** Forget cached keys (after a revocation in this process). */
    forget(id?: string) {
      if (id) cache?.delete(id);
      else cache?.clear();
    },
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
