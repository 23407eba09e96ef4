package io.datadock.schemas;

import java.util.List;

/**
 * Turns a record into bytes and back. The one seam between Datadock and its wire format: topics,
 * stores and changelogs all go through an implementation of this interface.
 */
public interface RecordCodec<T> {

  /** The record classes this codec writes: one, or several on a topic that holds several. */
  List<Class<?>> recordTypes();

  byte[] encode(T value);

  /**
   * Decodes bytes written by this codec or by any earlier, compatible version of its schema.
   *
   * @throws RecordCodecException when the bytes are not a record this codec knows
   */
  T decode(byte[] bytes);
}
