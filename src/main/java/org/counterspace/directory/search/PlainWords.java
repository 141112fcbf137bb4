package org.counterspace.directory.search;

import org.apache.lucene.search.Query;

/**
 * Clauses on the unstemmed fields, at a third of the weight of the stemmed ones. {@code known}: the
 * words as typed, which only add score (a service with the whole word also has its stem), so they are
 * an optional clause that Lucene evaluates on matching services only. {@code fuzzy}: near-misses of
 * the other words, which do add matches. Either may be null.
 */
record PlainWords(Query known, Query fuzzy) {

    static final PlainWords NONE = new PlainWords(null, null);
}
