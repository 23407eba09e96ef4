package io.datadock.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Earlier versions of Datadock's schemas, kept as resources under {@code history/}, so that a
 * record written before a schema evolved still decodes. Add the old {@code .avsc} here whenever a
 * schema changes; {@code SchemaHistoryTest} fails for a released schema the codec cannot read.
 */
public final class SchemaHistory {

  private static final Map<String, List<String>> HISTORY =
      Map.ofEntries(
          Map.entry(
              "io.datadock.schemas.secret.SecretCommand",
              List.of("SecretCommand-v1.avsc", "SecretCommand-v2.avsc")),
          Map.entry(
              "io.datadock.schemas.depot.DepotCommand",
              List.of("DepotCommand-v1.avsc", "DepotCommand-v2.avsc")),
          Map.entry("io.datadock.schemas.secret.SecretKey", List.of("SecretKey-v1.avsc")),
          Map.entry("io.datadock.schemas.depot.DepotState", List.of("DepotState-v1.avsc")),
          Map.entry(
              "io.datadock.schemas.identity.ReferenceGrant",
              List.of("ReferenceGrant-v1.avsc", "ReferenceGrant-v2.avsc")),
          Map.entry(
              "io.datadock.schemas.reference.ReferenceRequest",
              List.of("ReferenceRequest-v1.avsc")),
          Map.entry(
              "io.datadock.schemas.reference.ReferenceReply", List.of("ReferenceReply-v1.avsc")),
          Map.entry("io.datadock.schemas.catalog.CatalogEvent", List.of("CatalogEvent-v1.avsc")),
          Map.entry("io.datadock.schemas.catalog.ScanRun", List.of("ScanRun-v1.avsc")),
          Map.entry("io.datadock.schemas.identity.User", List.of("User-v1.avsc")));

  private SchemaHistory() {}

  /** The full names of the schemas that have earlier versions. */
  public static Set<String> evolved() {
    return HISTORY.keySet();
  }

  /** Earlier versions of the schema with this full name, oldest first. */
  public static List<Schema> versionsOf(String fullName) {
    return HISTORY.getOrDefault(fullName, List.of()).stream().map(SchemaHistory::load).toList();
  }

  private static Schema load(String resource) {
    try (InputStream in = SchemaHistory.class.getResourceAsStream("history/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing schema history resource " + resource);
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
