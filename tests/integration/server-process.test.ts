// `npm start` as a process: it starts its own Neo4j, serves, and on
// SIGTERM/SIGINT lets in-flight requests finish, stops that Neo4j and exits 0.
import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { request } from "node:http";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort, PROJECT_ROOT, probeBolt } from "../../src/db/local-neo4j.ts";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("server process", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "on %s finishes the in-flight request, stops the Neo4j it started and exits 0",
    async (signal) => {
      const [port, boltPort] = [await freePort(), await freePort()];
      const dataDir = `.neo4j/process-test-${boltPort}`;
      const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          NEO4J_URI: "",
          PORT: String(port),
          LOCAL_NEO4J_PORT: String(boltPort),
          LOCAL_NEO4J_DATA_DIR: dataDir,
          LOCAL_NEO4J_HEAP: "512m",
          LOG_LEVEL: "info",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      try {
        const deadline = Date.now() + 180_000;
        while (!output.includes("actorgraph ready") && Date.now() < deadline && child.exitCode === null) {
          await new Promise((r) => setTimeout(r, 200));
        }
        expect(output).toContain("actorgraph ready");
        const neo4jPid = (
          JSON.parse(await readFile(path.join(PROJECT_ROOT, dataDir, "actorgraph-neo4j.pid"), "utf8")) as {
            pid: number;
          }
        ).pid;
        expect(isAlive(neo4jPid)).toBe(true);

        // An in-flight request: headers sent, body not yet complete.
        const body = JSON.stringify({ query: "{ databaseInfo { name } }" });
        const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
          const req = request(
            {
              host: "127.0.0.1",
              port,
              path: "/graphql",
              method: "POST",
              headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
            },
            (res) => {
              let text = "";
              res.on("data", (chunk) => (text += chunk));
              res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
            },
          );
          req.on("error", reject);
          req.write(body.slice(0, 10));
          setTimeout(() => req.end(body.slice(10)), 500);
        });
        await new Promise((r) => setTimeout(r, 100));
        child.kill(signal);

        const answered = await response;
        expect(answered.status).toBe(200);
        expect(JSON.parse(answered.text)).toEqual({ data: { databaseInfo: { name: "Neo4j Kernel" } } });
        expect(await exited).toBe(0);
        expect(isAlive(neo4jPid)).toBe(false);
        expect(await probeBolt(boltPort)).toBe("free");
      } finally {
        if (child.exitCode === null) child.kill("SIGKILL");
        await rm(path.join(PROJECT_ROOT, dataDir), { recursive: true, force: true });
      }
    },
    240_000,
  );
});
