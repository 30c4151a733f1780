// The process logger: pino, pretty on a terminal and JSON lines otherwise.
import pino, { type Logger } from "pino";

export type { Logger };

export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const pretty = options.pretty ?? Boolean(process.stdout.isTTY);
  return pino({
    level,
    // Secrets never reach the log, even if a caller passes a whole config or request.
    redact: {
      paths: ["neo4jPassword", "*.neo4jPassword", "authorization", "*.authorization", "headers.authorization"],
      censor: "[redacted]",
    },
    ...(pretty
      ? { transport: { target: "pino-pretty", options: { colorize: true, translateTime: "SYS:HH:MM:ss.l" } } }
      : {}),
  });
}
