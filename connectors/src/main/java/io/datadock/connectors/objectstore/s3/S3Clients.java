package io.datadock.connectors.objectstore.s3;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.connectors.objectstore.EgressDnsResolver;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.apache5.ProxyConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The AWS SDK v2 S3 client for one depot, shared by the check and the scanner: the secret's keys
 * only (never the SDK's default chain of environment, profile files or instance metadata), the
 * depot's region, its endpoint (path-style when it is not AWS's), no retries (the caller's deadline
 * rules), and an Apache HTTP client that resolves every host through the {@link EgressGate} ({@link
 * EgressDnsResolver}) and ignores proxy settings.
 */
public final class S3Clients {

  /** The secret's key id and secret key, under DataOS's names or AWS's. */
  record Keys(String accessKeyId, String secretKey) {}

  private S3Clients() {}

  /**
   * @throws IllegalArgumentException naming the missing key (as {@link S3Location#of} does a bad
   *     field)
   */
  static Keys keys(Credentials credentials) {
    String id = first(credentials, "accesskeyid", "awsaccesskeyid");
    String secret = first(credentials, "secretkey", "awssecretaccesskey");
    if (id == null) {
      throw new IllegalArgumentException("the secret has no 'accesskeyid' (or 'awsaccesskeyid')");
    }
    if (secret == null) {
      throw new IllegalArgumentException("the secret has no 'secretkey' (or 'awssecretaccesskey')");
    }
    return new Keys(id, secret);
  }

  static S3Client client(S3Location location, Keys keys, EgressGate gate, Duration connectTimeout) {
    Apache5HttpClient.Builder http =
        Apache5HttpClient.builder()
            .dnsResolver(new EgressDnsResolver(gate, location.port()))
            .proxyConfiguration(
                ProxyConfiguration.builder()
                    .useSystemPropertyValues(false)
                    .useEnvironmentVariableValues(false)
                    .build())
            .connectionTimeout(connectTimeout)
            .socketTimeout(connectTimeout);
    var builder =
        S3Client.builder()
            .region(Region.of(location.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(keys.accessKeyId(), keys.secretKey())))
            .httpClientBuilder(http)
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    // Always the location's endpoint, so the host the client picks is the one the check reached.
    return builder.endpointOverride(location.endpoint()).forcePathStyle(location.custom()).build();
  }

  /** One call's limit: what is left of the deadline. */
  static AwsRequestOverrideConfiguration within(Deadline deadline) {
    return AwsRequestOverrideConfiguration.builder()
        .apiCallTimeout(Duration.ofMillis(Math.max(1, deadline.remainingMillis())))
        .build();
  }

  private static String first(Credentials credentials, String... names) {
    for (String name : names) {
      String value = credentials.get(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
