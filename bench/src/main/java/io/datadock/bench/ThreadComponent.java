package io.datadock.bench;

import java.util.Set;

/**
 * Which part of the embedded platform a thread works for, from its name: every component shares the
 * benchmark's JVM, so its CPU is the CPU of the threads it names (Streams threads carry their
 * application id, clients their client id). Threads of the load generator are known by id.
 */
enum ThreadComponent {
  LOAD_GENERATOR("load generator"),
  GATEWAY("gateway"),
  SECRET_SERVICE("secret-service"),
  DEPOT_SERVICE("depot-service"),
  SCANNER("catalog-scanner"),
  CONNECTORS("connector calls"),
  BROKER("broker"),
  OTHER("other threads");

  private final String label;

  ThreadComponent(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  static ThreadComponent of(long threadId, String name, Set<Long> loadGeneratorThreads) {
    if (loadGeneratorThreads.contains(threadId)) {
      return LOAD_GENERATOR;
    }
    if (name.contains("secret-service") || name.startsWith("secret-")) {
      return SECRET_SERVICE;
    }
    if (name.contains("depot")) {
      return DEPOT_SERVICE;
    }
    if (name.contains("catalog-scan")) {
      return SCANNER;
    }
    if (name.startsWith("datadock-check") || name.startsWith("PostgreSQL JDBC")) {
      return CONNECTORS; // a check's or a scan's call to a source, bounded by its deadline
    }
    if (name.startsWith("vert.x-")
        || name.contains("gateway")
        || name.startsWith("datadock-manifests")
        || name.startsWith("tail-")) {
      return GATEWAY;
    }
    if (name.startsWith("data-plane-kafka")
        || name.startsWith("kafka-")
        || name.contains("controller")
        || name.contains("coordinator")
        || name.contains("Txn")
        || name.contains("ExpirationReaper")
        || name.startsWith("executor-")
        || name.startsWith("raft-")
        || name.startsWith("ReplicaFetcher")) {
      return BROKER;
    }
    return OTHER;
  }
}
