// CPU time of the processes a measurement window involves: the contender
// under load, Neo4j, and this process (autocannon, the load generator). On
// the bench's shared two cores they compete with each other, so how busy
// each one was shows which of them a throughput figure is bounded by.
// Linux only (/proc); elsewhere every figure is NaN and the report says n/a.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** Clock ticks per second of /proc's CPU times (100 on every Linux we run on; asked once). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User and system CPU time a process has used so far, in ms; NaN when they cannot be read. */
function processCpuTimesMs(pid: number | undefined): { userMs: number; systemMs: number } {
  if (pid === undefined) return { userMs: Number.NaN, systemMs: Number.NaN };
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces), from field 3: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return {
      userMs: (Number(fields[11]) * 1000) / TICKS_PER_SECOND,
      systemMs: (Number(fields[12]) * 1000) / TICKS_PER_SECOND,
    };
  } catch {
    return { userMs: Number.NaN, systemMs: Number.NaN };
  }
}

/** User plus system CPU time a process has used so far, in ms; NaN when it cannot be read. */
export function processCpuMs(pid: number | undefined): number {
  const { userMs, systemMs } = processCpuTimesMs(pid);
  return userMs + systemMs;
}

/** How busy each process was over a window: CPU seconds per wall second (1 = one core all the time). */
export type CpuShares = { server: number; neo4j: number; loadGenerator: number };

/**
 * Starts a window over the server's and Neo4j's processes and this one; `end`
 * gives their shares and the server's CPU ms, of them in the kernel (system
 * calls: sockets) `serverSystemMs`.
 */
export function startCpuWindow(serverPid: number | undefined, neo4jPid: number | undefined) {
  const started = performance.now();
  const server = processCpuTimesMs(serverPid);
  const neo4j = processCpuMs(neo4jPid);
  const self = process.cpuUsage();
  return {
    end(): CpuShares & { serverMs: number; serverSystemMs: number } {
      const wallMs = Math.max(performance.now() - started, 1);
      const selfUsage = process.cpuUsage(self);
      const serverNow = processCpuTimesMs(serverPid);
      const serverSystemMs = serverNow.systemMs - server.systemMs;
      const serverMs = serverNow.userMs - server.userMs + serverSystemMs;
      return {
        serverMs,
        serverSystemMs,
        server: serverMs / wallMs,
        neo4j: (processCpuMs(neo4jPid) - neo4j) / wallMs,
        loadGenerator: (selfUsage.user + selfUsage.system) / 1000 / wallMs,
      };
    },
  };
}
