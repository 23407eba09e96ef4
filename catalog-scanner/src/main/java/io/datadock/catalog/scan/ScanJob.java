package io.datadock.catalog.scan;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datadock.catalog.model.CatalogDiff;
import io.datadock.catalog.model.DatasetKeys;
import io.datadock.catalog.model.DatasetRecords;
import io.datadock.catalog.view.CatalogStore;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.MetadataScanner;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanOptions;
import io.datadock.connectors.scan.ScanResult;
import io.datadock.core.manifest.depot.SourceType;
import io.datadock.runtime.resolution.CredentialResolutionClient.ResolutionException;
import io.datadock.schemas.catalog.CatalogEventType;
import io.datadock.schemas.catalog.Dataset;
import io.datadock.schemas.catalog.ScanRun;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scan of one depot: decide the connection's addresses (and file path) with the egress policy,
 * resolve its {@code scan} credentials, read the source's metadata through its connector, diff
 * against the catalog, publish the changes and the run's record. A denied connection fails the run
 * with the policy's message before any credential is resolved. Datasets that vanished are removed
 * only when the scan was complete. While it reads, its progress is republished as its run ({@link
 * RunProgress}); an object store lists at most the depot's budget ({@link ScanBudgets}).
 */
public final class ScanJob {

  /** Reads a secret's values for purpose {@code scan} on behalf of a depot. */
  @FunctionalInterface
  public interface ScanCredentials {
    /** The secret's values and files for the scan. */
    Credentials resolve(String secretKey, String depotKey);
  }

