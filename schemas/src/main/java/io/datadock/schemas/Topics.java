package io.datadock.schemas;

import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.ResourceState;
import io.datadock.schemas.secret.SecretAccess;
import io.datadock.schemas.secret.SecretCommand;
import io.datadock.schemas.secret.SecretEvent;
import io.datadock.schemas.secret.SecretKey;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic of Datadock, with its serdes. See ARCHITECTURE.md "Topics". */
public final class Topics {

  public static final String DEFAULT_PREFIX = "datadock.";

  /** Apply and delete commands for secrets, keyed by the secret's resource key. */
  public static final Topic<String, SecretCommand> SECRET_COMMANDS =
      new Topic<>("secret.commands", Serdes.String(), avro(SecretCommand.class), false);

  /** Secret created / updated / deleted, keyed by resource key. */
  public static final Topic<String, SecretEvent> SECRET_EVENTS =
      new Topic<>("secret.events", Serdes.String(), avro(SecretEvent.class), false);

  /** Redacted state of every resource, keyed by resource key; tombstone on delete. */
  public static final Topic<String, ResourceState> RESOURCE_STATE =
      new Topic<>("resource.state", Serdes.String(), avro(ResourceState.class), true);

  /** One result per command, keyed by command id. */
  public static final Topic<String, CommandResult> COMMAND_RESULTS =
      new Topic<>("command.results", Serdes.String(), avro(CommandResult.class), false);

  /** secret-service public keys, keyed by key id. */
  public static final Topic<String, SecretKey> SECRET_KEYS =
      new Topic<>("secret.keys", Serdes.String(), avro(SecretKey.class), true);

  /** Every credential resolution, allowed or refused, keyed by the secret's resource key. */
  public static final Topic<String, SecretAccess> SECRET_ACCESS =
      new Topic<>("secret.access", Serdes.String(), avro(SecretAccess.class), false);

  /** Every topic, for provisioning. */
  public static final List<Topic<?, ?>> ALL =
      List.of(
          SECRET_COMMANDS,
          SECRET_EVENTS,
          RESOURCE_STATE,
          COMMAND_RESULTS,
          SECRET_KEYS,
          SECRET_ACCESS);

  private Topics() {}

  public static <T extends org.apache.avro.specific.SpecificRecord> Serde<T> avro(Class<T> type) {
    return new CodecSerde<>(AvroSingleObjectCodec.of(type));
  }
}
