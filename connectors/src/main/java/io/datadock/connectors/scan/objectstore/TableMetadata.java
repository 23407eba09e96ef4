package io.datadock.connectors.scan.objectstore;

import io.datadock.connectors.scan.objectstore.ObjectStore.StoredObject;
import java.io.IOException;

/** Reading a table format's metadata files, which are small: whole, up to a limit. */
final class TableMetadata {

  static final int LIMIT = 16 * 1024 * 1024;

  private TableMetadata() {}

  static byte[] whole(ObjectStore store, StoredObject file) throws IOException {
    if (file.size() > LIMIT) {
      throw new IOException(file.key() + " is larger than " + LIMIT / (1024 * 1024) + " MiB");
    }
    return store.read(file.key(), 0, (int) file.size());
  }
}
