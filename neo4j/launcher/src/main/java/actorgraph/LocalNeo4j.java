// Runs Neo4j Community embedded with only its Bolt connector, on loopback.
// Started by src/db/local-neo4j.ts as a single-file Java program, so the
// project needs no build step for it: `java -cp 'lib/*' LocalNeo4j.java ...`.
//
// Arguments: <dataDir> <boltPort> [pageCacheSize]
// Prints "READY bolt://127.0.0.1:<port>" once Bolt accepts connections and
// shuts the database down cleanly on SIGTERM/SIGINT (shutdown hook).
package actorgraph;

import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

public final class LocalNeo4j {
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: LocalNeo4j <dataDir> <boltPort> [pageCacheSize]");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    String pageCache = args.length > 2 ? args[2] : "256m";

    DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        // Loopback only, for development and tests: see README "Local Neo4j".
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache))
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(60))
        .build();

    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("STOPPING");
      service.shutdown();
      System.out.println("STOPPED");
    }, "neo4j-shutdown"));

    // build() returns once the default database is available and Bolt listens.
    service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    System.out.println("READY bolt://127.0.0.1:" + port);
    System.out.flush();
    Thread.currentThread().join();
  }

  private static long parseBytes(String text) {
    String t = text.trim().toLowerCase();
    long unit = 1;
    if (t.endsWith("g")) { unit = 1L << 30; t = t.substring(0, t.length() - 1); }
    else if (t.endsWith("m")) { unit = 1L << 20; t = t.substring(0, t.length() - 1); }
    else if (t.endsWith("k")) { unit = 1L << 10; t = t.substring(0, t.length() - 1); }
    return Long.parseLong(t) * unit;
  }
}
