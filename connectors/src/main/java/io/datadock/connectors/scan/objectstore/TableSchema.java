package io.datadock.connectors.scan.objectstore;

import io.datadock.connectors.scan.ColumnMeta;
import java.util.List;
import java.util.Map;

/**
 * What a table format's metadata says: its columns, partition columns and facts for the catalog's
 * properties ({@code version}, {@code current-snapshot-id}, ...).
 */
record TableSchema(
    List<ColumnMeta> columns, List<String> partitionColumns, Map<String, String> facts) {}
