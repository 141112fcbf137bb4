package org.counterspace.directory.search;

import org.counterspace.support.OnCluster;

/** The directory's search tests on OpenSearch (the cluster profile): the same results as the embedded index. */
@OnCluster
class DirectorySearchClusterTests extends DirectorySearchTests {
}
