package io.datadock.gateway.http.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.schemas.identity.User;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserFieldsTest {

  private final UserFields fields = new UserFields(Set.of("acme", "beta")::contains);

  private User user(String json) {
    return fields.user("bob", new JsonObject(json), 5L, "admin");
  }

  private void assertRefused(String json, String field, String message) {
    assertThatThrownBy(() -> user(json))
        .isInstanceOfSatisfying(
            DatadockException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID);
              assertThat(e.field()).isEqualTo(field);
            })
        .hasMessageContaining(message);
  }

  @Test
  void aBareUserIsAPersonNamedByItsIdHoldingItsOwnTag() {
    User u = user("{}");

    assertThat(u.getId()).isEqualTo("bob");
    assertThat(u.getName()).isEqualTo("bob");
    assertThat(u.getType()).isEqualTo("person");
    assertThat(u.getTenants()).isEmpty();
    assertThat(u.getTags()).containsExactly("users:id:bob");
    assertThat(u.getCreatedAt()).isEqualTo(5L);
    assertThat(u.getCreatedBy()).isEqualTo("admin");
  }

  @Test
  void everyFieldIsKeptAndTheOwnTagNotRepeated() {
    User u =
        user(
            """
            {"name": "Bob", "email": "bob@example.com", "type": "application",
             "tenants": ["acme"], "tags": ["users:id:bob", "roles:id:tenant-admin:acme"],
             "useCases": ["read-secret"]}
            """);

    assertThat(u.getName()).isEqualTo("Bob");
    assertThat(u.getEmail()).isEqualTo("bob@example.com");
    assertThat(u.getType()).isEqualTo("application");
    assertThat(u.getTenants()).containsExactly("acme");
    assertThat(u.getTags()).containsExactly("users:id:bob", "roles:id:tenant-admin:acme");
    assertThat(u.getUseCases()).containsExactly("read-secret");
  }

  @Test
  void eachBadFieldIsNamed() {
    assertRefused("{\"type\": \"robot\"}", "type", "type must be person or application");
    assertRefused("{\"tenants\": [\"nowhere\"]}", "tenants", "tenant 'nowhere' does not exist");
    assertRefused("{\"tenants\": \"acme\"}", "tenants", "tenants must be a list of strings");
    assertRefused("{\"tags\": [\"admin\"]}", "tags", "must start with roles:id: or users:id:");
    assertRefused("{\"useCases\": [\"fly\"]}", "useCases", "unknown use-case 'fly'");
  }

  @Test
  void aUserCannotCarryAnotherUsersTag() {
    assertRefused(
        "{\"tags\": [\"users:id:alice\"]}",
        "tags",
        "tag 'users:id:alice' names another user; a user's own tag is users:id:bob");
  }

  @Test
  void aTenantAdminTagNamesOneOfTheUsersTenants() {
    assertRefused(
        "{\"tenants\": [\"acme\"], \"tags\": [\"roles:id:tenant-admin:beta\"]}",
        "tags",
        "makes the user admin of tenant 'beta', which is not one of its tenants");
  }

  @Test
  void aTagOnItsOwnIsCheckedAsOnCreationNamingTheFieldGiven() {
    UserFields.checkTag("roles:id:data-dev", "bob", List.of(), "tag");
    assertThatThrownBy(() -> UserFields.checkTag("users:id:eve", "bob", List.of(), "tag"))
        .isInstanceOfSatisfying(
            DatadockException.class, e -> assertThat(e.field()).isEqualTo("tag"));
  }
}
