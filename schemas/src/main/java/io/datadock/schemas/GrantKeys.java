package io.datadock.schemas;

import io.datadock.schemas.identity.GranteeKind;
import io.datadock.schemas.identity.ReferenceGrant;

/**
 * The record keys of {@code identity.grants}: {@code <owner>/<grantee>/<secret>}, where a user
 * grantee is written {@code user:<id>} (tenant names cannot hold a colon). The gateway writes by
 * them and secret-service looks grants up by them.
 */
public final class GrantKeys {

  private static final String USER_PREFIX = "user:";

  private GrantKeys() {}

  /** Tenant {@code owner} lets depots of tenant {@code grantee} use its secret. */
  public static String toTenant(String owner, String grantee, String secret) {
    return owner + "/" + grantee + "/" + secret;
  }

  /** Tenant {@code owner} lets depots applied by user {@code userId} use its secret. */
  public static String toUser(String owner, String userId, String secret) {
    return owner + "/" + USER_PREFIX + userId + "/" + secret;
  }

  public static String of(ReferenceGrant grant) {
    return grant.getGranteeKind() == GranteeKind.USER
        ? toUser(grant.getOwner(), grant.getGrantee(), grant.getSecret())
        : toTenant(grant.getOwner(), grant.getGrantee(), grant.getSecret());
  }
}
