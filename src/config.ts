// loadConfig(env): the only reader of process.env. Validates every setting
// once and fails with one message naming each bad variable and what it allows.
import { z } from "zod";

const port = z.coerce
  .number({ message: "must be a whole number from 1 to 65535" })
  .int("must be a whole number from 1 to 65535")
  .min(1, "must be a whole number from 1 to 65535")
  .max(65535, "must be a whole number from 1 to 65535");

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

const ConfigSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
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
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".")}=${JSON.stringify(env[String(issue.path[0])] ?? "")}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration (see README "Configuration"):\n${lines.join("\n")}`);
  }
  const c = parsed.data;
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
  };
}
