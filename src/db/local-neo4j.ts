// The local Neo4j: provisions Neo4j Community from Maven Central (cached
// jars), runs it embedded through neo4j/launcher on 127.0.0.1, and stops it.
// Used by `npm start` (when NEO4J_URI is unset), `npm run db:*` and the test
// setup. No Docker needed: a JDK and Maven are enough.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createConnection, createServer } from "node:net";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { LocalNeo4jError } from "../errors.ts";

const run = promisify(execFile);

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const LAUNCHER_DIR = path.join(PROJECT_ROOT, "neo4j/launcher");
const LAUNCHER_SOURCE = path.join(LAUNCHER_DIR, "src/main/java/actorgraph/LocalNeo4j.java");

/**
 * Neo4j releases we can run, newest first, with the Java each needs.
 * The first one an installed JDK can run is used. docker-compose.yml pins
 * the first entry's version.
 */
export const NEO4J_RELEASES = [
  { version: "2026.08.1", minJava: 21 },
  { version: "5.26.30", minJava: 17 },
] as const;

/**
 * JVM flags Neo4j needs on Java 17+: it uses NIO and Netty internals that the
 * module system closes by default (the same flags Neo4j's own neo4j.conf sets).
 */
export const JVM_FLAGS = [
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
  "-Dio.netty.tryReflectionSetAccessible=true",
  "-XX:+UseG1GC",
  "-XX:-OmitStackTraceInFastThrow",
  "-Dlog4j2.disable.jmx=true",
];
/** Flags that only Java 22+ knows; they silence warnings about Unsafe and native access. */
export const JVM_FLAGS_22 = ["--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"];

export type LocalNeo4jOptions = {
  /** Bolt port on 127.0.0.1. */
  port: number;
  /** Folder holding the database files, pid file and log (relative to the project root). */
  dataDir: string;
  /** JVM heap, e.g. "1g". */
  heap: string;
  /** Neo4j page cache, e.g. "256m". */
  pageCache?: string;
  /** Progress messages for a person ("Downloading Neo4j…"). */
  onProgress?: (message: string) => void;
};

type PidFile = { pid: number; port: number; version: string; startedAt: string };

export type LocalNeo4jStatus =
  | { state: "running"; pid: number; port: number; version: string; uri: string }
  | { state: "stopped" };

export type JavaRuntime = { javaBin: string; major: number };

function resolveDataDir(dataDir: string): string {
  return path.resolve(PROJECT_ROOT, dataDir);
}

function pidFilePath(dataDir: string): string {
  return path.join(resolveDataDir(dataDir), "actorgraph-neo4j.pid");
}

export function logFilePath(dataDir: string): string {
  return path.join(resolveDataDir(dataDir), "neo4j-launcher.log");
}

/** Where the Neo4j jars are cached, shared by every clone on this machine. */
export function jarCacheDir(version: string, env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.ACTORGRAPH_CACHE_DIR ?? path.join(env.XDG_CACHE_HOME ?? path.join(homedir(), ".cache"), "actorgraph");
  return path.join(base, `neo4j-${version}`, "lib");
}

async function javaMajor(javaBin: string): Promise<number | null> {
  try {
    const { stderr, stdout } = await run(javaBin, ["-version"], { timeout: 20_000 });
    const match = /version "(\d+)(?:\.(\d+))?/.exec(stderr + stdout);
    if (!match) return null;
    const first = Number(match[1]);
    // Java 8 and older report "1.8".
    return first === 1 ? Number(match[2]) : first;
  } catch {
    return null;
  }
}

/**
 * Every JDK we can find: JAVA_HOME, the `java` on PATH, and the JDKs under
 * /usr/lib/jvm. The newest one wins, so a machine with Java 17 as default
 * and a newer JDK beside it still runs the newest Neo4j.
 */
export async function findJavaRuntimes(env: NodeJS.ProcessEnv = process.env): Promise<JavaRuntime[]> {
  const candidates = new Set<string>();
  if (env.JAVA_HOME) candidates.add(path.join(env.JAVA_HOME, "bin/java"));
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, "java"))) candidates.add(path.join(dir, "java"));
  }
  const jvmRoot = env.ACTORGRAPH_JVM_ROOT ?? "/usr/lib/jvm";
  if (existsSync(jvmRoot)) {
    for (const name of readdirSync(jvmRoot)) {
      const bin = path.join(jvmRoot, name, "bin/java");
      if (existsSync(bin)) candidates.add(bin);
    }
  }
  const found: JavaRuntime[] = [];
  for (const javaBin of candidates) {
    const major = await javaMajor(javaBin);
    if (major !== null) found.push({ javaBin, major });
  }
  return found.sort((a, b) => b.major - a.major);
}

