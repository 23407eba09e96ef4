package io.datadock.secret.lifecycle;

import io.datadock.schemas.reference.ReferenceReply;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.ResourceState;
import io.datadock.schemas.secret.SecretEvent;
import io.datadock.schemas.secret.SecretState;
import java.util.List;

/**
 * What one secret command leads to. {@code store} says what to do with the state store entry;
 * {@code event} and {@code state} are null when nothing is published besides the result.
 *
 * @param newState the new store value when {@code store == Store.PUT}
 * @param event the secret event to publish, or null
 * @param state the resource state to publish, or null (see {@code tombstone})
 * @param tombstone true when the resource state is deleted
 * @param result always present: every command gets a result
 * @param notices notices to dependent depots (the secret changed or was force-deleted)
 */
public record SecretDecision(
    Store store,
    SecretState newState,
    SecretEvent event,
    ResourceState state,
    boolean tombstone,
    long resourceVersion,
    CommandResult result,
    List<ReferenceReply> notices) {

  public SecretDecision(
      Store store,
      SecretState newState,
      SecretEvent event,
      ResourceState state,
      boolean tombstone,
      long resourceVersion,
      CommandResult result) {
    this(store, newState, event, state, tombstone, resourceVersion, result, List.of());
  }

  /** A refused command: nothing stored, only its result. */
  public static SecretDecision rejected(CommandResult result) {
    return new SecretDecision(Store.KEEP, null, null, null, false, 0, result);
  }

  /** An apply of what is stored already: nothing stored or published but the result. */
  public static SecretDecision unchanged(long resourceVersion, CommandResult result) {
    return new SecretDecision(Store.KEEP, null, null, null, false, resourceVersion, result);
  }

  /** The same data sealed to a newer key: stored, nothing a reader sees is published. */
  public static SecretDecision resealed(SecretState newState, CommandResult result) {
    return new SecretDecision(
        Store.PUT, newState, null, null, false, newState.getResourceVersion(), result);
  }

  /** A created or updated secret: stored, its event and its resource state published. */
  public static SecretDecision changed(
      SecretState newState, SecretEvent event, ResourceState state, CommandResult result) {
    return new SecretDecision(
        Store.PUT, newState, event, state, false, newState.getResourceVersion(), result);
  }

  /** A deleted secret: removed, its event published and its resource state tombstoned. */
  public static SecretDecision deleted(
      SecretEvent event, long resourceVersion, CommandResult result) {
    return new SecretDecision(Store.DELETE, null, event, null, true, resourceVersion, result);
  }

  public SecretDecision withNotices(List<ReferenceReply> notices) {
    return new SecretDecision(
        store, newState, event, state, tombstone, resourceVersion, result, notices);
  }

  public enum Store {
    KEEP,
    PUT,
    DELETE
  }
}
