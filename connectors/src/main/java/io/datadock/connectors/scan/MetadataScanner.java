package io.datadock.connectors.scan;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import java.time.Duration;

/**
 * Reads what datasets a source has, with their columns, in a few bulk reads. Never throws for a
 * source problem (a failed login is a {@link ScanResult#failure}), never takes much longer than
 * {@code timeout} (what was read until then is returned, incomplete), and never puts a credential
 * value into an error. Connects only where {@code egress} allows and reads files only inside its
 * roots (a denial is a {@link ScanResult#failure} with the policy's message).
 */
public interface MetadataScanner {
  ScanResult scan(
      SourceConnection connection,
      Credentials credentials,
      ScanFilter filter,
      Duration timeout,
      Egress egress);

  /**
   * The same, within the caller's {@code options}: a scanner that lists objects takes its budget
   * from them and reports its progress to them; the others ignore them.
   */
  default ScanResult scan(
      SourceConnection connection,
      Credentials credentials,
      ScanFilter filter,
      Duration timeout,
      Egress egress,
      ScanOptions options) {
    return scan(connection, credentials, filter, timeout, egress);
  }
}
