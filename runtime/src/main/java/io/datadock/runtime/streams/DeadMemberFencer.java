package io.datadock.runtime.streams;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aborts the open transactions of a Kafka Streams instance as soon as its group removes it.
 *
 * <p>A killed instance leaves its last transaction open. Until it is aborted, every {@code
 * read_committed} reader of a partition it wrote stops there, and the instance taking over its
 * tasks cannot start them (their committed offsets are "unstable"). The transaction coordinator
 * aborts it only when it times out: Kafka Streams' 10 s, then its next sweep for timed-out
 * transactions. With a 6 s session the survivor held the dead instance's tasks 6 s after the kill
 * and ran them at 13 s. A shorter transaction timeout is no cure: a leader broker's death stalls
 * live transactions for seconds, and one that outlives the timeout is aborted and its instance
 * fenced (measured: depot applies waited 36 s after a leader kill with 3 s).
 *
 * <p>So each instance watches its group's members, every heartbeat interval and whenever its own
 * app starts rebalancing (a member's removal starts one). A Kafka Streams thread's consumer is
 * named {@code <application id>-<process id>-StreamThread-<n>-consumer} and its exactly-once
 * producer's transactional id is {@code <application id>-<process id>-<n>}. When a process's
 * members leave the group (its session expired, or it left), this instance initialises a producer
 * with each of that process's transactional ids, which is how Kafka fences a producer: the
 * coordinator aborts the open transaction and bumps the epoch. A removed instance that was only
 * paused is fenced as the group already treats it; when it resumes, Kafka Streams closes its tasks
 * and rejoins, as after any fencing. A restarted instance keeps its process id (Kafka Streams
 * stores it in the state directory), so a restart within the session fences nothing. Every instance
 * does this; a second fencing of the same id only bumps the epoch again.
 *
 * <p>A killed process is noticed sooner than its session: at each look this instance also knocks on
 * its peers' endpoints (their {@code application.server}). One that listened before and now refuses
 * connections twice in a row has no process behind it ({@link DeadPeers}); its static members are
 * removed from the group at once, which starts the rebalance the session would have started seconds
 * later, and their transactions are fenced. A paused process still accepts connections, so a pause
 * is left to the session: it cannot be told from a slow instance.
 */
public final class DeadMemberFencer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeadMemberFencer.class);
  private static final Duration FENCE_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

  private final Admin admin;
  private final KafkaConnection kafka;
  private final String applicationId;
  private final Supplier<Collection<String>> ownConsumers;
  private final Supplier<Map<HostInfo, Set<TopicPartition>>> peerEndpoints;
  private final EndpointProbe probe = new EndpointProbe(PROBE_TIMEOUT);
  private final DeadPeers deadPeers = new DeadPeers();
  private final Pattern consumerName;
  private final ScheduledExecutorService poller;
  private final AtomicInteger looks = new AtomicInteger();
  private Map<String, Set<Integer>> lastSeen;

  /**
   * @param ownConsumers this instance's stream threads' consumer client ids: its own process is
   *     never fenced
   * @param peerEndpoints the other instances' endpoints, with the partitions each holds (empty when
   *     the app has no {@code application.server})
   */
  DeadMemberFencer(
      KafkaConnection kafka,
      String applicationId,
      Supplier<Collection<String>> ownConsumers,
      Supplier<Map<HostInfo, Set<TopicPartition>>> peerEndpoints) {
    this.kafka = kafka;
    this.applicationId = applicationId;
    this.ownConsumers = ownConsumers;
    this.peerEndpoints = peerEndpoints;
    this.consumerName = consumerName(applicationId);
    this.admin = Admin.create(KafkaSettings.admin(kafka));
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "dead-member-fencer-" + applicationId);
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts watching the group every {@code every} (the members' heartbeat interval suits). */
  static DeadMemberFencer start(
      KafkaConnection kafka,
      String applicationId,
      Duration every,
      Supplier<Collection<String>> ownConsumers,
      Supplier<Map<HostInfo, Set<TopicPartition>>> peerEndpoints) {
    DeadMemberFencer fencer =
        new DeadMemberFencer(kafka, applicationId, ownConsumers, peerEndpoints);
    fencer.poller.scheduleWithFixedDelay(
        fencer::pollSafely, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return fencer;
  }

  /** Looks at the group now, after any look under way, besides the regular ones. */
  void lookNow() {
    try {
      poller.execute(this::pollSafely);
    } catch (RejectedExecutionException e) {
      // closed
    }
  }

  private void pollSafely() {
    try {
      poll();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closing
    } catch (Exception e) {
      // the coordinator moving, a broker down: the next poll tries again
      LOG.debug("group {} not described: {}", applicationId, e.toString());
    }
  }

  /** Looks that read the group so far (tests). */
  int looks() {
    return looks.get();
  }

  /** One look at the group: fences the processes gone since the last look. */
  void poll() throws Exception {
    ConsumerGroupDescription group =
        admin
            .describeConsumerGroups(List.of(applicationId))
            .all()
            .get(FENCE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .get(applicationId);
    Map<String, Set<Integer>> now =
        threadsByProcess(group.members().stream().map(MemberDescription::clientId).toList());
    // before the last look moves on: if this throws, the next poll still sees who left
    Set<String> own = threadsByProcess(ownConsumers.get()).keySet();
    Set<String> removed = removeDeadPeers(group.members(), now, own);
    now.keySet().removeAll(removed);
    Map<String, Set<Integer>> before = lastSeen;
    lastSeen = now;
    looks.incrementAndGet();
    if (before == null) {
      return;
    }
    for (Map.Entry<String, Set<Integer>> gone : before.entrySet()) {
      String process = gone.getKey();
      if (!now.containsKey(process) && !own.contains(process) && !removed.contains(process)) {
        fenceAll(process, gone.getValue());
      }
    }
  }

  /**
   * Knocks on the peers' endpoints; removes from the group the members of those found dead, and
   * fences their processes. Returns the processes removed.
   */
  private Set<String> removeDeadPeers(
      Collection<MemberDescription> members, Map<String, Set<Integer>> threads, Set<String> own)
      throws Exception {
    Map<HostInfo, Set<TopicPartition>> peers = peerEndpoints.get();
    Map<HostInfo, EndpointProbe.Answer> answers = new HashMap<>();
    peers.keySet().forEach(endpoint -> answers.put(endpoint, probe.probe(endpoint)));
    Set<String> removed = new HashSet<>();
    for (HostInfo endpoint : deadPeers.look(answers)) {
      List<MemberDescription> dead =
          DeadPeers.membersOf(peers.get(endpoint), members).stream()
              .filter(
                  m ->
                      processAndThread(m.clientId())
                          .filter(p -> !own.contains(p.getKey()))
                          .isPresent())
              .toList();
      if (dead.isEmpty()) {
        continue;
      }
      List<String> instanceIds = dead.stream().map(m -> m.groupInstanceId().orElseThrow()).toList();
      try {
        admin
            .removeMembersFromConsumerGroup(
                applicationId,
                new RemoveMembersFromConsumerGroupOptions(
                    instanceIds.stream().map(MemberToRemove::new).toList()))
            .all()
            .get(FENCE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(
            "removed {} from group {}: endpoint {}:{} refuses connections",
            instanceIds,
            applicationId,
            endpoint.host(),
            endpoint.port());
      } catch (ExecutionException e) {
        // gone already (its session ran out meanwhile): fencing is still due
        LOG.info(
            "group {} did not remove {}: {}", applicationId, instanceIds, e.getCause().toString());
      }
      for (String process :
          threadsByProcess(dead.stream().map(MemberDescription::clientId).toList()).keySet()) {
        fenceAll(process, threads.getOrDefault(process, Set.of()));
        removed.add(process);
      }
    }
    return removed;
  }

  private void fenceAll(String process, Set<Integer> threads) {
    for (String id : transactionalIds(applicationId, process, threads)) {
      try {
        fence(id);
      } catch (RuntimeException e) {
        // its transaction times out as it would have without the fencer
        LOG.warn("could not fence transactional id {}: {}", id, e.toString());
      }
    }
  }

  /** Aborts the transaction {@code transactionalId} left open, and fences its producer. */
  void fence(String transactionalId) {
    Map<String, Object> config = KafkaSettings.producer(kafka, transactionalId + "-fencer");
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) FENCE_TIMEOUT.toMillis());
    long started = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.initTransactions();
    }
    LOG.info(
        "fenced transactional id {} of a process the group removed, in {} ms",
        transactionalId,
        (System.nanoTime() - started) / 1_000_000);
  }

  /** The stream threads of each process among the consumers' client ids, by process id. */
  Map<String, Set<Integer>> threadsByProcess(Collection<String> clientIds) {
    Map<String, Set<Integer>> threads = new TreeMap<>();
    for (String clientId : clientIds) {
      processAndThread(clientId)
          .ifPresent(
              pt -> threads.computeIfAbsent(pt.getKey(), p -> new TreeSet<>()).add(pt.getValue()));
    }
    return threads;
  }

  /** A stream thread consumer's process id and thread number; empty for any other client. */
  Optional<Map.Entry<String, Integer>> processAndThread(String clientId) {
    Matcher m = consumerName.matcher(clientId == null ? "" : clientId);
    return m.matches()
        ? Optional.of(Map.entry(m.group(1), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }

  static List<String> transactionalIds(
      String applicationId, String processId, Collection<Integer> threads) {
    return threads.stream().map(n -> applicationId + "-" + processId + "-" + n).toList();
  }

  private static Pattern consumerName(String applicationId) {
    return Pattern.compile(
        Pattern.quote(applicationId)
            + "-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-StreamThread-(\\d+)-consumer");
  }

  @Override
  public void close() {
    poller.shutdownNow();
    try {
      poller.awaitTermination(FENCE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    admin.close(Duration.ofSeconds(5));
  }
}
