package io.datadock.gateway.apply;

import io.datadock.core.crypto.RecipientKey;
import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.manifest.ApplyContext;
import io.datadock.core.manifest.ManifestParser;
import io.datadock.core.manifest.SecretManifest;
import io.datadock.core.manifest.depot.DepotManifest;
import io.datadock.core.resource.ResourceKey;
import io.datadock.core.resource.ResourceKind;
import io.datadock.gateway.apply.ValidatedManifest.DepotDocument;
import io.datadock.gateway.apply.ValidatedManifest.SecretDocument;
import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.auth.Caller;
import io.datadock.gateway.auth.WriteIntent;
import io.datadock.gateway.identity.Appliers;
import io.datadock.gateway.sealing.ManifestSealer;
import io.datadock.gateway.sealing.PublicKeyDirectory;
import io.datadock.schemas.depot.DepotAction;
import io.datadock.schemas.depot.DepotCommand;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.secret.SecretAction;
import io.datadock.schemas.secret.SecretCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Apply and delete as the API offers them: every document is parsed and validated before any is
 * sent, secret data is sealed before anything leaves the gateway, and each command's result comes
 * back from the owning service.
 */
public final class ApplyService {

  /** What a request asks for besides its body. */
  public record ApplyRequest(
      String body,
      boolean json,
      String tenant,
      String workspace,
      boolean dryRun,
      Long ifMatch,
      boolean waitForStatus) {}

  private final ManifestParser parser;
  private final PublicKeyDirectory keys;
  private final CommandService commands;
  private final ManifestSealer sealer = new ManifestSealer();
  private final Duration statusWait;
  private final WriteGuard guard;

  /** Refuses (throws) when a caller may not write what a validated document asks for. */
  @FunctionalInterface
  public interface WriteGuard {
    void check(Caller caller, WriteIntent intent);
  }

  /**
   * @param statusWait how long an apply with {@code wait=true} waits for a depot to settle before
   *     answering with the status it has then
   */
  public ApplyService(
      ManifestParser parser,
      PublicKeyDirectory keys,
      CommandService commands,
      Duration statusWait,
      WriteGuard guard) {
    this.guard = guard;
    this.parser = parser;
    this.keys = keys;
    this.commands = commands;
    this.statusWait = statusWait;
  }

  /**
   * @throws DatadockException synchronously when any document is malformed or invalid: then nothing
   *     is sent
   */
  public CompletableFuture<List<DocumentResult>> apply(Caller caller, ApplyRequest request) {
    List<Map<String, Object>> documents = parser.parse(request.body(), request.json());
    ApplyContext context =
        new ApplyContext(
            caller.id(), caller.defaultTenant(), request.tenant(), request.workspace());
    List<ValidatedManifest> manifests = ValidatedManifest.all(documents, context);
    for (ValidatedManifest manifest : manifests) {
      guard.check(caller, manifest.intent());
    }
    if (request.ifMatch() != null && manifests.size() != 1) {
      throw DatadockException.invalid(
          "If-Match", "If-Match applies to a single document, the body has " + manifests.size());
    }
    if (request.dryRun()) {
      return CompletableFuture.completedFuture(
          manifests.stream()
              .map(m -> DocumentResult.success(m.key(), m.version(), "validated", null, null))
              .toList());
    }
    RecipientKey recipient =
        manifests.stream().anyMatch(m -> m instanceof SecretDocument) ? sealingKey() : null;
    List<CompletableFuture<DocumentResult>> sent = new ArrayList<>();
    for (ValidatedManifest manifest : manifests) {
      sent.add(
          manifest instanceof SecretDocument secret
              ? applySecret(caller, secret.manifest(), request, recipient)
              : applyDepot(caller, ((DepotDocument) manifest).manifest(), request));
    }
    return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
        .thenApply(v -> sent.stream().map(CompletableFuture::join).toList());
  }

  private RecipientKey sealingKey() {
    return keys.current()
        .orElseThrow(
            () ->
                new DatadockException(
                    ErrorCode.UNAVAILABLE,
                    "secret-service has not published a sealing key yet; retry shortly"));
  }

