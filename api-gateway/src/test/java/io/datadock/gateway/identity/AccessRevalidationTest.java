package io.datadock.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.identity.Principal;
import io.datadock.schemas.resource.ResourceState;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which identity changes take a permission away, and whose depots they concern. */
class AccessRevalidationTest {

  private static Principal ana(Set<String> tenants, Set<String> tags, Set<String> useCases) {
    return new Principal("ana", "Ana", "person", tenants, tags, useCases);
  }

  private static final Principal BEFORE =
      ana(Set.of("sales"), Set.of("roles:id:data-dev"), Set.of("read-secret"));

  @Test
  void onlyALossOfATenantARoleOrAUseCaseCounts() {
    assertThat(AccessRevalidation.lostSomething(BEFORE, BEFORE)).isFalse();
    assertThat(
            AccessRevalidation.lostSomething(
                BEFORE,
                ana(
                    Set.of("sales", "hr"),
                    Set.of("roles:id:data-dev", "roles:id:operator"),
                    Set.of("read-secret", "unsanitize-resource"))))
        .as("gaining rights takes nothing away")
        .isFalse();
    assertThat(
            AccessRevalidation.lostSomething(
                BEFORE, ana(Set.of("sales"), Set.of("roles:id:data-dev"), Set.of())))
        .isTrue();
    assertThat(
            AccessRevalidation.lostSomething(
                BEFORE, ana(Set.of("hr"), Set.of("roles:id:data-dev"), Set.of("read-secret"))))
        .isTrue();
    assertThat(AccessRevalidation.lostSomething(BEFORE, null)).as("removed").isTrue();
  }

  @Test
  void aDepotWasAppliedByWhomItsDetailsSayElseByItsOwner() {
    assertThat(AccessRevalidation.appliedBy(depot("ana", "{\"appliedBy\": \"bob\"}")))
        .isEqualTo("bob");
    assertThat(AccessRevalidation.appliedBy(depot("ana", "{\"references\": []}"))).isEqualTo("ana");
    assertThat(AccessRevalidation.appliedBy(depot("ana", null))).isEqualTo("ana");
  }

  private static ResourceState depot(String owner, String details) {
    return ResourceState.newBuilder()
        .setResourceKey("sales/depot/d")
        .setKind("depot")
        .setName("d")
        .setManifestVersion("v2alpha")
        .setTenant("sales")
        .setOwner(owner)
        .setStatus("active")
        .setResourceVersion(1)
        .setGeneration(1)
        .setCreatedAt(0)
        .setUpdatedAt(0)
        .setSpec("{}")
        .setDetails(details)
        .build();
  }
}
