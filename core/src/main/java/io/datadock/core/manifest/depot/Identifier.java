package io.datadock.core.manifest.depot;

/**
 * What a database, schema, service, warehouse, role, account or bucket field may hold: letters and
 * digits (any script), {@code _ - . $}, 1 to 255 characters. Permissive enough for the names
 * MANIFESTS.md and the databases use ({@code SALES_DB}, {@code orders}, {@code ORCL.example.com},
 * {@code xy12345.us-east-1}, {@code my-bucket}), and free of every URL or connection-string
 * separator ({@code / ? # & = ; : @ { }}), quote, whitespace and control character. The gateway
 * validates those fields with it, and the connectors check again before building a URL.
 */
public final class Identifier {

  public static final int MAX_LENGTH = 255;

  /** The punctuation an identifier may use besides letters and digits. */
  public static final String PUNCTUATION = "_-.$";

  private Identifier() {}

  public static boolean valid(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      return false;
    }
    return value
        .codePoints()
        .allMatch(c -> Character.isLetterOrDigit(c) || PUNCTUATION.indexOf(c) >= 0);
  }
}
