package io.datadock.connectors.scan;

/** What a dataset is at its source. */
public enum DatasetKind {
  /** A table or a partitioned table. */
  TABLE,
  /** A view or a materialized view. */
  VIEW,
  /** A Kafka topic. */
  TOPIC,
  /** A file in a directory. */
  FILE,
  /** A search index (Elasticsearch, OpenSearch). */
  INDEX,
  /** A collection of documents (MongoDB), its columns sampled from some of its documents. */
  DOCUMENTS
}
