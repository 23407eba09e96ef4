package io.datadock.secret.reference;

import io.datadock.core.resource.ResourceKey;
import io.datadock.core.resource.ResourceKind;
import io.datadock.schemas.GrantKeys;
import io.datadock.schemas.common.Applier;
import io.datadock.schemas.secret.SecretState;

/**
 * Whether the user who applied a depot may use a secret it references, decided from the applier's
 * identity as it was when they applied (carried by the request), the secret's state and the grants
 * that held at the request's issue time: the same inputs give the same answer when replayed.
 *
 * <p>Using a secret is a permission of its own, apart from writing depots: its owner; a member of
 * its tenant holding {@code read-secret}; for an instance secret an operator or a holder of {@code
 * manage-instance-level-resources}; or a user or tenant the secret's tenant granted it to.
 */
public final class SecretUse {

  static final String EVERY_TENANT = "*";
  static final String OPERATOR = "roles:id:operator";
  static final String READ_SECRET = "read-secret";
  static final String MANAGE_INSTANCE = "manage-instance-level-resources";

  /** Whether the grant stored under a key held at a time, for the secret as it is now. */
  @FunctionalInterface
  public interface Grants {
    /**
     * @param secret the secret asked for: not every grant opens an instance secret
     * @param secretOwner the secret's owner now, or null when it does not exist: a grant its owner
     *     gave holds only while that user still owns it
     */
    boolean heldAt(String grantKey, long at, ResourceKey secret, String secretOwner);

    Grants NONE = (key, at, secret, secretOwner) -> false;
  }

  private final Grants grants;

  public SecretUse(Grants grants) {
    this.grants = grants;
  }

  /**
   * Through a grant: to the depot's tenant, or to the applier (when one is known).
   *
   * @param current the secret's state, or null when it does not exist
   */
  boolean granted(
      ResourceKey secret, SecretState current, String depotTenant, Applier applier, long at) {
    if (held(
        GrantKeys.toTenant(secret.tenant(), depotTenant, secret.name()), at, secret, current)) {
      return true;
    }
    return applier != null && heldByUser(applier, at, secret, current);
  }

  /**
   * For a secret of the depot's own tenant: may {@code applier} use it?
   *
   * @param current the secret's state (it exists)
   */
  boolean mayUse(ResourceKey secret, SecretState current, Applier applier, long at) {
    if (!memberOf(applier, secret.tenant())) {
      return false;
    }
    if (applier.getId().equals(current.getSpec().getOwner())
        || applier.getUseCases().contains(READ_SECRET)) {
      return true;
    }
    if (secret.kind() == ResourceKind.INSTANCE_SECRET
        && (applier.getTags().contains(OPERATOR)
            || applier.getUseCases().contains(MANAGE_INSTANCE))) {
      return true;
    }
    return heldByUser(applier, at, secret, current);
  }

  private boolean heldByUser(Applier applier, long at, ResourceKey secret, SecretState current) {
    return held(
        GrantKeys.toUser(secret.tenant(), applier.getId(), secret.name()), at, secret, current);
  }

  private boolean held(String grantKey, long at, ResourceKey secret, SecretState current) {
    return grants.heldAt(
        grantKey, at, secret, current == null ? null : current.getSpec().getOwner());
  }

  /** "user 'ana' may not use secret 'engineering:prod-admin'". */
  static String refusal(Applier applier, ResourceKey secret) {
    return "user '"
        + applier.getId()
        + "' may not use "
        + secret.kind()
        + " '"
        + secret.tenant()
        + ":"
        + secret.name()
        + "'";
  }

  private static boolean memberOf(Applier applier, String tenant) {
    return applier.getTenants().contains(EVERY_TENANT) || applier.getTenants().contains(tenant);
  }
}
