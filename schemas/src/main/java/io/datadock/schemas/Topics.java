package io.datadock.schemas;

import io.datadock.schemas.catalog.CatalogEvent;
import io.datadock.schemas.catalog.Dataset;
import io.datadock.schemas.catalog.ScanRequest;
import io.datadock.schemas.control.ReplayControl;
import io.datadock.schemas.depot.DepotCommand;
import io.datadock.schemas.depot.DepotEvent;
import io.datadock.schemas.depot.ValidationRequest;
import io.datadock.schemas.depot.ValidationResult;
import io.datadock.schemas.identity.ApiKey;
import io.datadock.schemas.identity.AuditRecord;
import io.datadock.schemas.identity.ReferenceGrant;
import io.datadock.schemas.identity.Tenant;
import io.datadock.schemas.identity.User;
import io.datadock.schemas.reference.ReferenceReply;
import io.datadock.schemas.reference.ReferenceRequest;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.ResourceState;
import io.datadock.schemas.secret.SecretAccess;
import io.datadock.schemas.secret.SecretCommand;
import io.datadock.schemas.secret.SecretEvent;
import io.datadock.schemas.secret.SecretKey;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic of Datadock, with its serdes. See ARCHITECTURE.md "Topics". */
public final class Topics {

  public static final String DEFAULT_PREFIX = "datadock.";

  /**
   * Each secret's one ordered input, keyed by the secret's resource key: the gateway's (and
   * secret-service's re-seal) {@link SecretCommand}s and the {@link ReferenceRequest}s
   * secret-service copies here from {@link #SECRET_REFERENCE_REQUESTS}, told apart by their schema
   * fingerprint. One log per secret, so the live run, a redone transaction and a replay decide a
   * delete and a reference in the same order.
   */
  public static final Topic<String, SpecificRecord> SECRET_COMMANDS =
      new Topic<>(
          "secret.commands",
          Serdes.String(),
          new CodecSerde<>(AvroOneOfCodec.of(SecretCommand.class, ReferenceRequest.class)),
          false);

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

  /**
   * Each depot's one ordered input, keyed by the depot's resource key: the gateway's {@link
   * DepotCommand}s, secret-service's {@link ReferenceReply}s and the validator's {@link
   * ValidationResult}s, told apart by their schema fingerprint. One log per depot, so the live run,
   * a redone transaction and a replay decide from the same inputs in the same order.
   */
  public static final Topic<String, SpecificRecord> DEPOT_COMMANDS =
      new Topic<>(
          "depot.commands",
          Serdes.String(),
          new CodecSerde<>(
              AvroOneOfCodec.of(DepotCommand.class, ReferenceReply.class, ValidationResult.class)),
          false);

  /** DepotApplied / Activated / Failed / Deleted, keyed by the depot's resource key. */
  public static final Topic<String, DepotEvent> DEPOT_EVENTS =
      new Topic<>("depot.events", Serdes.String(), avro(DepotEvent.class), false);

  /**
   * Reference and release requests from depot-service, keyed by the secret's resource key.
   * Co-partitioned with {@link #SECRET_COMMANDS} (same key, same partition count). secret-service
   * decides a request marked by {@link SequencingHeader} from its copy on {@link #SECRET_COMMANDS};
   * an unmarked one (an older depot-service's) straight from here.
   */
  public static final Topic<String, ReferenceRequest> SECRET_REFERENCE_REQUESTS =
      new Topic<>(
          "secret.reference.requests", Serdes.String(), avro(ReferenceRequest.class), false);

  /**
   * Legacy, read only: grants, denials and notices written before they moved to {@link
   * #DEPOT_COMMANDS}. depot-service still reads it, so a replay of older history and replies in
   * flight during an upgrade are not lost; nothing writes it any more.
   */
  public static final Topic<String, ReferenceReply> LEGACY_SECRET_REFERENCE_REPLIES =
      new Topic<>("secret.reference.replies", Serdes.String(), avro(ReferenceReply.class), false);

  /** Connection checks to run, keyed by the depot's resource key. */
  public static final Topic<String, ValidationRequest> DEPOT_VALIDATION_REQUESTS =
      new Topic<>(
          "depot.validation.requests", Serdes.String(), avro(ValidationRequest.class), false);

