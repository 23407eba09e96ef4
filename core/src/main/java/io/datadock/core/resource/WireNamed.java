package io.datadock.core.resource;

import java.util.Arrays;
import java.util.Optional;

/**
 * A member of a closed set with one spelling on the wire (in manifests, keys, records and answers):
 * the enums of kinds, statuses and shapes. Records keep these as strings; code compares with {@link
 * #is} and reads with {@link #fromWire}, so no spelling is written twice.
 */
public interface WireNamed {

  /** The one spelling on the wire. */
  String wireName();

  /** Whether a record's field holds this member's wire name (false for null or anything else). */
  default boolean is(String wireName) {
    return wireName().equals(wireName);
  }

  /** The member of {@code type} a wire name names, empty for anything else (case matters). */
  static <E extends Enum<E> & WireNamed> Optional<E> fromWire(Class<E> type, String wireName) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.is(wireName)).findFirst();
  }
}
