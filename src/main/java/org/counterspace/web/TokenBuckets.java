package org.counterspace.web;

import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Where every attempt and rate limit keeps its Bucket4j token buckets: in this instance's memory on
 * the embedded default ({@link LocalTokenBuckets}), in a PostgreSQL table shared by every instance in
 * the postgres profile ({@link PostgresTokenBuckets}). Callers build the key from values they have
 * already normalised, so one person's attempts land in one bucket on every instance.
 */
public interface TokenBuckets {

    /** The bucket under this key; the configuration is used when the key has no bucket yet. */
    Bucket bucket(String key, Supplier<BucketConfiguration> configuration);
}
