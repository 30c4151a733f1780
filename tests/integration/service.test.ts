// The running service against the real Neo4j: health, readiness, the
// DATABASE_UNAVAILABLE contract during an outage and recovery without restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { type Service, startService } from "../../src/service.ts";
import { testDatabaseOptions } from "../helpers/database.ts";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy.ts";

const log = createLogger("silent", { pretty: false });

async function graphql(url: string, query: string) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

function serviceConfig(uri: string) {
  const { user, password } = testDatabaseOptions();
  return loadConfig({
    PORT: "1",
    NEO4J_URI: uri,
    NEO4J_USER: user,
    NEO4J_PASSWORD: password,
    LOG_LEVEL: "silent",
    SAMPLE_DATA: "off",
  });
}

describe("service on a reachable Neo4j", () => {
  let service: Service;
  beforeAll(async () => {
    service = await startService({ ...serviceConfig(testDatabaseOptions().uri), port: 0 }, log);
  });
  afterAll(() => service.stop());

  it("answers /healthz and /readyz with 200 once migrations are applied", async () => {
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
  });

  it("serves GraphQL from the real database and tags the response with a request id", async () => {
    const response = await fetch(`${service.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "test-req-1" },
      body: JSON.stringify({ query: "{ databaseInfo { name edition version } }" }),
    });
    expect(response.headers.get("x-request-id")).toBe("test-req-1");
    const body = (await response.json()) as { data: { databaseInfo: { name: string; version: string } } };
    expect(body.data.databaseInfo.name).toBe("Neo4j Kernel");
    expect(body.data.databaseInfo.version).toMatch(/^\d+\.\d+/);
  });

  it("serves GraphiQL at /graphql to a browser", async () => {
    const response = await fetch(`${service.url}/graphql`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("GraphiQL");
  });
});

describe("service when Neo4j goes away and comes back", () => {
  let proxy: TcpProxy;
  let service: Service;
  beforeAll(async () => {
    const target = new URL(testDatabaseOptions().uri.replace(/^[a-z+]+:/, "http:"));
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    service = await startService({ ...serviceConfig(`bolt://127.0.0.1:${proxy.port}`), port: 0 }, log);
  });
  afterAll(async () => {
    await service.stop();
    await proxy.close();
  });

  it("answers DATABASE_UNAVAILABLE within a second, reports 503 on /readyz, and recovers without restart", async () => {
    expect((await graphql(service.url, "{ databaseInfo { name } }")).body.data).toBeTruthy();

    await proxy.cut();
    // The first query after the cut discovers the outage; each must answer fast.
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const { status, body } = await graphql(service.url, "{ databaseInfo { name } }");
      expect(Date.now() - started).toBeLessThan(1000);
      expect(status).toBe(200);
      expect(body.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
      expect(body.errors?.[0]?.message).not.toMatch(/at .*\.ts:\d+/);
    }
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { reason: string }).reason).toContain("Neo4j unreachable");
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);

    await proxy.restore();
    await waitFor(async () => (await fetch(`${service.url}/readyz`)).status === 200, 15_000);
    expect((await graphql(service.url, "{ databaseInfo { name } }")).body.data).toEqual({
      databaseInfo: { name: "Neo4j Kernel" },
    });
  });
});

describe("service started while Neo4j is unreachable", () => {
  it("still starts, is not ready, and becomes ready when Neo4j appears", async () => {
    const target = new URL(testDatabaseOptions().uri.replace(/^[a-z+]+:/, "http:"));
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    await proxy.cut();
    const service = await startService({ ...serviceConfig(`bolt://127.0.0.1:${proxy.port}`), port: 0 }, log);
    try {
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${service.url}/readyz`)).status).toBe(503);
      const started = Date.now();
      const { body } = await graphql(service.url, "{ databaseInfo { name } }");
      expect(Date.now() - started).toBeLessThan(1000);
      expect(body.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");

      await proxy.restore();
      await waitFor(async () => (await fetch(`${service.url}/readyz`)).status === 200, 15_000);
    } finally {
      await service.stop();
      await proxy.close();
    }
  });
});
