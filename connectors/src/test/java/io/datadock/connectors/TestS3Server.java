package io.datadock.connectors;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
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
 * fixtures (buckets, objects), pointed at it. {@link #holdListingsAfter} holds the server's
 * listings at a page until the test lets them go: to see a scan while it lists, without timing.
 */
public final class TestS3Server implements AutoCloseable {

  public static final String ACCESS_KEY = "datadock-test-access-key";
  public static final String SECRET_KEY = "datadock-test-secret-key-0123456789";

  private final S3Proxy proxy;
  private final BlobStoreContext store;
  private final GatedListings listings;
  private final S3Client client;

  private TestS3Server(S3Proxy proxy, BlobStoreContext store, GatedListings listings) {
    this.proxy = proxy;
    this.store = store;
    this.listings = listings;
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
    GatedListings listings = new GatedListings(store.getBlobStore());
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(listings)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> "STARTED".equals(proxy.getState()));
    return new TestS3Server(proxy, store, listings);
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

  /**
   * From now on the server answers {@code pages} listing requests of {@code bucket}, then holds
   * every further one until {@link ListingHold#release()} (or 60 s).
   */
  public ListingHold holdListingsAfter(String bucket, int pages) {
    ListingHold hold = new ListingHold(bucket, pages);
    listings.hold = hold;
    return hold;
  }

  /** Listings held after some pages, until released. */
  public static final class ListingHold {
    private final String bucket;
    private final AtomicInteger passes;
    private final CountDownLatch released = new CountDownLatch(1);

    private ListingHold(String bucket, int pages) {
      this.bucket = bucket;
      this.passes = new AtomicInteger(pages);
    }

    public void release() {
      released.countDown();
    }

    private void pass(String container) {
      if (container.equals(bucket) && passes.getAndDecrement() <= 0) {
        try {
          released.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** The in-memory store, its listings passing the current hold, if any. */
  private static final class GatedListings extends ForwardingBlobStore {
    private volatile ListingHold hold;

    GatedListings(BlobStore delegate) {
      super(delegate);
    }

    @Override
    public PageSet<? extends StorageMetadata> list(String container, ListContainerOptions options) {
      ListingHold current = hold;
      if (current != null) {
        current.pass(container);
      }
      return super.list(container, options);
    }
  }

  @Override
  public void close() throws Exception {
    ListingHold current = listings.hold;
    if (current != null) {
      current.release();
    }
    client.close();
    proxy.stop();
    store.close();
  }
}
