package org.counterspace.directory.search;

import org.counterspace.support.OnCluster;

/** The judged queries on OpenSearch (the cluster profile): the same floors as on the embedded index. */
@OnCluster
class RelevanceClusterTests extends RelevanceTests {
}