  /**
   * Legacy, read only: connection check outcomes written before they moved to {@link
   * #DEPOT_COMMANDS}; kept like {@link #LEGACY_SECRET_REFERENCE_REPLIES}.
   */
  public static final Topic<String, ValidationResult> LEGACY_DEPOT_VALIDATION_RESULTS =
      new Topic<>("depot.validation.results", Serdes.String(), avro(ValidationResult.class), false);

  /**
   * Every dataset of every active depot, keyed by {@code <tenant>/<udl>} (depot names are unique
   * per tenant only); a tombstone removes a dataset.
   */
  public static final Topic<String, Dataset> CATALOG_DATASETS =
      new Topic<>("catalog.datasets", Serdes.String(), avro(Dataset.class), true);

  /** Dataset created / schema changed / removed, and scan-run records (keyed by depot). */
  public static final Topic<String, CatalogEvent> CATALOG_EVENTS =
      new Topic<>("catalog.events", Serdes.String(), avro(CatalogEvent.class), false);

  /** On-demand rescans, keyed by the depot's resource key. */
  public static final Topic<String, ScanRequest> CATALOG_SCAN_REQUESTS =
      new Topic<>("catalog.scan.requests", Serdes.String(), avro(ScanRequest.class), false);

  /** Users, keyed by user id (compacted; written by the gateway on operators' requests). */
  public static final Topic<String, User> IDENTITY_USERS =
      new Topic<>("identity.users", Serdes.String(), avro(User.class), true);

  /** API keys (hashes only), keyed by key id (compacted). */
  public static final Topic<String, ApiKey> IDENTITY_API_KEYS =
      new Topic<>("identity.apikeys", Serdes.String(), avro(ApiKey.class), true);

  /** Tenants, keyed by name (compacted; a tombstone deletes one). */
  public static final Topic<String, Tenant> IDENTITY_TENANTS =
      new Topic<>("identity.tenants", Serdes.String(), avro(Tenant.class), true);

  /**
   * Cross-tenant reference grants, keyed by {@code <owner>/<grantee>/<secret>} (compacted): read by
   * secret-service when a depot of the grantee references the owner's secret.
   */
  public static final Topic<String, ReferenceGrant> IDENTITY_GRANTS =
      new Topic<>("identity.grants", Serdes.String(), avro(ReferenceGrant.class), true);

  /** Every mutating request at the gateway, keyed by tenant. */
  public static final Topic<String, AuditRecord> AUDIT =
      new Topic<>("audit", Serdes.String(), avro(AuditRecord.class), false);

  /**
   * The replay coordinator's steps (requests, reset, called off), keyed by service name. Only the
   * gateway writes it: a service's principal cannot pause or reset another service.
   */
  public static final Topic<String, ReplayControl> REPLAY_CONTROL =
      new Topic<>("replay.control", Serdes.String(), avro(ReplayControl.class), false);

  /** Every instance's answers to those steps (stopped, digest, failed), keyed by service name. */
  public static final Topic<String, ReplayControl> REPLAY_ANSWERS =
      new Topic<>("replay.answers", Serdes.String(), avro(ReplayControl.class), false);

  /** Every topic, for provisioning. */
  public static final List<Topic<?, ?>> ALL =
      List.of(
          SECRET_COMMANDS,
          SECRET_EVENTS,
          RESOURCE_STATE,
          COMMAND_RESULTS,
          SECRET_KEYS,
          SECRET_ACCESS,
          DEPOT_COMMANDS,
          DEPOT_EVENTS,
          SECRET_REFERENCE_REQUESTS,
          LEGACY_SECRET_REFERENCE_REPLIES,
          DEPOT_VALIDATION_REQUESTS,
          LEGACY_DEPOT_VALIDATION_RESULTS,
          CATALOG_DATASETS,
          CATALOG_EVENTS,
          CATALOG_SCAN_REQUESTS,
          IDENTITY_USERS,
          IDENTITY_API_KEYS,
          IDENTITY_TENANTS,
          IDENTITY_GRANTS,
          AUDIT,
          REPLAY_CONTROL,
          REPLAY_ANSWERS);

  private Topics() {}

  public static <T extends SpecificRecord> Serde<T> avro(Class<T> type) {
    return new CodecSerde<>(AvroSingleObjectCodec.of(type));
  }
}
