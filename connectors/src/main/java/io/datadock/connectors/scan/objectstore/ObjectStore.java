package io.datadock.connectors.scan.objectstore;

import java.io.IOException;
import java.util.List;

/**
 * What a catalog scan needs from an object store (S3 today; GCS and Azure containers fit the same
 * shape): pages of keys under a prefix, and byte ranges of one object.
 */
public interface ObjectStore {

  /** One object: its full key and its size in bytes. */
  record StoredObject(String key, long size) {}

  /**
   * @param next where the listing goes on, or null after the last page
   */
  record Page(List<StoredObject> objects, String next) {}

  /** "s3://bucket/" and the like, for paths and messages. */
  String root();

  /**
   * @param after null for the first page, else the previous page's {@code next}
   */
  Page list(String prefix, String after, int pageSize) throws IOException;

  /** {@code length} bytes of {@code key} from {@code position} (fewer at its end). */
  byte[] read(String key, long position, int length) throws IOException;
}
