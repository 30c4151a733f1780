// JWT bearer tokens, verified with jose: signature (a shared HS256 secret or
// the issuer's JWKS), issuer, audience and expiry. The role comes from the
// `role` claim or the highest of a `roles` array.
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from "jose";
import { UnauthenticatedError } from "../errors.ts";
import { isRole, type Principal, ROLES, type Role } from "./roles.ts";

export type JwtSettings = {
  secret: string | undefined;
  jwksUrl: string | undefined;
  issuer: string;
  audience: string;
};

function roleOf(payload: JWTPayload): Role | null {
  if (isRole(payload.role)) return payload.role;
  if (Array.isArray(payload.roles)) {
    const granted = payload.roles.filter(isRole);
    for (const role of [...ROLES].reverse()) if (granted.includes(role)) return role;
  }
  return null;
}

export function createJwtVerifier(settings: JwtSettings): (token: string) => Promise<Principal> {
  const key = settings.jwksUrl
    ? createRemoteJWKSet(new URL(settings.jwksUrl))
    : new TextEncoder().encode(settings.secret ?? "");
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], {
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ["exp", "sub"],
      }));
    } catch (error) {
      throw new UnauthenticatedError(`The bearer token was refused (${(error as Error).message}).`, { cause: error });
    }
    const role = roleOf(payload);
    if (!role)
      throw new UnauthenticatedError(`The token grants no role: set a "role" claim to one of ${ROLES.join(", ")}.`);
    const subject = payload.sub ?? "unknown";
    return { kind: "jwt", id: subject, name: typeof payload.name === "string" ? payload.name : subject, role };
  };
}
