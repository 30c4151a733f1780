// Runs `neo4j-admin database import full` on the local Neo4j's data folder:
// the admin tool ships in the Neo4j jars the launcher provisions (no other
// download), and runs as its own short-lived JVM while the database is
// stopped. It fills only a database that does not exist yet, unless told to
// replace it.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { LocalNeo4jError } from "../errors.ts";
import { chooseRuntime, ensureJars, JVM_FLAGS, JVM_FLAGS_22, PROJECT_ROOT, statusLocalNeo4j } from "./local-neo4j.ts";

const run = promisify(execFile);

/**
 * Separates list elements and labels in the CSV: the unit separator, which
 * no name, alias or type contains (the tool's default ";" appears in names).
 */
export const ARRAY_DELIMITER = "\u001f";

/** A CSV file for the admin tool: nodes with a label, or relationships with a type ("": a :TYPE column). */
export type BulkFile = { kind: "nodes" | "relationships"; name: string; file: string; multiline: boolean };

export type AdminImportOptions = {
  /** The local Neo4j's data folder (relative to the project root), as in LocalNeo4jOptions. */
  dataDir: string;
  files: BulkFile[];
  /** Overwrite a database that exists already (its data is lost). */
  replace?: boolean;
  onProgress?: (message: string) => void;
};

/** Where the local Neo4j keeps the default database's store files. */
export function databaseDir(dataDir: string): string {
  return path.join(path.resolve(PROJECT_ROOT, dataDir), "data", "databases", "neo4j");
}

/** Where it keeps that database's transaction logs. */
function transactionsDir(dataDir: string): string {
  return path.join(path.resolve(PROJECT_ROOT, dataDir), "data", "transactions", "neo4j");
}

/** The admin tool's arguments for these files (exported for tests). */
export function adminImportArgs(files: BulkFile[], options: { replace: boolean; reportFile: string }): string[] {
  const multiline = files.filter((f) => f.multiline).map((f) => f.file);
  return [
    "database",
    "import",
    "full",
    // The database name comes first: --nodes takes every following word as a file.
    "neo4j",
    `--overwrite-destination=${options.replace}`,
    `--array-delimiter=U+${ARRAY_DELIMITER.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}`,
    // Values spanning lines cost parallel parsing: only the files that have them.
    `--multiline-fields=${multiline.length > 0 ? multiline.join(",") : "false"}`,
    `--report-file=${options.reportFile}`,
    // Fail on the first bad entry rather than skip it: the files are ours, a bad entry is a bug, never data to drop.
    "--bad-tolerance=0",
    "--skip-bad-relationships=false",
    "--skip-duplicate-nodes=false",
    ...files.map((f) => `--${f.kind}=${f.name ? `${f.name}=` : ""}${f.file}`),
  ];
}

/**
 * Throws unless a bulk load may write into this data folder: its Neo4j is
 * stopped, and it holds no database (or `replace` says to overwrite it).
 * Cheap: callers check before they parse anything.
 */
export async function assertLoadable(dataDir: string, replace: boolean): Promise<void> {
  const status = await statusLocalNeo4j(dataDir);
  if (status.state === "running") {
    throw new LocalNeo4jError(
      `The local Neo4j on ${dataDir} is running (pid ${status.pid}); a bulk load writes its files directly. ` +
        "Stop it first (actorgraph db stop).",
    );
  }
  if (existsSync(databaseDir(dataDir)) && !replace) {
    throw new LocalNeo4jError(
      `${dataDir} already holds a database; a bulk load only fills a new one. ` +
        "Add to it with `actorgraph import`, or load with --replace to overwrite it (its data is lost).",
    );
  }
}

/** What the admin tool reports on success: its own import time (JVM start excluded) and what it wrote. */
export type AdminImportReport = { importSeconds: number; nodes: number; relationships: number; properties: number };

/**
 * Reads the tool's closing lines ("IMPORT DONE in 11s 8ms." then "Imported:"
 * with counts); null if they are not there (a future version may word them
 * differently: the load still counts, only this report is missing).
 */
export function parseAdminImportReport(output: string): AdminImportReport | null {
  const done = /IMPORT DONE in ((?:\d+(?:ms|h|m|s)\s*)+)/.exec(output);
  const count = (what: string) => {
    const match = new RegExp(`^\\s*(\\d+) ${what}\\s*$`, "m").exec(output);
    return match ? Number(match[1]) : null;
  };
  const nodes = count("nodes");
  const relationships = count("relationships");
  const properties = count("properties");
  if (!done || nodes === null || relationships === null || properties === null) return null;
  const unitSeconds: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  let importSeconds = 0;
  for (const [, value, unit] of (done[1] as string).matchAll(/(\d+)(ms|h|m|s)/g)) {
    importSeconds += Number(value) * (unitSeconds[unit as string] as number);
  }
  return {
    importSeconds,
    nodes,
    relationships,
    properties,
  };
}

/**
 * Imports the CSV files into the stopped local Neo4j; resolves with the whole
 * run's seconds (JVM start included) and the tool's own report.
 */
export async function runAdminImport(
  options: AdminImportOptions,
): Promise<{ seconds: number; report: AdminImportReport | null }> {
  const progress = options.onProgress ?? (() => {});
  await assertLoadable(options.dataDir, options.replace ?? false);
  const { java, release } = await chooseRuntime();
  const libDir = await ensureJars(release.version, java, progress);
  const home = path.resolve(PROJECT_ROOT, options.dataDir);
  await mkdir(home, { recursive: true });
  const args = [
    "-Xmx1g", // the import itself works off-heap
    ...JVM_FLAGS,
    ...(java.major >= 22 ? JVM_FLAGS_22 : []),
    "-cp",
    path.join(libDir, "*"),
    "org.neo4j.cli.AdminTool",
    ...adminImportArgs(options.files, {
      replace: options.replace ?? false,
      reportFile: path.join(home, "bulk-load.report"),
    }),
  ];
  const started = Date.now();
  progress(`Running neo4j-admin database import full into ${home}…`);
  let output: string;
  try {
    const { stdout, stderr } = await run(java.javaBin, args, {
      cwd: home,
      env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, "conf") },
      maxBuffer: 64 * 1024 * 1024,
    });
    output = `${stdout}${stderr}`;
  } catch (error) {
    const {
      code,
      stdout = "",
      stderr = "",
      message,
    } = error as { code?: unknown; stdout?: string; stderr?: string; message: string };
    // The tool leaves a half-written store that Neo4j would start on: remove it.
    await rm(databaseDir(options.dataDir), { recursive: true, force: true });
    await rm(transactionsDir(options.dataDir), { recursive: true, force: true });
    throw new LocalNeo4jError(
      `neo4j-admin database import failed (${typeof code === "number" ? `exit code ${code}` : message}); ` +
        `nothing was loaded and the partial store was removed` +
        `${options.replace ? " (the database it was to replace is gone)" : ""}. Its last output:\n${`${stdout}${stderr}`.slice(-3000)}`,
    );
  }
  return { seconds: (Date.now() - started) / 1000, report: parseAdminImportReport(output) };
}
