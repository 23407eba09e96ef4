package io.datadock.core.identity;

import java.util.Set;

/**
 * An authenticated identity: a user or application with its tenants, role tags and use-cases.
 * {@link #EVERY_TENANT} as a tenant makes it a member of every tenant (the bootstrap operator).
 */
public record Principal(
    String id,
    String name,
    String type,
    Set<String> tenants,
    Set<String> tags,
    Set<String> useCases) {

  public static final String EVERY_TENANT = "*";

  public static final String USER = "roles:id:user";
  public static final String DATA_DEV = "roles:id:data-dev";
  public static final String OPERATOR = "roles:id:operator";
  public static final String TENANT_ADMIN = "roles:id:tenant-admin";

  public static final String READ_SECRET = "read-secret";
  public static final String UNSANITIZE = "unsanitize-resource";
  public static final String MANAGE_INSTANCE = "manage-instance-level-resources";

  public Principal {
    tenants = Set.copyOf(tenants);
    tags = Set.copyOf(tags);
    useCases = Set.copyOf(useCases);
  }

  public boolean memberOf(String tenant) {
    return tenants.contains(EVERY_TENANT) || tenants.contains(tenant);
  }

  public boolean has(String tag) {
    return tags.contains(tag);
  }

  public boolean may(String useCase) {
    return useCases.contains(useCase);
  }

  public boolean isOperator() {
    return has(OPERATOR);
  }

  /** The tenant a request that names none goes to: the first of the user's tenants. */
  public String defaultTenant() {
    return tenants.stream()
        .filter(t -> !t.equals(EVERY_TENANT))
        .sorted()
        .findFirst()
        .orElse("default");
  }
}
