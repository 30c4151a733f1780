// Who may read and write, end to end: real API keys in Neo4j (created and
// revoked with the CLI), JWTs verified by jose, roles on the schema, and the
// admin-only audit trail. Mutations are found in the schema, so every
// mutation added later is covered without touching this file.
import { spawn } from "node:child_process";
import path from "node:path";
import { SignJWT } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { schema } from "../../src/api/schema.ts";
import { createApp } from "../../src/api/yoga.ts";
import { generateApiKey } from "../../src/auth/api-keys.ts";
import { createAuthenticator } from "../../src/auth/authenticate.ts";
import { createJwtVerifier } from "../../src/auth/jwt.ts";
import { ROLES, type Role } from "../../src/auth/roles.ts";
import { loadConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/database.ts";
import { PROJECT_ROOT } from "../../src/db/local-neo4j.ts";
import { recordAudit } from "../../src/graph/audit.ts";
import { createGraph } from "../../src/graph/index.ts";
import { createLogger } from "../../src/log.ts";
import { openTestDatabase, testDatabaseOptions, wipe } from "../helpers/database.ts";
import { rootFieldOperations } from "../helpers/schema-operations.ts";

const JWT = {
  secret: "an-integration-test-secret-long-enough-for-hs256",
  issuer: "https://idp.test",
  audience: "actorgraph",
};

type Reply = {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
};

function signJwt(role: Role | "none", options: { expiresIn?: string; audience?: string } = {}) {
  return new SignJWT(role === "none" ? {} : { role })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("analyst-42")
    .setIssuer(JWT.issuer)
    .setAudience(options.audience ?? JWT.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "5m")
    .sign(new TextEncoder().encode(JWT.secret));
}

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { uri, user, password } = testDatabaseOptions();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "bin/actorgraph.js"), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("authentication and roles", () => {
  let db: Database;
  const keys = {} as Record<Role, string>;

  function appWith(readsRequireRole: boolean, cacheMs = 10_000) {
    const graph = createGraph(db);
    const app = createApp({
      graph,
      log: createLogger("silent", { pretty: false }),
      readiness: () => ({ ready: true }),
      auth: {
        authenticator: createAuthenticator({
          findApiKey: (id) => graph.findApiKey(id),
          verifyJwt: createJwtVerifier({ ...JWT, jwksUrl: undefined }),
          cacheMs,
        }),
        readsRequireRole,
      },
    });
    return async (query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Reply> => {
      const response = await app.fetch("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as Reply["body"] };
    };
  }

  const codeOf = (reply: Reply) => reply.body.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    db = await openTestDatabase();
    await wipe(db);
    const graph = createGraph(db);
    for (const role of ROLES) {
      const key = generateApiKey();
      await graph.saveApiKey({ id: key.id, name: `test ${role}`, role, hash: key.hash });
      keys[role] = key.token;
    }
  });
  afterAll(() => db.close());

  describe("reads", () => {
    it("are open to anonymous callers with the loopback default (AUTH_READS unset, HOST=127.0.0.1)", async () => {
      const config = loadConfig({ HOST: "127.0.0.1" });
      expect(config.auth.readsRequireRole).toBe(false);
      const reply = await appWith(config.auth.readsRequireRole)("{ stats { documents } }");
      expect(reply.status).toBe(200);
      expect(reply.body.errors).toBeUndefined();
    });

    it("need the reader role with AUTH_READS=reader: anonymous gets UNAUTHENTICATED and 401", async () => {
      const config = loadConfig({ HOST: "127.0.0.1", AUTH_READS: "reader" });
      const gql = appWith(config.auth.readsRequireRole);
      const anonymous = await gql("{ stats { documents } }");
      expect(anonymous.status).toBe(401);
      expect(codeOf(anonymous)).toBe("UNAUTHENTICATED");
      expect(anonymous.body.data ?? null).toBeNull();
      const reader = await gql("{ stats { documents } }", {}, keys.reader);
      expect(reader.status).toBe(200);
      expect(reader.body.errors).toBeUndefined();
    });

    it("are closed by default when the server listens beyond loopback", () => {
      expect(loadConfig({ HOST: "0.0.0.0" }).auth.readsRequireRole).toBe(true);
    });
  });

  describe("mutations", () => {
    const mutations = rootFieldOperations(schema, "mutation");

    it.skipIf(mutations.length === 0)("refuse anonymous callers with UNAUTHENTICATED and 401, every one", async () => {
      const gql = appWith(false);
      for (const operation of mutations) {
        const reply = await gql(operation.query, operation.variables);
        expect([operation.name, reply.status, codeOf(reply)]).toEqual([operation.name, 401, "UNAUTHENTICATED"]);
      }
    });

    it.skipIf(mutations.length === 0)("refuse the reader role with FORBIDDEN and 403, every one", async () => {
      const gql = appWith(false);
      for (const operation of mutations) {
        const reply = await gql(operation.query, operation.variables, keys.reader);
        expect([operation.name, reply.status, codeOf(reply)]).toEqual([operation.name, 403, "FORBIDDEN"]);
      }
    });

    it.skipIf(mutations.length === 0)(
      "never refuse an admin for lack of a role (whatever else the dummy input causes)",
      async () => {
        const gql = appWith(false);
        for (const operation of mutations) {
          const reply = await gql(operation.query, operation.variables, keys.admin);
          expect([operation.name, codeOf(reply)]).not.toContainEqual(
            expect.stringMatching(/UNAUTHENTICATED|FORBIDDEN/),
          );
        }
      },
    );
  });

  describe("the audit trail", () => {
    beforeEach(async () => {
      await db.write("MATCH (e:AuditEntry) DETACH DELETE e");
      const actor = {
        principalKind: "api-key",
        principalId: "k1",
        principalName: "test",
        role: "editor",
        requestId: "r1",
      };
      for (const [action, id] of [
        ["ingestDocument", "d1"],
        ["addAlias", "a1"],
        ["ingestDocument", "d2"],
      ] as const) {
        await db.writeTransaction((tx) => recordAudit(tx, actor, action, [id]));
        await new Promise((r) => setTimeout(r, 5));
      }
      await db.writeTransaction((tx) =>
        recordAudit(tx, { ...actor, principalId: "k2", role: "admin" }, "mergeActors", ["a1", "a2"]),
      );
    });

    const AUDIT = `query ($first: Int, $after: String, $action: String, $principal: String) {
      auditTrail(first: $first, after: $after, action: $action, principal: $principal) {
        totalCount edges { cursor node { action ids principalId role requestId at } } pageInfo { hasNextPage endCursor }
      } }`;

    it("is refused to anonymous (401), reader and editor (403), even when reads are open", async () => {
      const gql = appWith(false);
      const anonymous = await gql(AUDIT);
      expect([anonymous.status, codeOf(anonymous)]).toEqual([401, "UNAUTHENTICATED"]);
      for (const role of ["reader", "editor"] as const) {
        const reply = await gql(AUDIT, {}, keys[role]);
        expect([role, reply.status, codeOf(reply)]).toEqual([role, 403, "FORBIDDEN"]);
      }
    });

    it("lists entries newest first for an admin, a page at a time, filtered by action and principal", async () => {
      const gql = appWith(true);
      type Page = {
        auditTrail: {
          totalCount: number;
          edges: { node: { action: string; ids: string[]; principalId: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
      const first = await gql(AUDIT, { first: 2 }, keys.admin);
      expect(first.body.errors).toBeUndefined();
      const page1 = (first.body.data as Page).auditTrail;
      expect(page1.totalCount).toBe(4);
      expect(page1.edges.map((e) => e.node.action)).toEqual(["mergeActors", "ingestDocument"]);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const second = ((await gql(AUDIT, { first: 2, after: page1.pageInfo.endCursor }, keys.admin)).body.data as Page)
        .auditTrail;
      expect(second.edges.map((e) => e.node.ids)).toEqual([["a1"], ["d1"]]);
      expect(second.pageInfo.hasNextPage).toBe(false);
      const ingests = ((await gql(AUDIT, { action: "ingestDocument" }, keys.admin)).body.data as Page).auditTrail;
      expect(ingests.edges.map((e) => e.node.ids[0])).toEqual(["d2", "d1"]);
      const byK2 = ((await gql(AUDIT, { principal: "k2" }, keys.admin)).body.data as Page).auditTrail;
      expect(byK2.edges.map((e) => e.node.action)).toEqual(["mergeActors"]);
    });
  });

  describe("API keys", () => {
    it("stop working once revoked with `actorgraph keys revoke` (after the lookup cache expires)", async () => {
      const created = await runCli(["keys", "create", "--name", "revocation test", "--role", "reader"]);
      expect(created.code, created.stderr).toBe(0);
      const token = created.stdout.trim().split("\n").pop() as string;
      expect(token).toMatch(/^ag_/);
      const gql = appWith(true, 200);
      expect((await gql("{ stats { documents } }", {}, token)).status).toBe(200);
      const id = token.split("_")[1] as string;
      const revoked = await runCli(["keys", "revoke", id]);
      expect(revoked.code, revoked.stderr).toBe(0);
      await new Promise((r) => setTimeout(r, 300));
      const after = await gql("{ stats { documents } }", {}, token);
      expect([after.status, codeOf(after)]).toEqual([401, "UNAUTHENTICATED"]);
      expect(after.body.errors?.[0]?.message).toContain("revoked");
    });

    it("refuse an unknown or tampered key with 401 instead of treating the caller as anonymous", async () => {
      const gql = appWith(false);
      const tampered = `${keys.admin.slice(0, -4)}AAAA`;
      for (const token of [tampered, generateApiKey().token, "ag_garbage"]) {
        const reply = await gql("{ stats { documents } }", {}, token);
        expect([reply.status, codeOf(reply)]).toEqual([401, "UNAUTHENTICATED"]);
      }
    });
  });

  describe("JWT bearer tokens", () => {
    it("grant their role end to end: an admin token reads the audit trail, a reader token is refused", async () => {
      const gql = appWith(true);
      const admin = await gql("{ auditTrail { totalCount } }", {}, await signJwt("admin"));
      expect(admin.body.errors).toBeUndefined();
      const reader = await gql("{ auditTrail { totalCount } }", {}, await signJwt("reader"));
      expect([reader.status, codeOf(reader)]).toEqual([403, "FORBIDDEN"]);
      const read = await gql("{ stats { documents } }", {}, await signJwt("reader"));
      expect(read.body.errors).toBeUndefined();
    });

    it("refuse expired tokens, the wrong audience, a bad signature and tokens without a role", async () => {
      const gql = appWith(true);
      const valid = await signJwt("admin");
      const badSignature = `${valid.slice(0, -6)}AAAAAA`;
      const refused = [
        await signJwt("admin", { expiresIn: "-1m" }),
        await signJwt("admin", { audience: "someone-else" }),
        badSignature,
        await signJwt("none"),
      ];
      for (const token of refused) {
        const reply = await gql("{ stats { documents } }", {}, token);
        expect([reply.status, codeOf(reply)]).toEqual([401, "UNAUTHENTICATED"]);
      }
    });
  });
});
