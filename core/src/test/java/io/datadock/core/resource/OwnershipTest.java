package io.datadock.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnershipTest {

  @Test
  void theOwnerAndWhoMayWriteOthersMayAnyoneElseMayNot() {
    assertThat(Ownership.refusal("secret", "db", "alice", "alice", false)).isEmpty();
    assertThat(Ownership.refusal("secret", "db", "alice", "admin", true)).isEmpty();
    assertThat(Ownership.refusal("depot", "pg", "alice", "mallory", false))
        .contains("forbidden: depot 'pg' is owned by 'alice'");
  }

  @Test
  void aCommandThatDoesNotSayIsAllowedAsBeforeTheRule() {
    assertThat(Ownership.refusal("secret", "db", "alice", "mallory", null)).isEmpty();
  }
}
