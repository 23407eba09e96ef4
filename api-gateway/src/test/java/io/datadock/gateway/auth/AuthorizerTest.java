package io.datadock.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.identity.Principal;
import io.datadock.core.manifest.depot.SourceType;
import io.datadock.core.resource.ResourceKey;
import io.datadock.core.resource.ResourceKind;
import io.datadock.schemas.resource.ResourceState;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The gateway's authorization decisions, with tenants alpha and beta. */
class AuthorizerTest {

  private final Authorizer authorizer = new Authorizer(t -> Set.of("alpha", "beta").contains(t));

  private static Caller user(String id, Set<String> tenants, String... tags) {
    return Caller.of(new Principal(id, id, "person", tenants, Set.of(tags), Set.of()));
  }

  private static final Caller DEV = user("dev", Set.of("alpha"), Principal.DATA_DEV);
  private static final Caller OPS =
      user("ops", Set.of("alpha"), Principal.DATA_DEV, Principal.OPERATOR);
  private static final Caller LEGACY_ADMIN =
      user("tadmin", Set.of("alpha"), Principal.DATA_DEV, Principal.TENANT_ADMIN);
  private static final Caller LEGACY_ADMIN_OF_TWO =
      user("multi", Set.of("alpha", "beta"), Principal.DATA_DEV, Principal.TENANT_ADMIN);
  private static final Caller BETA_ADMIN =
      user(
          "badmin", Set.of("alpha", "beta"), Principal.DATA_DEV, Authorizer.tenantAdminTag("beta"));

  private static final ResourceKey ALPHA_SECRET =
      ResourceKey.of("alpha", ResourceKind.SECRET, "cred");

  private static WriteIntent secret(String owner) {
    return new WriteIntent(ALPHA_SECRET, owner, null, null);
  }

  private static WriteIntent depot(String owner, SourceType type, String field) {
    return new WriteIntent(ResourceKey.of("alpha", ResourceKind.DEPOT, "d"), owner, type, field);
  }

  private static ResourceState ownedBy(String owner) {
    return ResourceState.newBuilder()
        .setResourceKey(ALPHA_SECRET.toString())
        .setKind("secret")
        .setName("cred")
        .setManifestVersion("v2alpha")
        .setTenant("alpha")
        .setOwner(owner)
        .setStatus("active")
        .setResourceVersion(1)
        .setGeneration(1)
        .setCreatedAt(0)
        .setUpdatedAt(0)
        .setSpec("{}")
        .build();
  }

  private static void forbidden(ThrowingCallable call, String message, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            DatadockException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
              assertThat(e.field()).isEqualTo(field);
            })
        .hasMessageContaining(message);
  }

  @Test
  void aScopedTenantAdminTagMakesItsHolderAdminOfThatTenantOnly() {
    assertThatCode(() -> authorizer.tenantAdmin(BETA_ADMIN, "beta")).doesNotThrowAnyException();
    forbidden(
        () -> authorizer.tenantAdmin(BETA_ADMIN, "alpha"), Authorizer.FORBIDDEN_TENANT_ADMIN, null);
    Caller notAMember =
        user("x", Set.of("alpha"), Principal.DATA_DEV, Authorizer.tenantAdminTag("beta"));
    assertThatThrownBy(() -> authorizer.tenantAdmin(notAMember, "beta"))
        .hasMessage("tenant 'beta' not found");
  }

  @Test
  void theLegacyTagCountsOnlyForAMemberOfExactlyOneTenant() {
    assertThatCode(() -> authorizer.tenantAdmin(LEGACY_ADMIN, "alpha")).doesNotThrowAnyException();
    forbidden(
        () -> authorizer.tenantAdmin(LEGACY_ADMIN_OF_TWO, "beta"),
        Authorizer.FORBIDDEN_TENANT_ADMIN,
        null);
    forbidden(
        () -> authorizer.apply(LEGACY_ADMIN_OF_TWO, secret("multi"), ownedBy("dev")),
        "forbidden: secret 'cred' is owned by 'dev'",
        null);
    assertThatCode(() -> authorizer.apply(LEGACY_ADMIN, secret("tadmin"), ownedBy("dev")))
        .doesNotThrowAnyException();
  }

  @Test
  void anotherOwnerNeedsAnOperatorOrAnAdminOfTheTenant() {
    forbidden(
        () -> authorizer.apply(DEV, secret("someone-else"), null),
        "forbidden: owner 'someone-else' is not the caller",
        "owner");
    forbidden(
        () -> authorizer.apply(BETA_ADMIN, secret("dev"), null),
        "forbidden: owner 'dev' is not the caller",
        "owner");
    forbidden(
        () -> authorizer.apply(DEV, depot("someone-else", SourceType.POSTGRES, "spec.type"), null),
        "forbidden: owner 'someone-else' is not the caller",
        "owner");
    assertThatCode(() -> authorizer.apply(DEV, secret("dev"), null)).doesNotThrowAnyException();
    assertThatCode(() -> authorizer.apply(LEGACY_ADMIN, secret("dev"), null))
        .doesNotThrowAnyException();
    assertThatCode(() -> authorizer.apply(OPS, secret("dev"), null)).doesNotThrowAnyException();
  }

  @Test
  void aFileDepotNeedsAnOperator() {
    forbidden(
        () -> authorizer.apply(DEV, depot("dev", SourceType.FILE, "spec.type"), null),
        Authorizer.FORBIDDEN_FILE_DEPOT,
        "spec.type");
    forbidden(
        () -> authorizer.apply(LEGACY_ADMIN, depot("tadmin", SourceType.FILE, "depot.type"), null),
        Authorizer.FORBIDDEN_FILE_DEPOT,
        "depot.type");
    assertThatCode(() -> authorizer.apply(OPS, depot("ops", SourceType.FILE, "spec.type"), null))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> authorizer.apply(DEV, depot("dev", SourceType.POSTGRES, "spec.type"), null))
        .doesNotThrowAnyException();
  }

  @Test
  void applyingAtAllNeedsDataDevInAnExistingTenantOfTheCaller() {
    Caller viewer = user("viewer", Set.of("alpha"), Principal.USER);
    forbidden(() -> authorizer.applyIn(viewer, "alpha"), Authorizer.FORBIDDEN_DATA_DEV, null);
    assertThatThrownBy(() -> authorizer.applyIn(DEV, "beta")).hasMessage("tenant 'beta' not found");
    assertThatThrownBy(() -> authorizer.applyIn(DEV, "made-up"))
        .hasMessage("tenant 'made-up' not found");
    assertThatCode(() -> authorizer.applyIn(DEV, "alpha")).doesNotThrowAnyException();
  }
}
