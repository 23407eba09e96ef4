package io.datadock.connectors.scan;

import java.util.Objects;

/**
 * One column of a dataset.
 *
 * @param name as the source spells it
 * @param type as the source names it, e.g. "integer", "character varying(20)", "varchar(20)"
 * @param nullable false only when the source says the column never holds null
 * @param position 1-based, dense (no gaps for dropped columns)
 */
public record ColumnMeta(String name, String type, boolean nullable, int position) {

  public ColumnMeta {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (position < 1) {
      throw new IllegalArgumentException("position must be at least 1, was " + position);
    }
  }
}
