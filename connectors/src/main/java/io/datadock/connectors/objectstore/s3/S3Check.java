package io.datadock.connectors.objectstore.s3;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.BUCKET;
import static io.datadock.connectors.CheckSteps.LIST;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CheckRun;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.objectstore.StoreCheck;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 and S3-compatible stores, with the AWS SDK v2 ({@link S3Clients}): the endpoint's addresses
 * decided by the egress gate and reached over TCP; a signed {@code GetBucketLocation} as the login
 * (a refused signature fails {@code authenticate}), {@code HeadBucket} for {@code open bucket}; one
 * page of {@code ListObjectsV2} under the prefix as the listing. Each call is bounded by what is
 * left of the timeout; nothing is retried.
 */
public final class S3Check extends StoreCheck<S3Location> {

  static final int LIST_PAGE = 1000;

  @Override
  protected S3Location locate(SourceConnection connection) {
    return S3Location.of(connection);
  }

  @Override
  protected CheckReport afterReach(
      S3Location location,
      Credentials credentials,
      Egress egress,
      Deadline deadline,
      CheckRun run) {
    S3Clients.Keys keys;
    try {
      keys = S3Clients.keys(credentials);
    } catch (IllegalArgumentException e) {
      return run.fail(AUTHENTICATE, e.getMessage());
    }
    try (S3Client s3 = S3Clients.client(location, keys, egress.gate(), deadline.remaining())) {
      return login(s3, location, credentials, deadline, run)
          .orElseGet(() -> list(s3, location, credentials, deadline, run));
    }
  }

  /**
   * {@code authenticate}: a signed {@code GetBucketLocation}, whose error codes tell a refused
   * signature from anything else; {@code open bucket}: {@code HeadBucket}, which needs the same
   * permission as the listing. A report when either failed.
   */
  private static Optional<CheckReport> login(
      S3Client s3, S3Location location, Credentials credentials, Deadline deadline, CheckRun run) {
    try {
      s3.getBucketLocation(
          GetBucketLocationRequest.builder()
              .bucket(location.bucket())
              .overrideConfiguration(S3Clients.within(deadline))
              .build());
    } catch (RuntimeException e) {
      if (S3Errors.isLogin(e)) {
        return Optional.of(run.fail(AUTHENTICATE, S3Errors.loginProblem(e)));
      }
      if (S3Errors.code(e).isEmpty()) {
        return Optional.of(run.fail(AUTHENTICATE, S3Errors.describe(e, deadline, credentials)));
      }
    }
    run.pass(AUTHENTICATE, "signed requests accepted");
    String bucket = "bucket '" + location.bucket() + "'";
    try {
      s3.headBucket(
          HeadBucketRequest.builder()
              .bucket(location.bucket())
              .overrideConfiguration(S3Clients.within(deadline))
              .build());
      run.pass(BUCKET, bucket + " is there");
      return Optional.empty();
    } catch (S3Exception e) {
      String problem =
          switch (e.statusCode()) {
            case 404 -> bucket + " does not exist";
            case 403 -> "these credentials may not use " + bucket;
            case 301 -> bucket + " is in another region than the depot's 'region'";
            default -> bucket + ": " + S3Errors.describe(e, deadline, credentials);
          };
      return Optional.of(run.fail(BUCKET, problem));
    } catch (RuntimeException e) {
      return Optional.of(
          run.fail(BUCKET, bucket + ": " + S3Errors.describe(e, deadline, credentials)));
    }
  }

  private static CheckReport list(
      S3Client s3, S3Location location, Credentials credentials, Deadline deadline, CheckRun run) {
    try {
      ListObjectsV2Response page =
          s3.listObjectsV2(
              ListObjectsV2Request.builder()
                  .bucket(location.bucket())
                  .prefix(location.prefix())
                  .maxKeys(LIST_PAGE)
                  .overrideConfiguration(S3Clients.within(deadline))
                  .build());
      int objects = page.keyCount() == null ? page.contents().size() : page.keyCount();
      String count =
          Boolean.TRUE.equals(page.isTruncated())
              ? "more than " + objects + " objects"
              : objects + (objects == 1 ? " object" : " objects");
      return run.pass(LIST, count + " under " + location.describe()).report();
    } catch (RuntimeException e) {
      if (S3Errors.code(e).filter("AccessDenied"::equals).isPresent()) {
        return run.fail(LIST, "may not list " + location.describe());
      }
      return run.fail(
          LIST,
          "cannot list "
              + location.describe()
              + ": "
              + S3Errors.describe(e, deadline, credentials));
    }
  }
}
