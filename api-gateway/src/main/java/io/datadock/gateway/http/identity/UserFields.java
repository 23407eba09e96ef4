package io.datadock.gateway.http.identity;

import static io.datadock.gateway.http.Requests.strings;

import io.datadock.core.error.DatadockException;
import io.datadock.core.identity.Principal;
import io.datadock.gateway.auth.Authorizer;
import io.datadock.schemas.identity.User;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A user record from a request body, every field checked (422 naming the field): the type, tenants
 * that exist, tags, use-cases. The user's own {@code users:id:} tag is always added.
 */
final class UserFields {

  private static final Set<String> TYPES = Set.of("person", "application");
  private static final Set<String> USE_CASES =
      Set.of(Principal.READ_SECRET, Principal.UNSANITIZE, Principal.MANAGE_INSTANCE);
  private static final String USER_TAG = "users:id:";
  private static final String ROLE_TAG = "roles:id:";

  private final Predicate<String> tenantExists;

  UserFields(Predicate<String> tenantExists) {
    this.tenantExists = tenantExists;
  }

  /** The tag every user holds, naming itself. */
  static String ownTag(String id) {
    return USER_TAG + id;
  }

  User user(String id, JsonObject body, long createdAt, String createdBy) {
    String type = body.getString("type", "person");
    if (!TYPES.contains(type)) {
      throw DatadockException.invalid("type", "type must be person or application");
    }
    List<String> tenants = strings(body, "tenants");
    for (String tenant : tenants) {
      if (!tenantExists.test(tenant)) {
        throw DatadockException.invalid("tenants", "tenant '" + tenant + "' does not exist");
      }
    }
    List<String> tags = strings(body, "tags");
    tags.forEach(tag -> checkTag(tag, id, tenants, "tags"));
    List<String> useCases = strings(body, "useCases");
    for (String useCase : useCases) {
      if (!USE_CASES.contains(useCase)) {
        throw DatadockException.invalid(
            "useCases",
            "unknown use-case '"
                + useCase
                + "', expected read-secret, unsanitize-resource or manage-instance-level-resources");
      }
    }
    List<String> allTags = new ArrayList<>(tags);
    if (!allTags.contains(ownTag(id))) {
      allTags.add(ownTag(id));
    }
    return User.newBuilder()
        .setId(id)
        .setName(body.getString("name", id))
        .setEmail(body.getString("email"))
        .setType(type)
        .setTenants(tenants)
        .setTags(allTags)
        .setUseCases(useCases)
        .setCreatedAt(createdAt)
        .setCreatedBy(createdBy)
        .build();
  }

  /**
   * A role, or the user's own {@code users:id:} tag (another user's would let it pass for that user
   * wherever tags are matched); a tenant-admin tag names one of the user's tenants.
   *
   * @param field the field a refusal names ({@code tags} in a body, {@code tag} in a path)
   */
  static void checkTag(String tag, String id, List<String> tenants, String field) {
    if (!tag.startsWith(ROLE_TAG) && !tag.startsWith(USER_TAG)) {
      throw DatadockException.invalid(
          field, "tag '" + tag + "' must start with roles:id: or users:id:");
    }
    if (tag.startsWith(USER_TAG) && !tag.equals(ownTag(id))) {
      throw DatadockException.invalid(
          field, "tag '" + tag + "' names another user; a user's own tag is users:id:" + id);
    }
    String adminOf = Authorizer.TENANT_ADMIN_OF;
    if (tag.startsWith(adminOf) && !tenants.contains(tag.substring(adminOf.length()))) {
      throw DatadockException.invalid(
          field,
          "tag '"
              + tag
              + "' makes the user admin of tenant '"
              + tag.substring(adminOf.length())
              + "', which is not one of its tenants");
    }
  }
}