  private CompletableFuture<DocumentResult> applySecret(
      Caller caller, SecretManifest manifest, ApplyRequest request, RecipientKey recipient) {
    Long expected = request.ifMatch() != null ? request.ifMatch() : manifest.resourceVersion();
    SecretCommand command =
        SecretCommand.newBuilder()
            .setCommandId(UUID.randomUUID().toString())
            .setResourceKey(manifest.key().toString())
            .setAction(SecretAction.APPLY)
            .setIssuedBy(caller.id())
            .setIssuedAt(System.currentTimeMillis())
            .setSpec(sealer.seal(manifest, recipient))
            .setExpectedResourceVersion(expected)
            .setMayWriteOthers(Authorizer.mayWriteOthers(caller, manifest.key().tenant()))
            .build();
    return commands
        .send(command)
        .handle(
            (r, e) ->
                e != null
                    ? CommandOutcomes.failed(manifest.key(), manifest.manifestVersion(), e)
                    : CommandOutcomes.applied(manifest.key(), manifest.manifestVersion(), r));
  }

  private CompletableFuture<DocumentResult> applyDepot(
      Caller caller, DepotManifest manifest, ApplyRequest request) {
    Long expected = request.ifMatch() != null ? request.ifMatch() : manifest.resourceVersion();
    DepotCommand command =
        DepotCommand.newBuilder()
            .setCommandId(UUID.randomUUID().toString())
            .setResourceKey(manifest.key().toString())
            .setAction(DepotAction.APPLY)
            .setIssuedBy(caller.id())
            .setIssuedAt(System.currentTimeMillis())
            .setApplier(Appliers.of(caller.principal()))
            .setSpec(DepotSpecs.of(manifest))
            .setExpectedResourceVersion(expected)
            .setAwaitReleases(true)
            .setMayWriteOthers(Authorizer.mayWriteOthers(caller, manifest.key().tenant()))
            .build();
    String version = manifest.manifestVersion();
    return commands
        .send(command)
        .thenCompose(
            r -> {
              DocumentResult result = CommandOutcomes.applied(manifest.key(), version, r);
              if (!request.waitForStatus() || result.failed()) {
                return CompletableFuture.completedFuture(result);
              }
              return commands
                  .settled(r, statusWait)
                  .thenApply(state -> state.map(result::withState).orElse(result));
            })
        .exceptionally(e -> CommandOutcomes.failed(manifest.key(), version, e));
  }

  /** Deletes one resource; the result's error is NOT_FOUND or DEPENDENCY when refused. */
  public CompletableFuture<DocumentResult> delete(
      Caller caller, ResourceKey key, String manifestVersion, boolean force) {
    CompletableFuture<CommandResult> sent;
    if (key.kind() == ResourceKind.DEPOT) {
      sent =
          commands.send(
              DepotCommand.newBuilder()
                  .setCommandId(UUID.randomUUID().toString())
                  .setResourceKey(key.toString())
                  .setAction(DepotAction.DELETE)
                  .setIssuedBy(caller.id())
                  .setIssuedAt(System.currentTimeMillis())
                  .setAwaitReleases(true)
                  .setMayWriteOthers(Authorizer.mayWriteOthers(caller, key.tenant()))
                  .build());
    } else {
      sent =
          commands.send(
              SecretCommand.newBuilder()
                  .setCommandId(UUID.randomUUID().toString())
                  .setResourceKey(key.toString())
                  .setAction(SecretAction.DELETE)
                  .setIssuedBy(caller.id())
                  .setIssuedAt(System.currentTimeMillis())
                  .setForce(force)
                  .setMayWriteOthers(Authorizer.mayWriteOthers(caller, key.tenant()))
                  .build());
    }
    return sent.handle(
        (r, e) ->
            e != null
                ? CommandOutcomes.failed(key, manifestVersion, e)
                : CommandOutcomes.deleted(key, manifestVersion, r));
  }
}
