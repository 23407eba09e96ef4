package io.datadock.cli.commands;

import io.datadock.cli.http.GatewayClient;
import io.datadock.cli.http.Query;

/** The user an API key command is about: the one given, else the caller. */
final class Users {

  private Users() {}

  static String resolve(GatewayClient client, String userId) {
    if (userId != null && !userId.isBlank()) {
      return userId;
    }
    return client.get("/api/v1/users/me", Query.of()).path("id").asText();
  }

  static String tagPath(String userId, String tag) {
    return "/api/v1/users/" + Query.encode(userId) + "/tags/" + Query.encode(tag);
  }

  static String apiKeysPath(String userId) {
    return "/api/v1/users/" + Query.encode(userId) + "/apikeys";
  }
}
