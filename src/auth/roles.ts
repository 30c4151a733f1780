// Roles and what they allow: reader < editor < admin. Reads need `reader`
// (or nothing, when reads are open), every mutation `editor`, merges,
// splits, retractions and the audit trail `admin`.
export const ROLES = ["reader", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { reader: 1, editor: 2, admin: 3 };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function hasRole(granted: Role | null, needed: Role): boolean {
  return granted !== null && RANK[granted] >= RANK[needed];
}

/** Who is calling: an API key, a JWT subject, or nobody. */
export type Principal =
  | { kind: "api-key" | "jwt"; id: string; name: string; role: Role }
  | { kind: "anonymous"; role: null };

export const ANONYMOUS: Principal = { kind: "anonymous", role: null };
