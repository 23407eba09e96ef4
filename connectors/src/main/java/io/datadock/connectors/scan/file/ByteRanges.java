package io.datadock.connectors.scan.file;

import java.io.IOException;

/**
 * A file read by ranges, wherever it lives: a local file, an object in a store. The schema readers
 * read a text file's first bytes and a Parquet file's footer, never a whole file.
 */
public interface ByteRanges {

  long size() throws IOException;

  /** {@code length} bytes from {@code position}, fewer only at the end of the file. */
  byte[] read(long position, int length) throws IOException;
}
