package io.datadock.connectors;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server on 127.0.0.1 for tests: S3Proxy over an in-memory store, checking AWS v2/v4
 * signatures against one key pair, on a free port. {@link #client()} is a plain SDK client for the
 * fixtures (buckets, objects), pointed at it.
 */
public final class TestS3Server implements AutoCloseable {

  public static final String ACCESS_KEY = "datadock-test-access-key";
  public static final String SECRET_KEY = "datadock-test-secret-key-0123456789";

  private final S3Proxy proxy;
  private final BlobStoreContext store;
  private final S3Client client;

  private TestS3Server(S3Proxy proxy, BlobStoreContext store) {
    this.proxy = proxy;
    this.store = store;
    this.client =
        S3Client.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create(endpoint()))
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .build();
  }

  public static TestS3Server start() throws Exception {
    BlobStoreContext store =
        ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .build(BlobStoreContext.class);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> "STARTED".equals(proxy.getState()));
    return new TestS3Server(proxy, store);
  }

  /** {@code http://127.0.0.1:<port>}: what a depot's {@code endpoint} names. */
  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  public int port() {
    return proxy.getPort();
  }

  public S3Client client() {
    return client;
  }

  public void createBucket(String bucket) {
    client.createBucket(b -> b.bucket(bucket));
  }

  public void put(String bucket, String key, byte[] content) {
    client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
  }

  /**
   * Stores an object in the server's store directly, not over HTTP: for fixtures of many objects
   * (the listing benchmark), which the server then serves like any other.
   */
  public void putDirect(String bucket, String key, byte[] content) {
    var blobs = store.getBlobStore();
    blobs.putBlob(
        bucket, blobs.blobBuilder(key).payload(content).contentLength(content.length).build());
  }

  @Override
  public void close() throws Exception {
    client.close();
    proxy.stop();
    store.close();
  }
}
