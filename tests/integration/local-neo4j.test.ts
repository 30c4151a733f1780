// Provisioning failures of the local Neo4j: each ends with a message that
// says what to install or change, and a non-zero exit code from the CLI.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chooseRuntime,
  freePort,
  jarCacheDir,
  launcherClasspath,
  PROJECT_ROOT,
  probeBolt,
  startLocalNeo4j,
} from "../../src/db/local-neo4j.ts";
import { LocalNeo4jError } from "../../src/errors.ts";
import { testDatabaseOptions } from "../helpers/database.ts";

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "bin/actorgraph.js"), ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

function listen(onConnection: (socket: import("node:net").Socket) => void): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer(onConnection);
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

describe("local Neo4j provisioning", () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "actorgraph-test-"));
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it("says to install a JDK when none is found, and exits non-zero", async () => {
    const { port } = await listen(() => {}).then(({ server, port }) => {
      server.close();
      return { port };
    });
    const { code, output } = await runCli(["db", "start"], {
      PATH: scratch, // no java here
      ACTORGRAPH_JVM_ROOT: path.join(scratch, "no-jvms"),
      LOCAL_NEO4J_PORT: String(port),
      LOCAL_NEO4J_DATA_DIR: path.join(scratch, "data-nojdk"),
      HOME: scratch,
    });
    expect(code).not.toBe(0);
    expect(output).toContain("No Java runtime found");
    expect(output).toContain("Install a JDK");
  });

  it("says to install Maven when the jars are not cached and mvn is missing, and exits non-zero", async () => {
    const { code, output } = await runCli(["db", "start"], {
      ...process.env,
      NEO4J_URI: "",
      ACTORGRAPH_MVN: path.join(scratch, "no-such-mvn"),
      ACTORGRAPH_CACHE_DIR: path.join(scratch, "empty-cache"),
      LOCAL_NEO4J_PORT: "1", // nothing listens there, so provisioning goes on to Maven
      LOCAL_NEO4J_DATA_DIR: path.join(scratch, "data-nomvn"),
    });
    expect(code).not.toBe(0);
    expect(output).toContain("Maven (mvn) was not found");
    expect(output).toContain("apt-get install maven");
  });

  it("refuses a Bolt port taken by a program that is not Neo4j", async () => {
    const { server, port } = await listen((socket) => {
      socket.on("data", () => socket.end("HTTP/1.1 400 Bad Request\r\n\r\n"));
    });
    try {
      expect(await probeBolt(port)).toBe("other");
      const attempt = startLocalNeo4j({ port, dataDir: path.join(scratch, "data-taken"), heap: "256m" });
      await expect(attempt).rejects.toThrow(LocalNeo4jError);
      await expect(attempt).rejects.toThrow(`Port ${port} is taken by a program that is not Neo4j`);
      const { code, output } = await runCli(["db", "start"], {
        ...process.env,
        LOCAL_NEO4J_PORT: String(port),
        LOCAL_NEO4J_DATA_DIR: path.join(scratch, "data-taken"),
      });
      expect(code).not.toBe(0);
      expect(output).toContain("LOCAL_NEO4J_PORT");
    } finally {
      server.close();
    }
  });

  it("refuses a port where a Neo4j it did not start listens, and says how to use it", async () => {
    const port = Number(new URL(testDatabaseOptions().uri.replace(/^[a-z+]+:/, "http:")).port);
    expect(await probeBolt(port)).toBe("bolt");
    await expect(startLocalNeo4j({ port, dataDir: path.join(scratch, "data-other"), heap: "256m" })).rejects.toThrow(
      `NEO4J_URI=bolt://127.0.0.1:${port}`,
    );
  });

  it("reports a free port as free", async () => {
    const { server, port } = await listen(() => {});
    server.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(await probeBolt(port)).toBe("free");
  });

  it("runs the launcher compiled once, and from source where the JDK has no javac", async () => {
    // With javac beside java: the current launcher source, compiled into the jar cache, run as a class.
    const { java, release } = await chooseRuntime();
    const libDir = jarCacheDir(release.version);
    const compiled = await launcherClasspath(java, libDir);
    expect(compiled.at(-1)).toBe("actorgraph.LocalNeo4j");
    const classes = (compiled[1] as string).split(path.delimiter).at(-1) as string;
    expect(path.dirname(classes)).toBe(path.dirname(libDir));
    expect(existsSync(path.join(classes, "actorgraph", "LocalNeo4j.class"))).toBe(true);

    // A "JDK" that is only a java binary: source mode, and Neo4j still answers.
    const jvmRoot = path.join(scratch, "jvms");
    await mkdir(path.join(jvmRoot, "java-only", "bin"), { recursive: true });
    await symlink(java.javaBin, path.join(jvmRoot, "java-only", "bin", "java"));
    const port = await freePort();
    const neo4j = await startLocalNeo4j(
      { port, dataDir: path.join(scratch, "data-source-mode"), heap: "512m", pageCache: "64m" },
      { ...process.env, PATH: scratch, JAVA_HOME: "", ACTORGRAPH_JVM_ROOT: jvmRoot },
    );
    try {
      expect(await probeBolt(port)).toBe("bolt");
      const commandLine = (await readFile(`/proc/${neo4j.pid}/cmdline`, "utf8")).split("\0");
      expect(commandLine).toContain(path.join(PROJECT_ROOT, "neo4j/launcher/src/main/java/actorgraph/LocalNeo4j.java"));
    } finally {
      await neo4j.stop();
    }
  }, 120_000);
});
