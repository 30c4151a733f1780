// HTTP-level protections of the running service: body size (413), rate limit
// (429 + Retry-After), security headers, CORS allow-list.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { type Service, startService } from "../../src/service.ts";
import { testDatabaseOptions } from "../helpers/database.ts";

const log = createLogger("silent", { pretty: false });

describe("HTTP hardening", () => {
  let service: Service;
  beforeAll(async () => {
    const { uri, user, password } = testDatabaseOptions();
    const config = loadConfig({
      SAMPLE_DATA: "off",
      NEO4J_URI: uri,
      NEO4J_USER: user,
      NEO4J_PASSWORD: password,
      MAX_BODY_BYTES: "2048",
      RATE_LIMIT_PER_MINUTE: "30",
      CORS_ORIGINS: "https://analyst.example",
    });
    service = await startService({ ...config, port: 0 }, log);
  });
  afterAll(() => service.stop());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${service.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });

  it("refuses a body over MAX_BODY_BYTES with 413", async () => {
    const response = await post(JSON.stringify({ query: `{ databaseInfo { name } } # ${"x".repeat(5000)}` }));
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].message).toContain("at most 2048 bytes");
  });

  /**
   * Status and body of a POST sent in chunks, without Content-Length
   * (Transfer-Encoding: chunked). node:http rather than fetch: the server may
   * answer 413 and close while chunks are still on their way, and fetch then
   * reports the closed socket instead of the answer.
   */
  const postChunked = (text: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${service.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
      });
      req.on("response", async (res) => {
        let body = "";
        for await (const chunk of res) body += chunk;
        resolve({ status: res.statusCode ?? 0, body });
      });
      req.on("error", (error) => setTimeout(() => reject(error), 1000));
      for (let at = 0; at < text.length; at += 1000) req.write(text.slice(at, at + 1000));
      req.end();
    });

  it("counts a body that declares no length, and refuses it with 413 once it passes MAX_BODY_BYTES", async () => {
    const small = await postChunked(JSON.stringify({ query: "{ __typename }" }));
    expect([small.status, JSON.parse(small.body)]).toEqual([200, { data: { __typename: "Query" } }]);
    const large = await postChunked(JSON.stringify({ query: `{ __typename } # ${"x".repeat(5000)}` }));
    expect([large.status, JSON.parse(large.body).errors[0].extensions.code]).toEqual([413, "REQUEST_ENTITY_TOO_LARGE"]);
  });

  it("reports the time spent on Neo4j and the number of statements in Server-Timing", async () => {
    const timing = async (query: string) => (await post(JSON.stringify({ query }))).headers.get("server-timing");
    expect(await timing("{ __typename }")).toMatch(/^db;dur=0\.00;desc="0 Cypher statements", total;dur=\d+\.\d\d$/);
    expect(await timing("{ actors(first: 1) { edges { node { id } } } }")).toMatch(
      /^db;dur=\d+\.\d\d;desc="1 Cypher statement", total;dur=\d+\.\d\d$/,
    );
  });

  it("sets security headers on API responses and GraphiQL", async () => {
    const api = await post(JSON.stringify({ query: "{ databaseInfo { name } }" }), { "x-api-key": "" });
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    expect(api.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(api.headers.get("content-security-policy")).toContain("script-src 'self'");
    const page = await fetch(`${service.url}/graphql`, { headers: { accept: "text/html" } });
    expect(page.headers.get("content-security-policy")).toContain("'unsafe-inline'");
  });

  it("answers CORS preflights only for allowed origins", async () => {
    const preflight = (origin: string) =>
      fetch(`${service.url}/graphql`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
    expect((await preflight("https://analyst.example")).headers.get("access-control-allow-origin")).toBe(
      "https://analyst.example",
    );
    // Yoga names an allowed origin, never the caller's: the browser then refuses.
    expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).not.toBe(
      "https://evil.example",
    );
  });

  it("limits requests per address with 429 and Retry-After", async () => {
    let limited: Response | null = null;
    for (let i = 0; i < 40 && !limited; i++) {
      const response = await fetch(`${service.url}/healthz`);
      if (response.status === 429) limited = response;
    }
    if (!limited) throw new Error("no request was limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      "RATE_LIMITED",
    );
  });
});
