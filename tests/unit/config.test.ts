import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

describe("loadConfig", () => {
  it("applies the documented defaults to an empty environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      neo4jUri: undefined,
      neo4jUser: "neo4j",
      localNeo4j: { port: 7687, dataDir: ".neo4j/data", heap: "1g" },
      logLevel: "info",
    });
  });

  it("reads every variable", () => {
    const config = loadConfig({
      PORT: "8080",
      NEO4J_URI: "neo4j+s://abc.databases.neo4j.io",
      NEO4J_USER: "reader",
      NEO4J_PASSWORD: "secret",
      NEO4J_DATABASE: "intel",
      LOCAL_NEO4J_PORT: "7699",
      LOCAL_NEO4J_DATA_DIR: "/tmp/n",
      LOG_LEVEL: "debug",
    });
    expect(config).toMatchObject({
      port: 8080,
      neo4jUri: "neo4j+s://abc.databases.neo4j.io",
      neo4jUser: "reader",
      neo4jPassword: "secret",
      neo4jDatabase: "intel",
      localNeo4j: { port: 7699, dataDir: "/tmp/n" },
      logLevel: "debug",
    });
  });

  it("treats an empty NEO4J_URI as unset", () => {
    expect(loadConfig({ NEO4J_URI: "" }).neo4jUri).toBeUndefined();
  });

  it.each([
    ["PORT", "abc", "whole number from 1 to 65535"],
    ["PORT", "70000", "whole number from 1 to 65535"],
    ["PORT", "0", "whole number from 1 to 65535"],
    ["LOCAL_NEO4J_PORT", "-1", "whole number from 1 to 65535"],
    ["NEO4J_URI", "http://localhost:7474", "Bolt URI"],
    ["LOG_LEVEL", "loud", "info"],
    ["LOCAL_NEO4J_HEAP", "lots", "512m or 2g"],
  ])("rejects %s=%s with a message naming the variable", (name, value, allowed) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      expect((error as Error).message).toContain(`${name}=`);
      expect((error as Error).message).toContain(allowed);
    }
  });
});

describe("loadConfig security settings", () => {
  it("opens reads on loopback and closes them on other addresses unless AUTH_READS says otherwise", () => {
    expect(loadConfig({}).auth.readsRequireRole).toBe(false);
    expect(loadConfig({ HOST: "0.0.0.0" }).auth.readsRequireRole).toBe(true);
    expect(loadConfig({ HOST: "0.0.0.0", AUTH_READS: "open" }).auth.readsRequireRole).toBe(false);
    expect(loadConfig({ AUTH_READS: "reader" }).auth.readsRequireRole).toBe(true);
  });

  it("turns GraphiQL and introspection off in production unless asked", () => {
    expect(loadConfig({ NODE_ENV: "production" }).web).toMatchObject({ graphiql: false, introspection: false });
    expect(loadConfig({ NODE_ENV: "production", GRAPHIQL: "on" }).web.graphiql).toBe(true);
    expect(loadConfig({}).web).toMatchObject({ graphiql: true, introspection: true });
  });

  it("needs an issuer for JWTs and a long enough secret", () => {
    expect(() => loadConfig({ JWT_SECRET: "x".repeat(40) })).toThrow("JWT_ISSUER is required");
    expect(() => loadConfig({ JWT_SECRET: "short", JWT_ISSUER: "i" })).toThrow("at least 32 characters");
    expect(loadConfig({ JWT_SECRET: "x".repeat(40), JWT_ISSUER: "https://i" }).auth.jwt).toMatchObject({
      issuer: "https://i",
      audience: "actorgraph",
    });
  });

  it("reads secrets from *_FILE variables and names an unreadable one", async () => {
    const { mkdtemp, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(`${tmpdir()}/ag-config-`);
    await writeFile(`${dir}/pw`, "s3cret\n");
    expect(loadConfig({ NEO4J_PASSWORD_FILE: `${dir}/pw` }).neo4jPassword).toBe("s3cret");
    expect(() => loadConfig({ NEO4J_PASSWORD_FILE: `${dir}/missing` })).toThrow("NEO4J_PASSWORD_FILE");
  });

  it("parses the CORS allow-list", () => {
    expect(loadConfig({ CORS_ORIGINS: "https://a.example, https://b.example" }).web.corsOrigins).toEqual([
      "https://a.example",
      "https://b.example",
    ]);
  });
});
