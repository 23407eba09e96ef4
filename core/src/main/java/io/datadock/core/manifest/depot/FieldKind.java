package io.datadock.core.manifest.depot;

/** Field kinds of a connection field. */
public enum FieldKind {
  STRING,
  PORT,
  BOOLEAN,
  STRING_LIST,
  MAP
}
