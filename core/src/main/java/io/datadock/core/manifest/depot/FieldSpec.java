package io.datadock.core.manifest.depot;

/** One connection field of a source type, as in MANIFESTS.md's table (required = bold). */
public record FieldSpec(String name, FieldKind kind, boolean required) {}
