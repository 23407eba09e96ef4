package io.datadock.connectors.objectstore.s3;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.scan.objectstore.ObjectStore;
import java.io.IOException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * One bucket as an {@link ObjectStore}: {@code ListObjectsV2} pages and ranged {@code GetObject}s,
 * each call bounded by what is left of the deadline. Failures become {@link IOException}s with a
 * message fit for a scan's errors (no credential value).
 */
final class S3Objects implements ObjectStore {

  private final S3Client s3;
  private final S3Location location;
  private final Credentials credentials;
  private final Deadline deadline;

  S3Objects(S3Client s3, S3Location location, Credentials credentials, Deadline deadline) {
    this.s3 = s3;
    this.location = location;
    this.credentials = credentials;
    this.deadline = deadline;
  }

  @Override
  public String root() {
    return "s3://" + location.bucket() + "/";
  }

  @Override
  public Page list(String prefix, String after, int pageSize) throws IOException {
    try {
      ListObjectsV2Response page =
          s3.listObjectsV2(
              ListObjectsV2Request.builder()
                  .bucket(location.bucket())
                  .prefix(prefix)
                  .continuationToken(after)
                  .maxKeys(pageSize)
                  .overrideConfiguration(S3Clients.within(deadline))
                  .build());
      return new Page(
          page.contents().stream().map(o -> new StoredObject(o.key(), o.size())).toList(),
          Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null);
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  @Override
  public byte[] read(String key, long position, int length) throws IOException {
    if (length <= 0) {
      return new byte[0];
    }
    try {
      return s3.getObjectAsBytes(
              b ->
                  b.bucket(location.bucket())
                      .key(key)
                      .range("bytes=" + position + "-" + (position + length - 1))
                      .overrideConfiguration(S3Clients.within(deadline)))
          .asByteArray();
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  private IOException failure(RuntimeException e) {
    return new IOException(
        S3Errors.isLogin(e)
            ? S3Errors.loginProblem(e)
            : S3Errors.describe(e, deadline, credentials));
  }
}
