package io.datadock.connectors.jdbc;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.LoginFiles;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The TLS files of a pgjdbc login (a {@code postgres} depot, or a {@code jdbc} one with subprotocol
 * {@code postgresql}), taken from the secret's files by their libpq names:
 *
 * <ul>
 *   <li>{@code sslrootcert}: the CA certificate(s), PEM, the server's certificate must chain to.
 *       With it, {@code sslmode} is {@code verify-full} unless the depot's {@code params} name
 *       another mode;
 *   <li>{@code sslcert} and {@code sslkey}: a client certificate (PEM) and its key (PKCS#8, PEM
 *       {@code BEGIN PRIVATE KEY} or DER; an encrypted DER key takes {@code sslpassword} from the
 *       secret's data).
 * </ul>
 *
 * Names match without regard to case. The manifest never names a path (the {@code params} allowlist
 * has no file parameter, {@link io.datadock.core.manifest.depot.JdbcDriver}): the files are written
 * to a {@link LoginFiles} directory under names chosen here, and the driver's properties point at
 * them. Without a client certificate in the secret, {@code sslcert} and {@code sslkey} are set
 * empty, which pgjdbc reads as "none", so it never presents a certificate from the service
 * account's own {@code ~/.postgresql}.
 */
final class PgTlsFiles {

  static final String ROOT_CERT = "sslrootcert";
  static final String CLIENT_CERT = "sslcert";
  static final String CLIENT_KEY = "sslkey";
  static final String KEY_PASSWORD = "sslpassword";

  private PgTlsFiles() {}

  /**
   * Writes the secret's TLS files and sets the driver properties naming them; returns null when the
   * secret has none. The caller closes the result once the driver has connected or given up.
   */
  static LoginFiles write(Credentials credentials, Properties properties) throws IOException {
    byte[] root = file(credentials, ROOT_CERT);
    byte[] cert = file(credentials, CLIENT_CERT);
    byte[] key = file(credentials, CLIENT_KEY);
    // pgjdbc reads an empty name as "no file" (and an unset one as ~/.postgresql/...)
    properties.setProperty("sslcert", "");
    properties.setProperty("sslkey", "");
    if (root == null && cert == null && key == null) {
      return null;
    }
    LoginFiles files = LoginFiles.create();
    try {
      if (root != null) {
        properties.setProperty("sslrootcert", files.write("root.crt", root).toString());
        properties.setProperty("sslmode", "verify-full");
      }
      if (cert != null) {
        properties.setProperty("sslcert", files.write("client.crt", cert).toString());
      }
      if (key != null) {
        properties.setProperty("sslkey", files.write("client.key", key).toString());
      }
      String password = credentials.get(KEY_PASSWORD);
      if (password != null) {
        properties.setProperty("sslpassword", password);
      }
      return files;
    } catch (IOException | RuntimeException e) {
      files.close();
      throw e;
    }
  }

  /** The file named {@code name} in any case, or null. */
  static byte[] file(Credentials credentials, String name) {
    for (Map.Entry<String, byte[]> e : credentials.files().entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(name)) {
        return e.getValue();
      }
    }
    return null;
  }
}
