import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { generateApiKey, parseApiKey, secretMatches } from "../../../src/auth/api-keys.ts";
import { createAuthenticator, type StoredApiKey } from "../../../src/auth/authenticate.ts";
import { createJwtVerifier } from "../../../src/auth/jwt.ts";
import { hasRole } from "../../../src/auth/roles.ts";

const SECRET = "a-test-secret-that-is-long-enough-for-hs256";
const jwtSettings = { secret: SECRET, jwksUrl: undefined, issuer: "https://issuer.test", audience: "actorgraph" };

async function token(
  claims: Record<string, unknown>,
  options: { issuer?: string; audience?: string; expiresIn?: string } = {},
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("analyst-7")
    .setIssuer(options.issuer ?? jwtSettings.issuer)
    .setAudience(options.audience ?? jwtSettings.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "5m")
    .sign(new TextEncoder().encode(SECRET));
}

function authenticatorWith(keys: StoredApiKey[]) {
  let lookups = 0;
  const authenticator = createAuthenticator({
    findApiKey: async (id) => {
      lookups++;
      return keys.find((k) => k.id === id) ?? null;
    },
    verifyJwt: createJwtVerifier(jwtSettings),
  });
  return { authenticator, lookups: () => lookups };
}

describe("API keys", () => {
  it("round-trips a generated key and matches only its own secret", () => {
    const key = generateApiKey();
    const parsed = parseApiKey(key.token);
    expect(parsed).toEqual({ id: key.id, secret: key.secret });
    expect(secretMatches(key.secret, key.hash)).toBe(true);
    expect(secretMatches(generateApiKey().secret, key.hash)).toBe(false);
    expect(key.hash).not.toContain(key.secret);
  });

  it.each(["", "ag_short_x", "bearer ag_x", `ag_${"a".repeat(12)}_${"b".repeat(10)}`])(
    "rejects the malformed key %j",
    (t) => {
      expect(parseApiKey(t)).toBeNull();
    },
  );
});

describe("hasRole", () => {
  it.each([
    ["admin", "editor", true],
    ["editor", "editor", true],
    ["reader", "editor", false],
    [null, "reader", false],
  ] as const)("%s has %s: %s", (granted, needed, expected) => expect(hasRole(granted, needed)).toBe(expected));
});

describe("authenticate", () => {
  const key = generateApiKey();
  const revoked = generateApiKey();
  const stored: StoredApiKey[] = [
    { id: key.id, name: "ingest bot", role: "editor", hash: key.hash, revoked: false },
    { id: revoked.id, name: "old", role: "admin", hash: revoked.hash, revoked: true },
  ];

  it("treats a request without credentials as anonymous", async () => {
    const { authenticator } = authenticatorWith(stored);
    expect(await authenticator.authenticate(new Headers())).toEqual({ kind: "anonymous", role: null });
  });

  it("accepts a valid API key as bearer or x-api-key, and caches the lookup", async () => {
    const { authenticator, lookups } = authenticatorWith(stored);
    const expected = { kind: "api-key", id: key.id, name: "ingest bot", role: "editor" };
    expect(await authenticator.authenticate(new Headers({ authorization: `Bearer ${key.token}` }))).toEqual(expected);
    expect(await authenticator.authenticate(new Headers({ "x-api-key": key.token }))).toEqual(expected);
    expect(lookups()).toBe(1);
  });

  it.each([
    ["a revoked key", () => `Bearer ${revoked.token}`, "revoked"],
    ["an unknown key", () => `Bearer ${generateApiKey().token}`, "Unknown API key"],
    ["a right id with a wrong secret", () => `Bearer ag_${key.id}_${generateApiKey().secret}`, "Unknown API key"],
    ["a malformed header", () => "Basic abc", "Authorization: Bearer"],
  ])("refuses %s", async (_what, header, message) => {
    const { authenticator } = authenticatorWith(stored);
    await expect(authenticator.authenticate(new Headers({ authorization: header() }))).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: expect.stringContaining(message),
    });
  });

  it("accepts a JWT with the right issuer and audience and takes the highest role", async () => {
    const { authenticator } = authenticatorWith(stored);
    const jwt = await token({ roles: ["reader", "admin"], name: "Dana" });
    expect(await authenticator.authenticate(new Headers({ authorization: `Bearer ${jwt}` }))).toEqual({
      kind: "jwt",
      id: "analyst-7",
      name: "Dana",
      role: "admin",
    });
  });

  it.each([
    ["the wrong issuer", () => token({ role: "editor" }, { issuer: "https://evil.test" }), "refused"],
    ["the wrong audience", () => token({ role: "editor" }, { audience: "other" }), "refused"],
    ["an expired token", () => token({ role: "editor" }, { expiresIn: "-1m" }), "refused"],
    ["no role", () => token({}), "grants no role"],
  ])("refuses a JWT with %s", async (_what, make, message) => {
    const { authenticator } = authenticatorWith(stored);
    await expect(
      authenticator.authenticate(new Headers({ authorization: `Bearer ${await make()}` })),
    ).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: expect.stringContaining(message),
    });
  });
});

describe("authenticate without a key cache", () => {
  it("reads the key on every request when cacheMs is 0, so a revocation applies at once", async () => {
    const key = generateApiKey();
    const stored: StoredApiKey = { id: key.id, name: "k", role: "reader", hash: key.hash, revoked: false };
    const authenticator = createAuthenticator({ findApiKey: async () => stored, verifyJwt: null, cacheMs: 0 });
    const headers = new Headers({ authorization: `Bearer ${key.token}` });
    expect((await authenticator.authenticate(headers)).role).toBe("reader");
    stored.revoked = true;
    await expect(authenticator.authenticate(headers)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
