package io.datadock.core.manifest.depot;

import io.datadock.core.resource.ResourceKey;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One secret a depot references, normalized from either shape.
 *
 * @param secret a tenant secret ({@code tenant/secret/name}) or an instance secret ({@code
 *     tenant/instance-secret/name})
 * @param purposes rw, scan and/or query for a tenant secret; empty for an instance secret, whose
 *     acl decides later
 * @param keys the data keys the depot may read; empty for all keys
 */
public record SecretReference(ResourceKey secret, SortedSet<String> purposes, List<String> keys) {

  public SecretReference {
    purposes = Collections.unmodifiableSortedSet(new TreeSet<>(purposes));
    keys = List.copyOf(keys);
  }
}
