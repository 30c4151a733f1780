// A TCP proxy in front of the test Neo4j, to cut and restore the database
// connection as a network fault would, without restarting Neo4j.
import { createConnection, createServer, type Server, type Socket } from "node:net";

export type TcpProxy = {
  port: number;
  /** Refuses new connections and drops open ones. */
  cut: () => Promise<void>;
  /** Accepts connections again on the same port. */
  restore: () => Promise<void>;
  close: () => Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }, port = 0): Promise<TcpProxy> {
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  let boundPort = port;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((client) => {
        const upstream = createConnection(target);
        sockets.add(client);
        sockets.add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on("error", drop).on("close", drop);
        upstream.on("error", drop).on("close", drop);
      });
      next.once("error", reject);
      next.listen(boundPort, "127.0.0.1", () => {
        boundPort = (next.address() as { port: number }).port;
        server = next;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });

  await listen();
  return { port: boundPort, cut: stop, restore: listen, close: stop };
}
