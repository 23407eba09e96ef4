package io.datadock.secret.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.resource.ResourceKind;
import io.datadock.schemas.identity.GranteeKind;
import io.datadock.schemas.identity.ReferenceGrant;
import org.junit.jupiter.api.Test;

/**
 * A grant holds for references issued from its creation until its withdrawal, and only then; one
 * the secret's owner gave, only while that user owns the secret; an instance secret, only when its
 * giver may use instance secrets.
 */
class HeldGrantsTest {

  private static final ResourceKind SECRET = ResourceKind.SECRET;
  private static final ResourceKind INSTANCE_SECRET = ResourceKind.INSTANCE_SECRET;

  private static ReferenceGrant.Builder grant(long createdAt, Long revokedAt) {
    return ReferenceGrant.newBuilder()
        .setOwner("finance")
        .setGrantee("sales")
        .setGranteeKind(GranteeKind.TENANT)
        .setSecret("pg")
        .setCreatedBy("admin")
        .setCreatedAt(createdAt)
        .setRevokedAt(revokedAt);
  }

  private static boolean holds(ReferenceGrant.Builder grant, long at, String secretOwner) {
    return HeldGrants.holds(grant.build(), at, SECRET, secretOwner);
  }

  @Test
  void aGrantHoldsFromItsCreationUntilItsWithdrawal() {
    assertThat(HeldGrants.holds(null, 100, SECRET, "ana")).isFalse();
    assertThat(holds(grant(100, null), 99, "ana")).isFalse();
    assertThat(holds(grant(100, null), 100, "ana")).isTrue();
    assertThat(holds(grant(100, 200L), 199, "ana")).isTrue();
    assertThat(holds(grant(100, 200L), 200, "ana")).isFalse();
  }

  @Test
  void aGrantTheSecretsOwnerGaveHoldsOnlyWhileTheyOwnIt() {
    ReferenceGrant.Builder byMallory =
        grant(100, null).setCreatedBy("mallory").setSecretOwner("mallory");

    assertThat(holds(byMallory, 150, "mallory")).isTrue();
    assertThat(holds(byMallory, 150, "ana")).isFalse();
    // no secret under the name: the grantee may learn that it does not exist
    assertThat(holds(byMallory, 150, null)).isTrue();
  }

  @Test
  void theTenantsGrantHoldsByNameWhoeverOwnsTheSecret() {
    assertThat(holds(grant(100, null), 150, "ana")).isTrue();
    assertThat(holds(grant(100, null), 150, "mallory")).isTrue();
  }

  @Test
  void anInstanceSecretIsOpenedOnlyByAGrantWhoseGiverMayUseInstanceSecrets() {
    ReferenceGrant byAdmin = grant(100, null).setInstanceSecrets(false).build();
    ReferenceGrant byOperator = grant(100, null).setInstanceSecrets(true).build();
    ReferenceGrant fromBefore = grant(100, null).build();

    assertThat(HeldGrants.holds(byAdmin, 150, SECRET, "ana")).isTrue();
    assertThat(HeldGrants.holds(byAdmin, 150, INSTANCE_SECRET, "ops")).isFalse();
    assertThat(HeldGrants.holds(byOperator, 150, INSTANCE_SECRET, "ops")).isTrue();
    assertThat(HeldGrants.holds(fromBefore, 150, INSTANCE_SECRET, "ops")).isTrue();
  }
}
