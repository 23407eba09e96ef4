package io.datadock.connectors.mongodb;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.NodeReach;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Destination.Endpoint;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.MetadataScanner;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MongoDB: each database the user may use (not {@code admin}, {@code local}, {@code config}) is a
 * collection of the catalog, each of its collections a {@link DatasetKind#DOCUMENTS} dataset with
 * the estimated document count and columns from {@value #SAMPLE} sampled documents ({@link
 * SampledSchema}). Verified here only up to the connection (no mongod runs on these machines).
 */
public final class MongoScanner implements MetadataScanner {

  static final int SAMPLE = 20;
  private static final Logger LOG = LoggerFactory.getLogger(MongoScanner.class);

  @Override
  public ScanResult scan(
      SourceConnection connection,
      Credentials credentials,
      ScanFilter filter,
      Duration timeout,
      Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    Credentials secrets = credentials == null ? Credentials.none() : credentials;
    ScanFilter kept = filter == null ? ScanFilter.all() : filter;
    List<Endpoint> nodes;
    try {
      nodes = MongoNodes.of(connection);
    } catch (UnsafeConnectionField e) {
      return ScanResult.failure(e.getMessage());
    }
    NodeReach.Result reach = NodeReach.first(nodes, "nodes", egress.gate(), deadline);
    if (!reach.ok()) {
      return ScanResult.failure(reach.problem());
    }
    Endpoint node = nodes.get(reach.reached());
    MongoLogin login = MongoLogin.of(connection, secrets);
    List<DatasetMeta> datasets = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    try (MongoSession session =
        new MongoSession(node, login, egress.gate(), deadline, "datadock-metadata-scan")) {
      List<String> databases;
      try {
        databases = session.userDatabases();
      } catch (Exception e) {
        return ScanResult.failure(session.problem(e, secrets));
      }
      for (String database : databases) {
        if (!kept.collection(database)) {
          continue;
        }
        try {
          datasets.addAll(deadline.call(() -> read(session.client(), database, kept), late -> {}));
        } catch (Exception e) {
          errors.add("database " + database + ": " + session.problem(e, secrets));
          if (deadline.expired()) {
            break;
          }
        }
      }
    }
    LOG.info(
        "metadata scan type=mongodb node={} datasets={} errors={}",
        node,
        datasets.size(),
        errors.size());
    return new ScanResult(datasets, errors, errors.isEmpty());
  }

  private static List<DatasetMeta> read(MongoClient client, String database, ScanFilter filter) {
    List<DatasetMeta> datasets = new ArrayList<>();
    MongoDatabase db = client.getDatabase(database);
    List<String> names = db.listCollectionNames().into(new ArrayList<>());
    for (String name : names.stream().sorted().toList()) {
      if (name.startsWith("system.") || !filter.dataset(database, name)) {
        continue;
      }
      var collection = db.getCollection(name, BsonDocument.class);
      SampledSchema schema = new SampledSchema();
      collection.aggregate(List.of(Aggregates.sample(SAMPLE))).forEach(schema::add);
      datasets.add(
          new DatasetMeta(
              database,
              name,
              DatasetKind.DOCUMENTS,
              schema.columns(),
              List.of("_id"),
              collection.estimatedDocumentCount(),
              null,
              Map.of()));
    }
    return datasets;
  }
}
