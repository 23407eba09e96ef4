package io.datadock.schemas;

import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The {@code resourceVersion} header on {@code resource.state} records. A deletion is a tombstone
 * (null value, so compaction drops the resource), and the header is how a reader still learns which
 * version the deletion was.
 */
public final class ResourceVersionHeader {

  public static final String NAME = "resourceVersion";

  private ResourceVersionHeader() {}

  public static Headers of(long resourceVersion) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(NAME, ByteBuffer.allocate(Long.BYTES).putLong(resourceVersion).array());
    return headers;
  }

  /** The version in these headers, or -1 when there is none. */
  public static long read(Headers headers) {
    Header header = headers.lastHeader(NAME);
    if (header == null || header.value() == null || header.value().length != Long.BYTES) {
      return -1;
    }
    return ByteBuffer.wrap(header.value()).getLong();
  }
}
