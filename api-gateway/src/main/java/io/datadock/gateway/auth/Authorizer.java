package io.datadock.gateway.auth;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.identity.IdentityDirectory;
import io.datadock.core.identity.Principal;
import io.datadock.core.resource.ResourceKey;
import io.datadock.schemas.resource.ResourceState;

/**
 * Every authorization decision of the gateway, deny by default. Reading needs membership of the
 * tenant, and a non-member is told the tenant does not exist (404), so names do not leak across
 * tenants. Writing also needs {@code roles:id:data-dev}; instance-level resources need an operator
 * or the {@code manage-instance-level-resources} use-case; another user's resource needs an
 * operator or a tenant admin.
 */
public final class Authorizer {

  public static final String FORBIDDEN_DATA_DEV =
      "forbidden: user does not have required role data-dev";
  public static final String FORBIDDEN_OPERATOR =
      "forbidden: user does not have required role operator";

  private final IdentityDirectory directory;

  public Authorizer(IdentityDirectory directory) {
    this.directory = directory;
  }

  /** Membership of an existing tenant; otherwise the tenant "is not found". */
  public void read(Caller caller, String tenant) {
    if (!directory.tenantExists(tenant) || !caller.principal().memberOf(tenant)) {
      throw new DatadockException(
          ErrorCode.NOT_FOUND, "tenant '" + tenant + "' not found", "tenant");
    }
  }

  /**
   * May the caller apply or delete {@code key}?
   *
   * @param existing the resource as it stands, or null when it does not exist yet
   */
  public void write(Caller caller, ResourceKey key, ResourceState existing) {
    read(caller, key.tenant());
    Principal p = caller.principal();
    if (!p.has(Principal.DATA_DEV)) {
      throw new DatadockException(ErrorCode.FORBIDDEN, FORBIDDEN_DATA_DEV);
    }
    if ("instance-secret".equals(key.kind())
        && !p.isOperator()
        && !p.may(Principal.MANAGE_INSTANCE)) {
      throw new DatadockException(ErrorCode.FORBIDDEN, FORBIDDEN_OPERATOR);
    }
    if (existing != null
        && !existing.getOwner().equals(caller.id())
        && !p.isOperator()
        && !p.has(Principal.TENANT_ADMIN)) {
      throw new DatadockException(
          ErrorCode.FORBIDDEN,
          "forbidden: "
              + key.kind()
              + " '"
              + key.name()
              + "' is owned by '"
              + existing.getOwner()
              + "'");
    }
  }

  /** Administering a tenant (its grants): an operator, or a tenant admin who is a member. */
  public void tenantAdmin(Caller caller, String tenant) {
    read(caller, tenant);
    Principal p = caller.principal();
    if (!p.isOperator() && !p.has(Principal.TENANT_ADMIN)) {
      throw new DatadockException(
          ErrorCode.FORBIDDEN, "forbidden: user does not have required role tenant-admin");
    }
  }

  public void operator(Caller caller) {
    if (!caller.principal().isOperator()) {
      throw new DatadockException(ErrorCode.FORBIDDEN, FORBIDDEN_OPERATOR);
    }
  }

  /** Reading secret values through the gateway ({@code unsanitize=true}). */
  public void unsanitize(Caller caller) {
    if (!caller.principal().may(Principal.UNSANITIZE)) {
      throw new DatadockException(
          ErrorCode.FORBIDDEN, "forbidden: user does not have use-case unsanitize-resource");
    }
  }

  /** Managing a user's API keys: the user itself or an operator. */
  public void keysOf(Caller caller, String userId) {
    if (!caller.id().equals(userId) && !caller.principal().isOperator()) {
      throw new DatadockException(ErrorCode.FORBIDDEN, FORBIDDEN_OPERATOR);
    }
  }
}
