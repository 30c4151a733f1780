// loadConfig(env): the only reader of process.env. Validates every setting
// once and fails with one message naming each bad variable and what it allows.
import { readFileSync } from "node:fs";
import { z } from "zod";

/** Secrets may come from files (Docker/Kubernetes secrets): X_FILE names the file holding X. */
const SECRET_VARIABLES = ["NEO4J_PASSWORD", "JWT_SECRET"] as const;

function withSecretFiles(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const resolved = { ...env };
  for (const name of SECRET_VARIABLES) {
    const file = env[`${name}_FILE`];
    if (!file) continue;
    try {
      resolved[name] = readFileSync(file, "utf8").trim();
    } catch (error) {
      throw new ConfigError(
        `Invalid configuration: ${name}_FILE=${file} cannot be read (${(error as NodeJS.ErrnoException).code}).`,
      );
    }
  }
  return resolved;
}

const port = z.coerce
  .number({ message: "must be a whole number from 1 to 65535" })
  .int("must be a whole number from 1 to 65535")
  .min(1, "must be a whole number from 1 to 65535")
  .max(65535, "must be a whole number from 1 to 65535");

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

const ConfigSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  NODE_ENV: z.string().default("development"),
  NEO4J_URI: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(
        /^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/,
        "must be a Bolt URI such as bolt://localhost:7687 or neo4j+s://host",
      )
      .optional(),
  ),
  NEO4J_USER: z.string().default("neo4j"),
  NEO4J_PASSWORD: z.string().default(""),
  NEO4J_DATABASE: z.preprocess(emptyToUndefined, z.string().optional()),
  LOCAL_NEO4J_PORT: port.default(7687),
  LOCAL_NEO4J_DATA_DIR: z.string().min(1).default(".neo4j/data"),
  LOCAL_NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/i, "must be a size such as 512m or 2g")
    .default("1g"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  AUTH_READS: z.preprocess(emptyToUndefined, z.enum(["open", "reader"]).optional()),
  JWT_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, "must be at least 32 characters").optional()),
  JWT_JWKS_URL: z.preprocess(emptyToUndefined, z.url({ message: "must be the issuer's JWKS URL" }).optional()),
  JWT_ISSUER: z.preprocess(emptyToUndefined, z.string().optional()),
  JWT_AUDIENCE: z.string().default("actorgraph"),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0, "must be 0 (off) or more").default(3000),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024, "must be at least 1024").default(1_000_000),
  INGEST_MAX_BYTES: z.coerce.number().int().min(1024, "must be at least 1024").default(5_000_000),
  CORS_ORIGINS: z.string().default(""),
  GRAPHIQL: z.enum(["on", "off"]).optional(),
  INTROSPECTION: z.enum(["on", "off"]).optional(),
  SAMPLE_DATA: z.enum(["on", "off"]).default("on"),
  PERSISTED_OPERATIONS_FILE: z.preprocess(emptyToUndefined, z.string().optional()),
  NEO4J_QUERY_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100, "must be at least 100 (milliseconds)")
    .max(600_000, "must be at most 600000 (milliseconds)")
    .default(10_000),
});

export type Config = {
  port: number;
  host: string;
  /** Set when the user points at their own Neo4j; then nothing local is started. */
  neo4jUri: string | undefined;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string | undefined;
  localNeo4j: { port: number; dataDir: string; heap: string };
  logLevel: z.infer<typeof ConfigSchema>["LOG_LEVEL"];
  queryTimeoutMs: number;
  /** Ingest the sample corpus when the service starts on an empty graph. */
  sampleOnEmpty: boolean;
  auth: {
    /** Whether reads need the reader role; open by default only on a loopback address. */
    readsRequireRole: boolean;
    jwt: { secret: string | undefined; jwksUrl: string | undefined; issuer: string; audience: string } | null;
  };
  limits: { ratePerMinute: number; maxBodyBytes: number; ingestMaxBytes: number };
  web: {
    corsOrigins: string[];
    graphiql: boolean;
    introspection: boolean;
    /** Allow-list mode: only the operations in this JSON file ({hash: query}) run. */
    persistedOperationsFile: string | undefined;
  };
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env): Config {
  const env = withSecretFiles(rawEnv);
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".")}=${JSON.stringify(env[String(issue.path[0])] ?? "")}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration (see README "Configuration"):\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  const loopback = ["127.0.0.1", "::1", "localhost"].includes(c.HOST);
  if ((c.JWT_SECRET || c.JWT_JWKS_URL) && !c.JWT_ISSUER) {
    throw new ConfigError("Invalid configuration: JWT_ISSUER is required when JWT_SECRET or JWT_JWKS_URL is set.");
  }
  return {
    port: c.PORT,
    host: c.HOST,
    neo4jUri: c.NEO4J_URI,
    neo4jUser: c.NEO4J_USER,
    neo4jPassword: c.NEO4J_PASSWORD,
    neo4jDatabase: c.NEO4J_DATABASE,
    localNeo4j: { port: c.LOCAL_NEO4J_PORT, dataDir: c.LOCAL_NEO4J_DATA_DIR, heap: c.LOCAL_NEO4J_HEAP },
    logLevel: c.LOG_LEVEL,
    queryTimeoutMs: c.NEO4J_QUERY_TIMEOUT_MS,
    sampleOnEmpty: c.SAMPLE_DATA === "on",
    auth: {
      readsRequireRole: c.AUTH_READS ? c.AUTH_READS === "reader" : !loopback,
      jwt:
        c.JWT_ISSUER && (c.JWT_SECRET || c.JWT_JWKS_URL)
          ? { secret: c.JWT_SECRET, jwksUrl: c.JWT_JWKS_URL, issuer: c.JWT_ISSUER, audience: c.JWT_AUDIENCE }
          : null,
    },
    limits: {
      ratePerMinute: c.RATE_LIMIT_PER_MINUTE,
      maxBodyBytes: c.MAX_BODY_BYTES,
      ingestMaxBytes: c.INGEST_MAX_BYTES,
    },
    web: {
      corsOrigins: c.CORS_ORIGINS.split(",")
        .map((o) => o.trim())
        .filter(Boolean),
      graphiql: c.GRAPHIQL ? c.GRAPHIQL === "on" : c.NODE_ENV !== "production",
      introspection: c.INTROSPECTION ? c.INTROSPECTION === "on" : c.NODE_ENV !== "production",
      persistedOperationsFile: c.PERSISTED_OPERATIONS_FILE,
    },
  };
}
