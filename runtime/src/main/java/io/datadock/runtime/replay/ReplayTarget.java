package io.datadock.runtime.replay;

/**
 * A service operators can replay.
 *
 * @param groupId its consumer group (a Streams app's application id)
 * @param streamsApp whether it is a Kafka Streams app, whose internal topics are deleted too
 */
public record ReplayTarget(String groupId, boolean streamsApp) {}
