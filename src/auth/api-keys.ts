// API keys: "ag_<id>_<secret>". Only a SHA-256 of the secret is stored: the
// secret is 32 random bytes, so a fast hash is as safe as a slow one and
// keeps verification cheap. Shown once, at creation.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const KEY_PATTERN = /^ag_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export type NewApiKey = { id: string; secret: string; token: string; hash: string };

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function generateApiKey(): NewApiKey {
  const id = randomBytes(9)
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "0")
    .slice(0, 12);
  const secret = randomBytes(32).toString("base64url");
  return { id, secret, token: `ag_${id}_${secret}`, hash: hashSecret(secret) };
}

/** Splits a presented key; null when it is not shaped like one of ours. */
export function parseApiKey(token: string): { id: string; secret: string } | null {
  const match = KEY_PATTERN.exec(token.trim());
  return match?.[1] && match[2] ? { id: match[1], secret: match[2] } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
