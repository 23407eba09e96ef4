package io.datadock.gateway.app;

import io.datadock.gateway.auth.AdminTokenVerifier;
import io.datadock.gateway.identity.IdentityWriter;
import io.datadock.runtime.identity.IdentityDirectory;
import io.datadock.schemas.identity.Tenant;
import java.util.concurrent.CompletableFuture;

/**
 * A fresh installation has one tenant, {@code default}, created once the directory has read the
 * tenants topic (so a restart does not write it again).
 */
final class DefaultTenant {

  private DefaultTenant() {}

  /** Completes once the directory has caught up and holds the default tenant. */
  static CompletableFuture<Void> ensure(IdentityDirectory directory, IdentityWriter writer) {
    return directory
        .caughtUp()
        .thenCompose(
            v ->
                directory.tenantExists(AdminTokenVerifier.DEFAULT_TENANT)
                    ? CompletableFuture.completedFuture(null)
                    : writer
                        .tenant(
                            Tenant.newBuilder()
                                .setName(AdminTokenVerifier.DEFAULT_TENANT)
                                .setCreatedAt(System.currentTimeMillis())
                                .setCreatedBy(AdminTokenVerifier.ADMIN_ID)
                                .build())
                        .thenCompose(w -> directory.sync()));
  }
}
