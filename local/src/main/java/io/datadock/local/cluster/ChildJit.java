package io.datadock.local.cluster;

import java.util.List;
import java.util.stream.Stream;

/**
 * How a cluster's child JVMs compile: for a quick start (tests, whose processes live for minutes)
 * or at full speed (soaks and benchmarks, whose processes live for hours).
 */
public enum ChildJit {
  /** C1 only: about 40 % less CPU to start, about twice the CPU per apply once warm. */
  QUICK_START(List.of("-XX:TieredStopAtLevel=1")),
  /** The JVM's default tiered compilation, C2 included. */
  FULL(List.of());

  private final List<String> options;

  ChildJit(List<String> options) {
    this.options = options;
  }

  /** {@code base} followed by this mode's options. */
  List<String> after(List<String> base) {
    return Stream.concat(base.stream(), options.stream()).toList();
  }
}
