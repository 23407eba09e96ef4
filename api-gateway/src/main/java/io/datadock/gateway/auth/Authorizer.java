package io.datadock.gateway.auth;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.identity.Principal;
import io.datadock.core.manifest.depot.SourceType;
import io.datadock.core.resource.Ownership;
import io.datadock.core.resource.ResourceKey;
import io.datadock.core.resource.ResourceKind;
import io.datadock.runtime.identity.IdentityDirectory;
import io.datadock.schemas.resource.ResourceState;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every authorization decision of the gateway, deny by default. Reading needs membership of the
 * tenant, and a non-member is told the tenant does not exist (404), so names do not leak across
 * tenants. Writing also needs {@code roles:id:data-dev}; instance-level resources need an operator
 * or the {@code manage-instance-level-resources} use-case; another user's resource, or a manifest
 * naming another owner, needs an operator or an admin of that tenant; a {@code file} depot (a
 * directory on the server) needs an operator.
 *
 * <p>Tenant admin is scoped to a tenant: {@code roles:id:tenant-admin:<tenant>} makes a member of
 * that tenant its admin, and of no other. The unscoped legacy {@code roles:id:tenant-admin} counts
 * only for a user who is a member of exactly one tenant (then there is no doubt which one).
 */
public final class Authorizer {

  public static final String FORBIDDEN_DATA_DEV =
      "forbidden: user does not have required role data-dev";
  public static final String FORBIDDEN_OPERATOR =
      "forbidden: user does not have required role operator";
  public static final String FORBIDDEN_TENANT_ADMIN =
      "forbidden: user does not have required role tenant-admin";
  public static final String FORBIDDEN_FILE_DEPOT = "forbidden: file depots need role operator";

  /** The prefix of a scoped tenant-admin tag: {@code roles:id:tenant-admin:<tenant>}. */
  public static final String TENANT_ADMIN_OF = Principal.TENANT_ADMIN + ":";

  private final Predicate<String> tenantExists;

  public Authorizer(IdentityDirectory directory) {
    this(tenant -> directory.tenantExists(tenant));
  }

  /**
   * @param tenantExists whether a tenant of that name exists
   */
  public Authorizer(Predicate<String> tenantExists) {
    this.tenantExists = tenantExists;
  }

  /** The tag that makes its holder admin of {@code tenant} (and of no other tenant). */
  public static String tenantAdminTag(String tenant) {
    return TENANT_ADMIN_OF + tenant;
  }

  /** Whether {@code p} administers {@code tenant}: see the class comment. Operators aside. */
  public static boolean isTenantAdmin(Principal p, String tenant) {
    if (!p.memberOf(tenant)) {
      return false;
    }
    return p.has(tenantAdminTag(tenant))
        || (p.has(Principal.TENANT_ADMIN) && p.tenants().equals(Set.of(tenant)));
  }

  /** Membership of an existing tenant; otherwise the tenant "is not found". */
  public void read(Caller caller, String tenant) {
    if (!isMember(caller, tenant)) {
      throw new DatadockException(
          ErrorCode.NOT_FOUND, "tenant '" + tenant + "' not found", "tenant");
    }
  }

  /** Whether the tenant exists and the caller is one of its members. */
  public boolean isMember(Caller caller, String tenant) {
    return tenant != null && tenantExists.test(tenant) && caller.principal().memberOf(tenant);
  }

  /**
   * May the caller apply anything in {@code tenant} (the request's)? Checked before the body is
   * read, so that a caller who may not write never makes the gateway parse anything.
   */
  public void applyIn(Caller caller, String tenant) {
    read(caller, tenant);
    if (!caller.principal().has(Principal.DATA_DEV)) {
      throw new DatadockException(ErrorCode.FORBIDDEN, FORBIDDEN_DATA_DEV);
    }
  }

  /**
   * May the caller apply one validated document: write its resource, for the owner it names, of its
   * source type?
   *
   * @param existing the resource as it stands, or null when it does not exist yet
   */
  public void apply(Caller caller, WriteIntent intent, ResourceState existing) {
    write(caller, intent.key(), existing);
    Principal p = caller.principal();
    if (!intent.owner().equals(caller.id())
        && !p.isOperator()
        && !isTenantAdmin(p, intent.key().tenant())) {
      throw new DatadockException(
          ErrorCode.FORBIDDEN,
          "forbidden: owner '"
              + intent.owner()
              + "' is not the caller; only an operator or a tenant admin may apply for another"
              + " owner",
          "owner");
    }
    if (intent.sourceType() == SourceType.FILE && !p.isOperator()) {
      throw new DatadockException(
          ErrorCode.FORBIDDEN, FORBIDDEN_FILE_DEPOT, intent.sourceTypeField());
    }
  }

  /**
   * May the caller apply or delete {@code key}?
   *
   * @param existing the resource as it stands, or null when it does not exist yet
   */
  public void write(Caller caller, ResourceKey key, ResourceState existing) {
    applyIn(caller, key.tenant());
    Principal p = caller.principal();
    if (key.kind() == ResourceKind.INSTANCE_SECRET
        && !p.isOperator()
        && !p.may(Principal.MANAGE_INSTANCE)) {
      throw new DatadockException(ErrorCode.FORBIDDEN, FORBIDDEN_OPERATOR);
    }
    if (existing != null) {
      Ownership.refusal(
              key.kind().wireName(),
              key.name(),
              existing.getOwner(),
              caller.id(),
              mayWriteOthers(caller, key.tenant()))
          .ifPresent(
              refused -> {
                throw new DatadockException(ErrorCode.FORBIDDEN, refused);
              });
    }
  }

  /**
   * May the caller change or delete another user's resource in {@code tenant}: an operator or an
   * admin of the tenant. Sent on each command, so the owning service decides ownership again from
   * its own state (see {@link Ownership}).
   */
  public static boolean mayWriteOthers(Caller caller, String tenant) {
    Principal p = caller.principal();
    return p.isOperator() || isTenantAdmin(p, tenant);
  }

  /** Administering a tenant (its grants): an operator, or an admin of that tenant. */
  public void tenantAdmin(Caller caller, String tenant) {
    read(caller, tenant);
    Principal p = caller.principal();
    if (!p.isOperator() && !isTenantAdmin(p, tenant)) {
      throw new DatadockException(ErrorCode.FORBIDDEN, FORBIDDEN_TENANT_ADMIN);
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
