package io.datadock.connectors.objectstore;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SafeMessages;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TcpReach;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.file.FileFormats;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanOptions;
import io.datadock.connectors.scan.ScanResult;
import io.datadock.connectors.scan.objectstore.ObjectStore;
import io.datadock.connectors.scan.objectstore.ObjectStoreScanner;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * What every object store's scanner does around the {@link ObjectStoreScanner}: the depot's {@code
 * format}, the check's reach probe, then the scan on a worker, so that nothing (an SDK's first load
 * included) holds the caller past the deadline; every call inside is also bounded by the time left.
 */
public final class StoreScan {

  /**
   * One depot's bucket or container: where it is (for the reach probe), the prefix the scan lists,
   * {@code s3://bucket/prefix} or the like for messages, and its SDK client for one scan.
   */
  public record Target(String host, int port, String prefix, String describe, Opener opener) {}

  /** Opens the SDK client, runs {@code scan} on the store over it, closes the client. */
  @FunctionalInterface
  public interface Opener {
    ScanResult withStore(Function<ObjectStore, ScanResult> scan) throws Exception;
  }

  private StoreScan() {}

  public static ScanResult run(
      Target target,
      SourceConnection connection,
      Credentials credentials,
      ScanFilter filter,
      Deadline deadline,
      Egress egress,
      ScanOptions options) {
    String format = connection.string("format");
    Optional<String> onlyFormat = FileFormats.named(format);
    if (format != null && onlyFormat.isEmpty()) {
      return ScanResult.failure("unknown format '" + format + "' (" + FileFormats.KNOWN + ")");
    }
    Optional<String> unreachable =
        TcpReach.problem(target.host(), target.port(), egress.gate(), deadline);
    if (unreachable.isPresent()) {
      return ScanResult.failure(unreachable.get());
    }
    ScanFilter datasets = filter == null ? ScanFilter.all() : filter;
    try {
      return deadline.call(
          () ->
              target
                  .opener()
                  .withStore(
                      store ->
                          new ObjectStoreScanner(store, options)
                              .scan(target.prefix(), onlyFormat, datasets, deadline)),
          late -> {});
    } catch (TimeoutException e) {
      return ScanResult.failure(
          "no answer from " + target.describe() + " within " + deadline.describe());
    } catch (Exception e) {
      return ScanResult.failure(
          "cannot scan " + target.describe() + ": " + SafeMessages.of(e, credentials));
    }
  }
}
