package io.datadock.connectors.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestS3Server;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 100,000-object listing figure: an S3 scan of a prefix holding 100 partitions of 1,000 CSV
 * objects each, against S3Proxy on loopback, beside the same listing by a bare SDK paginator (what
 * the server and the SDK cost without the scanner). Not part of {@code mvn verify} (its name
 * matches no test pattern); run it with {@code mvn -pl connectors -am verify
 * -Dtest=S3ListingBenchmark -Dit.test=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class S3ListingBenchmark {

  static final int PARTITIONS = 100;
  static final int PER_PARTITION = 1_000;

  @Test
  void aScanOfOneHundredThousandObjects() throws Exception {
    try (TestS3Server s3 = TestS3Server.start()) {
      s3.createBucket("big");
      byte[] csv = "id,kind\n1,a\n".getBytes(StandardCharsets.UTF_8);
      for (int p = 0; p < PARTITIONS; p++) {
        for (int i = 0; i < PER_PARTITION; i++) {
          s3.putDirect("big", String.format("events/day=%03d/part-%04d.csv", p, i), csv);
        }
      }
      SourceConnection connection =
          new SourceConnection(
              "s3", Map.of("bucket", "big", "relativePath", "events", "endpoint", s3.endpoint()));

      for (int run = 1; run <= 3; run++) {
        long bare = System.nanoTime();
        long listed =
            s3
                .client()
                .listObjectsV2Paginator(b -> b.bucket("big").prefix("events/"))
                .contents()
                .stream()
                .count();
        System.out.printf(
            "bare SDK listing run %d: %d objects, %d ms%n",
            run, listed, (System.nanoTime() - bare) / 1_000_000);
        long started = System.nanoTime();
        ScanResult result =
            new S3Scanner()
                .scan(
                    connection,
                    S3CheckIT.keysFor(TestS3Server.SECRET_KEY),
                    ScanFilter.all(),
                    Duration.ofMinutes(5),
                    TestEgress.local());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(result.complete()).as(result.errors().toString()).isTrue();
        assertThat(result.datasets()).hasSize(1);
        System.out.printf(
            "S3 scan run %d: %d objects listed in %d pages, %d dataset, %d ms (%.0f objects/s)%n",
            run,
            PARTITIONS * PER_PARTITION,
            PARTITIONS * PER_PARTITION / 1000,
            result.datasets().size(),
            millis,
            PARTITIONS * PER_PARTITION * 1000.0 / millis);
      }
    }
  }
}
