package io.datadock.secret.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.identity.Principal;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserAccessTest {

  @Test
  void aMemberHoldingReadSecretMayResolveButNotUnsanitize() {
    Principal reader = user(Set.of("t"), Set.of(Principal.READ_SECRET));

    assertThat(UserAccess.refusal(reader, "t/secret/a", Purpose.RW)).isEmpty();
    assertThat(UserAccess.refusal(reader, "t/secret/a", Purpose.UNSANITIZE))
        .hasValue("forbidden: user does not have use-case unsanitize-resource");
  }

  @Test
  void unsanitizingNeedsItsOwnUseCaseNotReadSecret() {
    Principal unsanitizer = user(Set.of("t"), Set.of(Principal.UNSANITIZE));

    assertThat(UserAccess.refusal(unsanitizer, "t/secret/a", Purpose.UNSANITIZE)).isEmpty();
    assertThat(UserAccess.refusal(unsanitizer, "t/secret/a", Purpose.SCAN))
        .hasValue("forbidden: user does not have use-case read-secret");
  }

  @Test
  void anotherTenantsSecretIsRefusedWhateverTheUseCases() {
    Principal outsider = user(Set.of("u"), Set.of(Principal.READ_SECRET, Principal.UNSANITIZE));

    assertThat(UserAccess.refusal(outsider, "t/secret/a", Purpose.RW))
        .hasValue("forbidden: user is not a member of tenant 't'");
    assertThat(UserAccess.refusal(outsider, "no-tenant", Purpose.RW))
        .hasValue("forbidden: user is not a member of tenant ''");
    assertThat(
            UserAccess.refusal(
                user(Set.of(Principal.EVERY_TENANT), Set.of(Principal.READ_SECRET)),
                "t/secret/a",
                Purpose.QUERY))
        .isEmpty();
  }

  private static Principal user(Set<String> tenants, Set<String> useCases) {
    return new Principal("u1", "U", "person", tenants, Set.of(), useCases);
  }
}
