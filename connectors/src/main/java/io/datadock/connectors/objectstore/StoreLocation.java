package io.datadock.connectors.objectstore;

import io.datadock.connectors.Reachable;

/**
 * Where a depot's objects are: the host and port the reach step probes, and words for messages
 * ({@code s3://bucket/prefix} or the like).
 */
public interface StoreLocation extends Reachable {}
