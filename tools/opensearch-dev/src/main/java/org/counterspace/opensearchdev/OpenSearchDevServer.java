package org.counterspace.opensearchdev;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * A single-node OpenSearch 2.19 on 127.0.0.1 for development and the scale-out benchmark, from Maven
 * artifacts only (no Docker, no download of a distribution). Arguments: HTTP port (the transport port is
 * the next one) and the data folder. Prints "OPENSEARCH READY http://127.0.0.1:PORT" once the cluster can
 * answer; stops on SIGTERM or Ctrl-C.
 */
public final class OpenSearchDevServer {

    private OpenSearchDevServer() {
    }

    public static void main(String[] args) throws Exception {
        int httpPort = args.length > 0 ? Integer.parseInt(args[0]) : 9200;
        Path home = Path.of(args.length > 1 ? args[1] : "target/opensearch-dev").toAbsolutePath();
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.onBuild((number, settings) -> {
            settings.put("http.port", httpPort);
            settings.put("transport.port", httpPort + 1);
            settings.put("network.host", "127.0.0.1");
            settings.put("discovery.type", "single-node");
            // a developer's disk may be fuller than a server's: never turn the index read-only for that
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        }).build(OpenSearchRunner.newConfigs().basePath(home.toString()).numOfNode(1).clusterName("counterspace-dev")
            .useLogger());
        runner.ensureYellow();
        System.out.printf("OPENSEARCH READY http://127.0.0.1:%d%n", httpPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            }
            catch (Exception e) {
                e.printStackTrace();
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
