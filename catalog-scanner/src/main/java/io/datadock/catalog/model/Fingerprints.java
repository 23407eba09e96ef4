package io.datadock.catalog.model;

import io.datadock.schemas.catalog.DatasetColumn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A dataset's schema fingerprint: changes exactly when its columns or primary key do. */
public final class Fingerprints {

  private Fingerprints() {}

  public static String of(List<DatasetColumn> columns, List<String> primaryKey) {
    StringBuilder canonical = new StringBuilder();
    for (DatasetColumn c : columns) {
      canonical
          .append(c.getPosition())
          .append('\u0000')
          .append(c.getName())
          .append('\u0000')
          .append(c.getType())
          .append('\u0000')
          .append(c.getNullable())
          .append('\n');
    }
    canonical.append("pk\u0000").append(String.join("\u0000", primaryKey));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
