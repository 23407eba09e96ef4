package io.datadock.secret.reference;

import io.datadock.core.resource.ResourceKey;
import io.datadock.core.resource.ResourceKind;
import io.datadock.schemas.identity.ReferenceGrant;
import java.util.function.Function;

/**
 * When a stored grant holds: for references issued from its creation until its withdrawal; one the
 * secret's owner gave ({@code secretOwner} set) only while that user owns the secret; an instance
 * secret only when its giver may use instance secrets.
 *
 * <p>Grants are kept by name. Without the owner's binding, a member could apply a secret under the
 * name the tenant's real one will have, grant it to themselves, delete it, and use the real secret
 * applied later under that name. And a grant names a secret, not its kind, so without {@code
 * instanceSecrets} the owner of secret {@code x}, or a tenant admin, could open instance-secret
 * {@code x}. Grants from before those fields (null) hold as they did.
 */
public final class HeldGrants implements SecretUse.Grants {

  private final Function<String, ReferenceGrant> stored;

  /**
   * @param stored the grant stored under a key, or null
   */
  public HeldGrants(Function<String, ReferenceGrant> stored) {
    this.stored = stored;
  }

  @Override
  public boolean heldAt(String grantKey, long at, ResourceKey secret, String secretOwner) {
    return holds(stored.apply(grantKey), at, secret.kind(), secretOwner);
  }

  /**
   * @param secretOwner the secret's owner now, or null when it does not exist (the grantee is then
   *     told it does not exist)
   */
  static boolean holds(ReferenceGrant grant, long at, ResourceKind kind, String secretOwner) {
    return grant != null
        && grant.getCreatedAt() <= at
        && (grant.getRevokedAt() == null || at < grant.getRevokedAt())
        && (grant.getSecretOwner() == null
            || secretOwner == null
            || grant.getSecretOwner().equals(secretOwner))
        && (kind != ResourceKind.INSTANCE_SECRET
            || !Boolean.FALSE.equals(grant.getInstanceSecrets()));
  }
}
