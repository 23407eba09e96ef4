package io.datadock.runtime.replay;

import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.TopicTail;
import io.datadock.runtime.kafka.TopicWriter;
import io.datadock.schemas.Topics;
import io.datadock.schemas.control.ReplayControl;
import io.datadock.schemas.control.ReplayPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an operator's replay of one service, the Kafka Streams reset way, with the instances kept
 * running: every instance pauses and reports its digest, leaves the group; the coordinator records
 * the committed offsets (the {@link ReplayBoundary}), deletes the group (so input offsets start
 * from the beginning) and the app's internal changelog and repartition topics; every instance wipes
 * its local state and rebuilds; once the group's committed offsets are back at the boundary, every
 * instance reports its digest again. All of it goes through {@code replay.control}, so instances in
 * other processes take part.
 */
public final class ReplayCoordinator implements AutoCloseable {

  /**
   * A service operators can replay.
   *
   * @param groupId its consumer group (a Streams app's application id)
   * @param streamsApp whether it is a Kafka Streams app, whose internal topics are deleted too
   */
  public record Target(String groupId, boolean streamsApp) {}

  private static final Logger LOG = LoggerFactory.getLogger(ReplayCoordinator.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final String bootstrapServers;
  private final String topicPrefix;
  private final Map<String, Target> targets;
  private final Admin admin;
  private final TopicWriter writer;
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final Clock clock = Clock.systemUTC();

  public ReplayCoordinator(
      String bootstrapServers, String topicPrefix, Map<String, Target> targets) {
    this.bootstrapServers = bootstrapServers;
    this.topicPrefix = topicPrefix;
    this.targets = Map.copyOf(targets);
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    this.writer =
        new TopicWriter(
            KafkaSettings.producer(bootstrapServers, "replay-coordinator"), topicPrefix);
  }

  public Set<String> services() {
    return new java.util.TreeSet<>(targets.keySet());
  }

  /**
   * Replays {@code service} and blocks until it is rebuilt.
   *
   * @throws IllegalArgumentException for a service that is not one of {@link #services()}
   * @throws ReplayException when the replay cannot be done or does not finish in time
   */
  public ReplayReport replay(String service, Duration timeout) {
    Target target = targets.get(service);
    if (target == null) {
      throw new IllegalArgumentException(
          "service must be one of " + String.join(", ", services()) + ", not '" + service + "'");
    }
    if (!running.add(service)) {
      throw new ReplayException(
          ReplayException.Reason.BUSY, "a replay of " + service + " is already running");
    }
    try (Inbox inbox = new Inbox()) {
      return new Run(service, target, inbox, clock.instant().plus(timeout)).execute();
    } finally {
      running.remove(service);
    }
  }

  /** One replay, step by step. */
  private final class Run {

    private final String replayId = "r-" + UUID.randomUUID();
    private final String service;
    private final Target target;
    private final Inbox inbox;
    private final Instant deadline;
    private final long started = clock.millis();
    private final Map<String, Map<Integer, StateDigest>> before = new TreeMap<>();
    private final Map<String, Map<Integer, StateDigest>> after = new TreeMap<>();

    Run(String service, Target target, Inbox inbox, Instant deadline) {
      this.service = service;
      this.target = target;
      this.inbox = inbox;
      this.deadline = deadline;
    }

    ReplayReport execute() {
      if (members() == 0) {
        throw new ReplayException(
            ReplayException.Reason.NOT_RUNNING,
            "no instance of " + service + " is running: start it, then replay");
      }
      LOG.info("replay={} service={} requested", replayId, service);
      publish(ReplayPhase.REQUESTED, Map.of(), null);
      try {
        awaitStopped();
      } catch (ReplayException e) {
        if (e.reason() == ReplayException.Reason.FAILED) {
          // nothing is reset yet: the instances that did stop resume as they were
          publish(ReplayPhase.FAILED, Map.of(), e.getMessage());
        }
        throw e;
      }
      Map<String, Long> boundary = reset();
      publish(ReplayPhase.RESET, boundary, null);
      awaitCaughtUp(boundary);
      awaitDigests();
      ReplayReport report =
          new ReplayReport(
              replayId,
              service,
              List.copyOf(before.keySet()),
              sum(before),
              sum(after),
              clock.millis() - started);
      LOG.info(
          "replay={} service={} done instances={} equal={} tookMs={}",
          replayId,
          service,
          report.instances(),
          report.equal(),
          report.tookMs());
      return report;
    }

    private void awaitStopped() {
      while (true) {
        take(ReplayPhase.STOPPED, before);
        if (!before.isEmpty() && members() == 0) {
          // Instances answer before they leave: with the group empty, every answer is written.
          inbox.sync();
          take(ReplayPhase.STOPPED, before);
          return;
        }
        if (clock.instant().isAfter(deadline)) {
          callOff(
              ReplayException.Reason.TIMEOUT,
              "instances of " + service + " did not stop in time; stopped: " + before.keySet());
        }
      }
    }

    private Map<String, Long> reset() {
      try {
        Map<String, Long> boundary = committedOffsets();
        admin.deleteConsumerGroups(List.of(target.groupId())).all().get(30, TimeUnit.SECONDS);
        // From here on the offsets are gone: resuming as before is no longer possible, so the
        // replay goes on even when an internal topic cannot be deleted (decisions are idempotent:
        // a store restored from a surviving changelog and fed its inputs again ends the same).
        if (target.streamsApp()) {
          try {
            deleteInternalTopics();
          } catch (ExecutionException | TimeoutException e) {
            LOG.error("replay={} service={} internal topics not deleted", replayId, service, e);
          }
        }
        LOG.info("replay={} service={} reset boundary={}", replayId, service, boundary);
        return boundary;
      } catch (ExecutionException | TimeoutException e) {
        return callOff(
            ReplayException.Reason.FAILED, "cannot reset " + service + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return callOff(ReplayException.Reason.FAILED, "interrupted");
      }
    }

    private void deleteInternalTopics()
        throws ExecutionException, InterruptedException, TimeoutException {
      String prefix = target.groupId() + "-";
      List<String> internal =
          admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
              .filter(t -> t.startsWith(prefix))
              .filter(t -> t.endsWith("-changelog") || t.endsWith("-repartition"))
              .toList();
      if (internal.isEmpty()) {
        return;
      }
      admin.deleteTopics(internal).all().get(30, TimeUnit.SECONDS);
      // Deletion completes asynchronously; the app must not recreate a topic still being deleted.
      while (admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
          .anyMatch(internal::contains)) {
        if (clock.instant().isAfter(deadline)) {
          throw new TimeoutException("internal topics " + internal + " still exist");
        }
        inbox.waitFor(POLL);
      }
    }

    private void awaitCaughtUp(Map<String, Long> boundary) {
      while (true) {
        take(ReplayPhase.STOPPED, new HashMap<>());
        if (caughtUp(boundary)) {
          return;
        }
        if (clock.instant().isAfter(deadline)) {
          throw new ReplayException(
              ReplayException.Reason.TIMEOUT,
              service
                  + " was reset and is still rebuilding: its digest can be read from each"
                  + " instance once it is done");
        }
      }
    }

    private boolean caughtUp(Map<String, Long> boundary) {
      try {
        Map<String, Long> now = committedOffsets();
        return boundary.entrySet().stream()
            .allMatch(e -> e.getValue() == 0 || now.getOrDefault(e.getKey(), 0L) >= e.getValue());
      } catch (ExecutionException e) {
        if (e.getCause() instanceof GroupIdNotFoundException) {
          return false;
        }
        throw new ReplayException(ReplayException.Reason.FAILED, e.getMessage());
      } catch (TimeoutException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ReplayException(ReplayException.Reason.FAILED, "interrupted");
      }
    }

    /**
     * Asks every instance for its digest until their answers cover every partition that was
     * reported before: right after a rebuild, a rebalance may briefly leave a partition with no
     * active owner.
     */
    /** The group's committed offsets, by {@link ReplayBoundary#key}. */
    private Map<String, Long> committedOffsets()
        throws ExecutionException, InterruptedException, TimeoutException {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(target.groupId())
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      Map<String, Long> offsets = new TreeMap<>();
      committed.forEach(
          (tp, offset) -> {
            if (offset != null) {
              offsets.put(ReplayBoundary.key(tp.topic(), tp.partition()), offset.offset());
            }
          });
      return offsets;
    }

    private void awaitDigests() {
      while (true) {
        after.clear();
        publish(ReplayPhase.DIGEST_REQUESTED, Map.of(), null);
        while (!after.keySet().containsAll(before.keySet())) {
          take(ReplayPhase.DIGEST, after);
          if (clock.instant().isAfter(deadline)) {
            throw new ReplayException(
                ReplayException.Reason.TIMEOUT,
                service
                    + " was rebuilt but not every instance reported its digest; missing: "
                    + missing());
          }
        }
        if (partitions(after).containsAll(partitions(before))) {
          return;
        }
        if (clock.instant().isAfter(deadline)) {
          throw new ReplayException(
              ReplayException.Reason.TIMEOUT,
              service + " was rebuilt but some of its partitions have no active owner yet");
        }
        inbox.drain(POLL);
      }
    }

    private static Set<Integer> partitions(Map<String, Map<Integer, StateDigest>> byInstance) {
      Set<Integer> all = new java.util.TreeSet<>();
      byInstance.values().forEach(shares -> all.addAll(shares.keySet()));
      return all;
    }

    private List<String> missing() {
      List<String> missing = new ArrayList<>(before.keySet());
      missing.removeAll(after.keySet());
      return missing;
    }

    /** Takes answers of {@code phase} for this replay into {@code into}; fails on FAILED. */
    private void take(ReplayPhase phase, Map<String, Map<Integer, StateDigest>> into) {
      for (ReplayControl c : inbox.drain(POLL)) {
        if (!replayId.equals(c.getReplayId()) || c.getInstance() == null) {
          continue;
        }
        if (c.getPhase() == ReplayPhase.FAILED) {
          throw new ReplayException(
              ReplayException.Reason.FAILED,
              "instance " + c.getInstance() + " of " + service + ": " + c.getMessage());
        }
        if (c.getPhase() == phase) {
          Map<Integer, StateDigest> shares = new TreeMap<>();
          c.getShares()
              .forEach(
                  (p, s) ->
                      shares.put(
                          Integer.valueOf(p), new StateDigest(s.getEntries(), s.getSha256())));
          into.put(c.getInstance(), shares);
        }
      }
    }

    private int members() {
      try {
        ConsumerGroupDescription group =
            admin
                .describeConsumerGroups(List.of(target.groupId()))
                .describedGroups()
                .get(target.groupId())
                .get(30, TimeUnit.SECONDS);
        return group.groupState() == GroupState.DEAD ? 0 : group.members().size();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof GroupIdNotFoundException) {
          return 0;
        }
        throw new ReplayException(ReplayException.Reason.FAILED, e.getMessage());
      } catch (TimeoutException e) {
        throw new ReplayException(ReplayException.Reason.TIMEOUT, "cluster did not answer");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ReplayException(ReplayException.Reason.FAILED, "interrupted");
      }
    }

    /** Tells the instances that stopped to resume as they were, and gives up. */
    private <T> T callOff(ReplayException.Reason reason, String why) {
      publish(ReplayPhase.FAILED, Map.of(), why);
      throw new ReplayException(reason, why);
    }

    private void publish(ReplayPhase phase, Map<String, Long> boundary, String message) {
      ReplayControl control =
          ReplayControl.newBuilder()
              .setReplayId(replayId)
              .setService(service)
              .setPhase(phase)
              .setBoundary(boundary)
              .setMessage(message)
              .setAt(clock.millis())
              .build();
      try {
        writer.send(Topics.REPLAY_CONTROL, service, control).get(30, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new ReplayException(
            ReplayException.Reason.FAILED, "cannot write to replay.control: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ReplayException(ReplayException.Reason.FAILED, "interrupted");
      }
    }
  }

  /**
   * The service's digest from every instance's shares, each partition counted once: an instance
   * that took a partition over from one that stopped earlier reports it too, with the same state.
   */
  private static StateDigest sum(Map<String, Map<Integer, StateDigest>> byInstance) {
    Map<Integer, StateDigest> byPartition = new TreeMap<>();
    byInstance.values().forEach(shares -> shares.forEach(byPartition::putIfAbsent));
    return StateDigest.total(byPartition);
  }

  /** The instances' answers on {@code replay.control}, from the moment the replay starts. */
  private final class Inbox implements AutoCloseable {

    private final BlockingQueue<ReplayControl> queue = new LinkedBlockingQueue<>();
    private final TopicTail<String, ReplayControl> tail;

    Inbox() {
      tail =
          ReplayAgent.controlTail(
              bootstrapServers,
              topicPrefix,
              r -> {
                if (r.value() != null) {
                  queue.add(r.value());
                }
              });
      tail.start();
      await(tail.caughtUp());
    }

    List<ReplayControl> drain(Duration wait) {
      List<ReplayControl> out = new ArrayList<>();
      try {
        ReplayControl first = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first != null) {
          out.add(first);
          queue.drainTo(out);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return out;
    }

    /** Waits without consuming answers (they stay for the next {@link #drain}). */
    void waitFor(Duration wait) {
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    void sync() {
      await(tail.sync());
    }

    private void await(java.util.concurrent.CompletableFuture<Void> f) {
      try {
        f.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new ReplayException(
            ReplayException.Reason.FAILED, "cannot read replay.control: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ReplayException(ReplayException.Reason.FAILED, "interrupted");
      }
    }

    @Override
    public void close() {
      tail.close();
    }
  }

  @Override
  public void close() {
    writer.close();
    admin.close();
  }
}
