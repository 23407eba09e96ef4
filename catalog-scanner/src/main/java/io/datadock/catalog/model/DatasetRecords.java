package io.datadock.catalog.model;

import io.datadock.catalog.scan.ScanTarget;
import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.core.udl.Udl;
import io.datadock.schemas.catalog.Dataset;
import io.datadock.schemas.catalog.DatasetColumn;
import java.util.List;
import java.util.Locale;

/** A scanned dataset as its {@code catalog.datasets} record. */
public final class DatasetRecords {

  private DatasetRecords() {}

  public static Dataset of(ScanTarget target, DatasetMeta meta, String scanId, long scannedAt) {
    List<DatasetColumn> columns = meta.columns().stream().map(DatasetRecords::column).toList();
    Udl udl = Udl.of(target.depot(), meta.collection(), meta.name());
    return Dataset.newBuilder()
        .setUdl(udl.toString())
        .setTenant(target.tenant())
        .setDepot(target.depot())
        .setDepotKey(target.depotKey())
        .setSourceType(target.sourceType())
        .setCollection(meta.collection())
        .setName(meta.name())
        .setKind(meta.kind().name().toLowerCase(Locale.ROOT))
        .setColumns(columns)
        .setPrimaryKey(meta.primaryKey())
        .setRowEstimate(meta.rowEstimate())
        .setDescription(meta.description())
        .setProperties(meta.properties())
        .setFingerprint(Fingerprints.of(columns, meta.primaryKey()))
        .setScannedAt(scannedAt)
        .setScanId(scanId)
        .build();
  }

  private static DatasetColumn column(ColumnMeta c) {
    return DatasetColumn.newBuilder()
        .setName(c.name())
        .setType(c.type())
        .setNullable(c.nullable())
        .setPosition(c.position())
        .build();
  }
}
