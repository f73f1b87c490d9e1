package dipgraph;

import java.nio.file.Path;
import java.util.Map;
import org.neo4j.server.CommunityBootstrapper;

/**
 * Starts a real Neo4j Community server (Bolt + HTTP + Browser) from Maven Central jars.
 *
 * <p>It exists because dipgraph's machines have no Docker and cannot download the Neo4j
 * tarball, but do reach Maven Central. It runs the same bootstrapper as the official
 * distribution ({@code CommunityBootstrapper}), with the home directory (data/, logs/) given as
 * the first argument, so data persists across restarts. It listens on 127.0.0.1 only, keeps
 * authentication on and sets the {@code neo4j} user's password from NEO4J_PASSWORD without the
 * change-on-first-login flag. The bootstrapper's own shutdown hook stops the DBMS cleanly on
 * SIGTERM/SIGINT. Started and stopped by {@code scripts/neo4j}.
 */
public final class Neo4jServer {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        String password = env("NEO4J_PASSWORD", "dipgraph-local");
        String bolt = "127.0.0.1:" + env("NEO4J_BOLT_PORT", "7687");
        String http = "127.0.0.1:" + env("NEO4J_HTTP_PORT", "7474");

        var server = new CommunityBootstrapper();
        int rc = server.start(home, Map.of(
                "server.default_listen_address", "127.0.0.1",
                "server.default_advertised_address", "127.0.0.1",
                "server.bolt.listen_address", bolt,
                "server.http.listen_address", http,
                "server.https.enabled", "false",
                "dbms.security.auth_enabled", "true",
                "server.memory.pagecache.size", env("NEO4J_PAGECACHE", "256m"),
                "dbms.usage_report.enabled", "false",
                // Bolt's Netty loops otherwise idle 2x5s on shutdown, after the databases are closed.
                "internal.dbms.bolt.netty_server_shutdown_quiet_period", "0"));
        if (rc != 0) {
            System.err.println("dipgraph-neo4j: server failed to start (code " + rc + "), see logs above");
            System.exit(rc);
        }

        // Idempotent: ALTER USER refuses a password equal to the current one, so only clear the flag then.
        var system = server.getDatabaseManagementService().database("system");
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
        }

        System.out.println("dipgraph-neo4j READY bolt://" + bolt + " http://" + http + " home=" + home);
        System.out.flush();
        Thread.currentThread().join(); // serve until SIGTERM; the shutdown hook stops the DBMS
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
