package io.datadock.gateway.http.identity;

import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.http.Endpoints;
import io.datadock.gateway.identity.IdentityServices;
import io.datadock.gateway.view.ResourceView;
import java.time.Clock;
import java.util.List;

/**
 * The identity part of the API, one handler per resource: users, API keys, tenants and grants.
 * Operators manage users and tenants; a user may also manage its own keys; tenant admins manage
 * their tenant's grants only (so they hand out no roles, use-cases or memberships).
 */
public final class IdentityEndpoints {

  private IdentityEndpoints() {}

  /** In the order they are mounted. */
  public static List<Endpoints> of(
      IdentityServices identity, Authorizer authorizer, ResourceView resources, Clock clock) {
    IdentityStore store = new IdentityStore(identity);
    return List.of(
        new UserApi(store, authorizer, clock),
        new ApiKeyApi(store, authorizer, clock),
        new TenantApi(store, authorizer, resources, clock),
        new GrantApi(store, authorizer, resources, clock));
  }
}