/** The newest Neo4j release that an installed JDK can run, with that JDK. */
export async function chooseRuntime(env: NodeJS.ProcessEnv = process.env) {
  const runtimes = await findJavaRuntimes(env);
  const newest = runtimes[0];
  if (!newest) {
    throw new LocalNeo4jError(
      "No Java runtime found (looked at JAVA_HOME, PATH and /usr/lib/jvm). " +
        "Install a JDK 21 or newer (Debian: apt-get install openjdk-21-jdk-headless; 17 also works, with Neo4j 5.26), " +
        "or set NEO4J_URI to use an existing Neo4j.",
    );
  }
  const release = NEO4J_RELEASES.find((r) => newest.major >= r.minJava);
  if (!release) {
    throw new LocalNeo4jError(
      `Java ${newest.major} (${newest.javaBin}) is too old for Neo4j: install a JDK 21 or newer ` +
        "(Debian: apt-get install openjdk-21-jdk-headless), or set NEO4J_URI to use an existing Neo4j.",
    );
  }
  return { java: newest, release };
}

async function findMaven(env: NodeJS.ProcessEnv): Promise<string> {
  const mvn = env.ACTORGRAPH_MVN ?? "mvn";
  try {
    await run(mvn, ["-v"], { timeout: 30_000, env });
    return mvn;
  } catch {
    throw new LocalNeo4jError(
      "Maven (mvn) was not found: it downloads Neo4j from Maven Central on first start. " +
        "Install it (Debian: apt-get install maven), or set NEO4J_URI to use an existing Neo4j.",
    );
  }
}

/**
 * The classpath and main class that run the launcher: compiled once per
 * launcher source and Java version into the jar cache, by the javac beside
 * the java that runs it (starting from classes saves the compilation that
 * single-file source mode repeats on every start); source mode when
 * there is no javac or compiling fails, which then reports the error itself.
 */
