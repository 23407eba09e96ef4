package io.datadock.secret.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.schemas.identity.ReferenceGrant;
import org.junit.jupiter.api.Test;

/** A grant holds for references issued from its creation until its withdrawal, and only then. */
class GrantTimeTest {

  private static ReferenceGrant grant(long createdAt, Long revokedAt) {
    return ReferenceGrant.newBuilder()
        .setOwner("finance")
        .setGrantee("sales")
        .setSecret("pg")
        .setCreatedBy("admin")
        .setCreatedAt(createdAt)
        .setRevokedAt(revokedAt)
        .build();
  }

  @Test
  void aGrantHoldsFromItsCreationUntilItsWithdrawal() {
    assertThat(ReferenceRequestProcessor.holdsAt(null, 100)).isFalse();
    assertThat(ReferenceRequestProcessor.holdsAt(grant(100, null), 99)).isFalse();
    assertThat(ReferenceRequestProcessor.holdsAt(grant(100, null), 100)).isTrue();
    assertThat(ReferenceRequestProcessor.holdsAt(grant(100, 200L), 199)).isTrue();
    assertThat(ReferenceRequestProcessor.holdsAt(grant(100, 200L), 200)).isFalse();
  }
}
