package io.datadock.secret.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.schemas.identity.ReferenceGrant;
import org.junit.jupiter.api.Test;

/**
 * A grant holds for references issued from its creation until its withdrawal, and only then; one
 * the secret's owner gave, only while that user owns the secret.
 */
class GrantTimeTest {

  private static ReferenceGrant grant(long createdAt, Long revokedAt) {
    return grant(createdAt, revokedAt, null);
  }

  private static ReferenceGrant grant(long createdAt, Long revokedAt, String secretOwner) {
    return ReferenceGrant.newBuilder()
        .setOwner("finance")
        .setGrantee("sales")
        .setSecret("pg")
        .setCreatedBy(secretOwner == null ? "admin" : secretOwner)
        .setCreatedAt(createdAt)
        .setRevokedAt(revokedAt)
        .setSecretOwner(secretOwner)
        .build();
  }

  @Test
  void aGrantHoldsFromItsCreationUntilItsWithdrawal() {
    assertThat(ReferenceRequestProcessor.holdsAt(null, 100, "ana")).isFalse();
    assertThat(ReferenceRequestProcessor.holdsAt(grant(100, null), 99, "ana")).isFalse();
    assertThat(ReferenceRequestProcessor.holdsAt(grant(100, null), 100, "ana")).isTrue();
    assertThat(ReferenceRequestProcessor.holdsAt(grant(100, 200L), 199, "ana")).isTrue();
    assertThat(ReferenceRequestProcessor.holdsAt(grant(100, 200L), 200, "ana")).isFalse();
  }

  @Test
  void aGrantTheSecretsOwnerGaveHoldsOnlyWhileTheyOwnIt() {
    ReferenceGrant byMallory = grant(100, null, "mallory");

    assertThat(ReferenceRequestProcessor.holdsAt(byMallory, 150, "mallory")).isTrue();
    assertThat(ReferenceRequestProcessor.holdsAt(byMallory, 150, "ana")).isFalse();
    // no secret under the name: the grantee may learn that it does not exist
    assertThat(ReferenceRequestProcessor.holdsAt(byMallory, 150, null)).isTrue();
  }

  @Test
  void theTenantsGrantHoldsByNameWhoeverOwnsTheSecret() {
    assertThat(ReferenceRequestProcessor.holdsAt(grant(100, null), 150, "ana")).isTrue();
    assertThat(ReferenceRequestProcessor.holdsAt(grant(100, null), 150, "mallory")).isTrue();
  }
}