export async function launcherClasspath(java: JavaRuntime, libDir: string): Promise<string[]> {
  const jars = path.join(libDir, "*");
  const sourceMode = ["-cp", jars, LAUNCHER_SOURCE];
  const javac = path.join(path.dirname(java.javaBin), "javac");
  if (!existsSync(javac)) return sourceMode;
  const source = await readFile(LAUNCHER_SOURCE);
  const key = createHash("sha256").update(source).update(`java ${java.major}`).digest("hex").slice(0, 16);
  const classes = path.join(path.dirname(libDir), `launcher-${key}`);
  const classpath = ["-cp", `${jars}${path.delimiter}${classes}`, "actorgraph.LocalNeo4j"];
  if (existsSync(path.join(classes, "actorgraph", "LocalNeo4j.class"))) return classpath;
  // Compiled beside the final folder and renamed: a concurrent start never sees half a class file.
  const staging = `${classes}.partial-${process.pid}`;
  try {
    await run(javac, ["-nowarn", "-cp", jars, "-d", staging, LAUNCHER_SOURCE], { timeout: 120_000 });
    await rename(staging, classes).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(path.join(classes, "actorgraph", "LocalNeo4j.class"))) throw error;
    });
    return classpath;
  } catch {
    return sourceMode;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Downloads the Neo4j jars once into the cache; later calls return at once. */
export async function ensureJars(
  version: string,
  java: JavaRuntime,
  onProgress: (message: string) => void = () => {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const libDir = jarCacheDir(version, env);
  if (existsSync(path.join(libDir, ".complete"))) return libDir;
  const mvn = await findMaven(env);
  onProgress(`Downloading Neo4j ${version} from Maven Central into ${libDir} (first start only, about 150 MB)…`);
  const staging = `${libDir}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(path.dirname(libDir), { recursive: true });
  try {
    await run(
      mvn,
      [
        "-q",
        "-B",
        "-f",
        path.join(LAUNCHER_DIR, "pom.xml"),
        `-Dneo4j.version=${version}`,
        "dependency:copy-dependencies",
        "-DincludeScope=runtime",
        `-DoutputDirectory=${staging}`,
      ],
      {
        timeout: 15 * 60_000,
        maxBuffer: 16 * 1024 * 1024,
        env: { ...env, JAVA_HOME: path.dirname(path.dirname(java.javaBin)) },
      },
    );
  } catch (error) {
    const detail = (error as { stdout?: string; stderr?: string }).stdout || (error as Error).message;
    throw new LocalNeo4jError(
      `Maven could not download Neo4j ${version}: ${detail.slice(-2000)}\n` +
        "Check that Maven Central is reachable, or set NEO4J_URI to use an existing Neo4j.",
      { cause: error },
    );
  }
  await writeFile(path.join(staging, ".complete"), `${new Date().toISOString()}\n`);
  // A concurrent first start may have finished before us: either copy is whole.
  await rm(libDir, { recursive: true, force: true });
  await rename(staging, libDir).catch(async (error: NodeJS.ErrnoException) => {
    if (!existsSync(path.join(libDir, ".complete"))) throw error;
    await rm(staging, { recursive: true, force: true });
  });
  return libDir;
}

/** A free TCP port on 127.0.0.1 (for a Neo4j or a server started next). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * What listens on a port: nothing, a Bolt server (Neo4j), or something else.
 * Sends the Bolt handshake; a Bolt server answers with 4 bytes.
 */
export function probeBolt(port: number, host = "127.0.0.1", timeoutMs = 2000): Promise<"free" | "bolt" | "other"> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    let settled = false;
    const done = (answer: "free" | "bolt" | "other") => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done("other"));
    socket.on("error", (error: NodeJS.ErrnoException) => done(error.code === "ECONNREFUSED" ? "free" : "other"));
    socket.on("connect", () => {
      const handshake = Buffer.alloc(20);
      handshake.writeUInt32BE(0x6060b017, 0);
      // Propose Bolt 5.x (range), 4.4 and 4.0.
      handshake.writeUInt32BE(0x00080805, 4);
      handshake.writeUInt32BE(0x00000404, 8);
      handshake.writeUInt32BE(0x00000004, 12);
      handshake.writeUInt32BE(0x00000003, 16);
      socket.write(handshake);
    });
    let received = Buffer.alloc(0);
    socket.on("data", (chunk) => {
      received = Buffer.concat([received, chunk]);
      // A Bolt server answers with one version (0x0000mmMM) or a manifest
      // marker (0x000001FF): the first two bytes are zero. "HTTP/1.1 400…" is not.
      if (received.length >= 4) done(received[0] === 0 && received[1] === 0 ? "bolt" : "other");
    });
    socket.on("end", () => done("other"));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readPidFile(dataDir: string): Promise<PidFile | null> {
  try {
    return JSON.parse(await readFile(pidFilePath(dataDir), "utf8")) as PidFile;
  } catch {
    return null;
  }
}

export async function statusLocalNeo4j(dataDir: string): Promise<LocalNeo4jStatus> {
  const pid = await readPidFile(dataDir);
  if (pid && isAlive(pid.pid) && (await probeBolt(pid.port)) === "bolt") {
    return {
      state: "running",
      pid: pid.pid,
      port: pid.port,
      version: pid.version,
      uri: `bolt://127.0.0.1:${pid.port}`,
    };
  }
  return { state: "stopped" };
}

export type StartedNeo4j = {
  uri: string;
  version: string;
  pid: number;
  /** False when a Neo4j started earlier (by db:start) was reused. */
  startedHere: boolean;
  /** Stops the Neo4j if this call started it; no-op otherwise. */
  stop: () => Promise<void>;
};

/**
 * Starts the local Neo4j and resolves once Bolt answers, or reuses the one
 * already running on the same data folder. `detached` leaves it running
 * after this process exits (db:start); otherwise it is our child.
 */