  private static final Logger LOG = LoggerFactory.getLogger(ScanJob.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CatalogStore store;
  private final CatalogPublisher publisher;
  private final ScanCredentials credentials;
  private final Function<SourceType, Optional<MetadataScanner>> scanners;
  private final ScanBudgets budgets;
  private final Egress egress;
  private final Duration timeout;
  private final Clock clock;
  private final MeterRegistry metrics;

  public ScanJob(
      CatalogStore store,
      CatalogPublisher publisher,
      ScanCredentials credentials,
      Function<SourceType, Optional<MetadataScanner>> scanners,
      ScanBudgets budgets,
      Egress egress,
      Duration timeout,
      Clock clock,
      MeterRegistry metrics) {
    this.metrics = metrics;
    this.store = store;
    this.publisher = publisher;
    this.credentials = credentials;
    this.scanners = scanners;
    this.budgets = budgets;
    this.egress = egress;
    this.timeout = timeout;
    this.clock = clock;
  }

  public ScanRun scan(ScanTarget target, String trigger) {
    long started = clock.millis();
    ScanRun.Builder run =
        ScanRun.newBuilder()
            .setScanId(UUID.randomUUID().toString())
            .setDepotKey(target.depotKey())
            .setTenant(target.tenant())
            .setDepot(target.depot())
            .setTrigger(trigger)
            .setStatus(ScanRunStatus.STARTED.wire())
            .setStartedAt(started);
    ScanRun startedRun = run.build();
    publisher.run(startedRun, CatalogEventType.SCAN_STARTED, started);
    RunProgress progress =
        new RunProgress(
            startedRun,
            update -> publisher.run(update, CatalogEventType.SCAN_STARTED, clock.millis()),
            clock::millis,
            RunProgress.EVERY);
    List<String> errors = new ArrayList<>();
    ScanRunStatus status;
    try {
      Optional<MetadataScanner> scanner =
          SourceType.ofCanonical(target.sourceType()).flatMap(scanners);
      if (scanner.isEmpty()) {
        errors.add("no metadata scan for source type " + target.sourceType());
        status = ScanRunStatus.SKIPPED;
      } else {
        ScanResult result = read(scanner.get(), target, progress);
        errors.addAll(result.errors());
        Map<String, Dataset> scanned = new LinkedHashMap<>();
        for (DatasetMeta meta : result.datasets()) {
          Dataset dataset = DatasetRecords.of(target, meta, run.getScanId(), started);
          scanned.put(DatasetKeys.of(target.tenant(), dataset.getUdl()), dataset);
        }
        store.sync().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        CatalogDiff diff =
            CatalogDiff.between(store.datasetsOf(target.depotKey()), scanned, result.complete());
        publisher.publish(diff, clock.millis());
        run.setDatasetsSeen(scanned.size())
            .setAdded(diff.created().size())
            .setChanged(diff.changed().size())
            .setRemoved(diff.removed().size());
        status = ScanRunStatus.outcome(result.complete(), scanned.size());
      }
    } catch (ResolutionException | IllegalArgumentException | IllegalStateException e) {
      errors.add(e.getMessage());
      status = ScanRunStatus.FAILED;
    } catch (Exception e) {
      errors.add("scan failed: " + e.getClass().getSimpleName());
      status = ScanRunStatus.FAILED;
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
    run.setObjectsListed(progress.close());
    long finished = clock.millis();
    ScanRun done =
        run.setStatus(status.wire())
            .setErrors(errors)
            .setFinishedAt(finished)
            .setDurationMs(finished - started)
            .build();
    publisher.run(done, CatalogEventType.SCAN_FINISHED, finished);
    Timer.builder("datadock.catalog.scan")
        .description("catalog scan runs by status")
        .tag("status", status.wire())
        .tag("trigger", trigger)
        .register(metrics)
        .record(Duration.ofMillis(finished - started));
    metrics.counter("datadock.catalog.datasets.added").increment(done.getAdded());
    metrics.counter("datadock.catalog.datasets.changed").increment(done.getChanged());
    metrics.counter("datadock.catalog.datasets.removed").increment(done.getRemoved());
    LOG.info(
        "catalog scan depot={} trigger={} status={} seen={} added={} changed={} removed={} errors={} durationMs={}{}",
        target.depotKey(),
        trigger,
        status.wire(),
        done.getDatasetsSeen(),
        done.getAdded(),
        done.getChanged(),
        done.getRemoved(),
        errors.size(),
        done.getDurationMs(),
        firstError(errors));
    return done;
  }

  /**
   * The run's first error, as {@code catalog.events} and the API already show it (never a value: a
   * resolution's errors name the secret and the reason, a scan's the object and the failure), so
   * that a failed run says why in the log too.
   */
  private static String firstError(List<String> errors) {
    if (errors.isEmpty()) {
      return "";
    }
    String first = String.valueOf(errors.get(0));
    return " firstError=\"" + (first.length() > 200 ? first.substring(0, 200) + "…" : first) + "\"";
  }

  /** A deleted depot: every dataset of it goes. */
  public int removeAll(String depotKey) throws Exception {
    store.sync().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    List<Dataset> datasets = new ArrayList<>(store.datasetsOf(depotKey).values());
    publisher.remove(datasets, clock.millis());
    LOG.info("catalog depot deleted depot={} removed={}", depotKey, datasets.size());
    return datasets.size();
  }

  private ScanResult read(MetadataScanner scanner, ScanTarget target, RunProgress progress) {
    SourceConnection connection =
        new SourceConnection(target.sourceType(), fields(target.connection()));
    // Egress first: a denied address is never tried with credentials, nor are they resolved.
    Deadline deadline = Deadline.after(timeout);
    Optional<String> denied = egress.problem(connection, deadline);
    if (denied.isPresent()) {
      LOG.info("catalog scan refused depot={} reason={}", target.depotKey(), denied.get());
      return ScanResult.failure(denied.get());
    }
    // the scan has what the decision (its DNS lookups) left of the timeout
    Duration scanTimeout = deadline.expired() ? Duration.ofMillis(1) : deadline.remaining();
    Credentials creds =
        target.credentialSecret() == null
            ? Credentials.none()
            : credentials.resolve(target.credentialSecret(), target.depotKey());
    ScanOptions options = new ScanOptions(budgets.of(target.tenant(), target.depot()), progress);
    return scanner.scan(
        connection, creds, ScanFilter.fromJson(target.scan()), scanTimeout, egress, options);
  }

  private static Map<String, Object> fields(String connection) {
    try {
      return JSON.readValue(connection, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalArgumentException("the depot's connection is not a JSON object");
    }
  }
}
