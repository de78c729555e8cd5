package org.newsgraph.neo4jlocal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Starts Neo4j Community in this JVM with the Bolt connector on 127.0.0.1,
 * for development and CI. Usage: {@code Main DIR [PORT]}.
 *
 * <p>The database lives under DIR/home. Authentication is on: the user
 * neo4j gets the password in the environment variable NEO4J_LOCAL_PASSWORD.
 * When Bolt accepts connections, the port is written to DIR/ready (moved
 * into place, so a reader never sees half a file); the process then runs
 * until it is sent SIGTERM or SIGINT, when it shuts the database down
 * cleanly. PORT 0, or none, picks a free port.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Main DIR [PORT]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        int port = args.length == 2 ? Integer.parseInt(args[1]) : 0;
        if (port == 0) {
            port = freePort();
        }
        String password = System.getenv("NEO4J_LOCAL_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("NEO4J_LOCAL_PASSWORD must hold a password of at least 8 characters");
            System.exit(2);
        }
        Path plugins = Path.of(System.getProperty("neo4jlocal.plugins", dir.resolve("plugins").toString()));
        Files.deleteIfExists(dir.resolve("ready"));

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dir.resolve("home"))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                .setConfig(GraphDatabaseSettings.pagecache_memory, 512L * 1024 * 1024)
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-local-shutdown"));
        try {
            setPassword(dbms, password);
            awaitBolt(port);
            Path ready = dir.resolve("ready.tmp");
            Files.writeString(ready, port + "\n", StandardCharsets.UTF_8);
            Files.move(ready, dir.resolve("ready"), StandardCopyOption.ATOMIC_MOVE);
        } catch (Exception e) {
            // The database's threads would keep the JVM alive: exit, which
            // runs the shutdown hook.
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println("neo4j-local: Bolt on 127.0.0.1:" + port + ", database home " + dir.resolve("home"));
        stopped.await();
    }

    /**
     * Gives the user neo4j the password, on the first start, when Neo4j
     * created the user with the default password and requires a change. The
     * embedded API runs with full rights, so it can.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        boolean changeRequired = system.executeTransactionally(
                "SHOW USERS YIELD user, passwordChangeRequired WHERE user = 'neo4j' RETURN passwordChangeRequired",
                Map.of(), result -> result.hasNext() && (Boolean) result.next().get("passwordChangeRequired"));
        if (changeRequired) {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        }
    }

    /** Returns a loopback port that nothing listens on now. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the Bolt port accepts a TCP connection. */
    private static void awaitBolt(int port) throws InterruptedException {
        for (;;) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
    }
}