export async function startLocalNeo4j(
  options: LocalNeo4jOptions & { detached?: boolean; readyTimeoutMs?: number },
  env: NodeJS.ProcessEnv = process.env,
): Promise<StartedNeo4j> {
  const progress = options.onProgress ?? (() => {});
  const existing = await statusLocalNeo4j(options.dataDir);
  if (existing.state === "running") {
    if (existing.port !== options.port) {
      progress(`Local Neo4j is already running on port ${existing.port} (not ${options.port}); using it.`);
    }
    return {
      uri: existing.uri,
      version: existing.version,
      pid: existing.pid,
      startedHere: false,
      stop: async () => {},
    };
  }

  const portState = await probeBolt(options.port);
  if (portState === "bolt") {
    throw new LocalNeo4jError(
      `Port ${options.port} already has a Neo4j that actorgraph did not start (its data folder is not ${options.dataDir}). ` +
        `Use it with NEO4J_URI=bolt://127.0.0.1:${options.port}, or pick another port with LOCAL_NEO4J_PORT.`,
    );
  }
  if (portState === "other") {
    throw new LocalNeo4jError(
      `Port ${options.port} is taken by a program that is not Neo4j. ` +
        "Stop that program, or choose a free port for the local Neo4j with LOCAL_NEO4J_PORT=<port>.",
    );
  }

  const { java, release } = await chooseRuntime(env);
  const libDir = await ensureJars(release.version, java, progress, env);
  const home = resolveDataDir(options.dataDir);
  await mkdir(home, { recursive: true });
  progress(
    `Starting Neo4j ${release.version} on Java ${java.major} at bolt://127.0.0.1:${options.port} (data: ${home})…`,
  );

  const logFile = logFilePath(options.dataDir);
  const log = createWriteStream(logFile, { flags: "a" });
  await new Promise((resolve) => log.once("open", resolve));
  const args = [
    // Start small and grow to the heap limit: idle memory stays low.
    "-Xms256m",
    `-Xmx${options.heap}`,
    ...JVM_FLAGS,
    ...(java.major >= 22 ? JVM_FLAGS_22 : []),
    ...(await launcherClasspath(java, libDir)),
    home,
    String(options.port),
    options.pageCache ?? "256m",
  ];
  const child = spawn(java.javaBin, args, {
    cwd: home,
    detached: options.detached ?? false,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr.pipe(log, { end: false });

  await waitForReady(child, options.port, options.readyTimeoutMs ?? 180_000, logFile, log);
  const pidInfo: PidFile = {
    pid: child.pid ?? -1,
    port: options.port,
    version: release.version,
    startedAt: new Date().toISOString(),
  };
  await writeFile(pidFilePath(options.dataDir), `${JSON.stringify(pidInfo)}\n`);

  if (options.detached) {
    // Keep logging to the file without holding this process open.
    child.stdout.unpipe();
    child.stdout.destroy();
    child.stderr.unpipe();
    child.stderr.destroy();
    log.end();
    child.unref();
  } else {
    child.stdout.pipe(log, { end: false });
  }

  return {
    uri: `bolt://127.0.0.1:${options.port}`,
    version: release.version,
    pid: pidInfo.pid,
    startedHere: true,
    stop: async () => {
      await stopProcess(pidInfo.pid, child);
      await rm(pidFilePath(options.dataDir), { force: true });
      log.end();
    },
  };
}

function waitForReady(
  child: ChildProcess,
  port: number,
  timeoutMs: number,
  logFile: string,
  log: NodeJS.WritableStream,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const fail = (reason: string) => {
      cleanup();
      if (child.exitCode === null) child.kill("SIGKILL");
      reject(new LocalNeo4jError(`${reason}\nLast output of Neo4j (full log: ${logFile}):\n${output.slice(-3000)}`));
    };
    const timer = setTimeout(
      () => fail(`Neo4j did not answer on port ${port} within ${timeoutMs / 1000} s.`),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      log.write(text);
      output += text;
      if (/^READY /m.test(output)) {
        cleanup();
        resolve();
      }
    };
    const onErrData = (chunk: Buffer) => {
      output += chunk.toString();
    };
    const onExit = (code: number | null) => fail(`Neo4j exited during start-up (exit code ${code}).`);
    const onError = (error: Error) => fail(`Could not run Java: ${error.message}`);
    function cleanup() {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onErrData);
      child.off("exit", onExit);
      child.off("error", onError);
    }
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onErrData);
    child.once("exit", onExit);
    child.once("error", onError);
  });
}

async function stopProcess(pid: number, child?: ChildProcess, timeoutMs = 60_000): Promise<void> {
  if (!isAlive(pid)) return;
  const exited = child
    ? new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once("exit", () => resolve());
      })
    : null;
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) {
    if (exited) {
      await Promise.race([exited, new Promise((r) => setTimeout(r, 200))]);
    } else {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
}

/** Stops the Neo4j that db:start left running on this data folder. */
export async function stopLocalNeo4j(dataDir: string): Promise<boolean> {
  const pid = await readPidFile(dataDir);
  if (!pid) return false;
  const running = isAlive(pid.pid);
  if (running) await stopProcess(pid.pid);
  await rm(pidFilePath(dataDir), { force: true });
  return running;
}
