package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.bucket4j.BucketConfiguration;

/**
 * {@code counterspace.limits.max-tracked} under its former name too, {@code counterspace.throttle.max-tracked}:
 * the bound holds (seen by the buckets dropped once it is reached), the new name wins when both are
 * set, and the former name is named in the log with the new one.
 */
@ExtendWith(OutputCaptureExtension.class)
class MaxTrackedSettingTests {

    static final String DROPPED = "dropping the oldest half";

    static final String DEPRECATED =
            "counterspace.throttle.max-tracked is deprecated: set counterspace.limits.max-tracked instead";

    final ApplicationContextRunner app = new ApplicationContextRunner().withUserConfiguration(TokenBucketsConfig.class);

    @Test
    void theFormerNameStillBoundsTheKeysAndSaysTheNewOne(CapturedOutput output) {
        app.withPropertyValues("counterspace.throttle.max-tracked=2")
            .run(context -> useThreeKeys(context.getBean(TokenBuckets.class)));
        assertThat(output).contains(DROPPED).contains(DEPRECATED).doesNotContain("ignored");
    }

    @Test
    void theNewNameWinsWhenBothAreSet(CapturedOutput output) {
        app.withPropertyValues("counterspace.limits.max-tracked=2", "counterspace.throttle.max-tracked=100")
            .run(context -> useThreeKeys(context.getBean(TokenBuckets.class)));
        assertThat(output).contains(DROPPED).contains(DEPRECATED + " (it is set, so the former name is ignored)");
    }

    @Test
    void theFormerNameIsIgnoredBesideTheNewOne(CapturedOutput output) {
        app.withPropertyValues("counterspace.limits.max-tracked=100", "counterspace.throttle.max-tracked=2")
            .run(context -> useThreeKeys(context.getBean(TokenBuckets.class)));
        assertThat(output).doesNotContain(DROPPED).contains(DEPRECATED);
    }

    @Test
    void neitherNameKeepsTheDefaultQuietly(CapturedOutput output) {
        app.run(context -> useThreeKeys(context.getBean(TokenBuckets.class)));
        assertThat(output).doesNotContain(DROPPED).doesNotContain("deprecated");
    }

    /** Three keys, each with a token taken, so none of their buckets can be dropped as full. */
    private static void useThreeKeys(TokenBuckets buckets) {
        BucketConfiguration limit = BucketConfiguration.builder()
            .addLimit(bandwidth -> bandwidth.capacity(5).refillGreedy(5, Duration.ofHours(1)))
            .build();
        for (String key : new String[] {"a", "b", "c"}) {
            assertThat(buckets.bucket(key, () -> limit).tryConsume(1)).isTrue();
        }
    }
}
