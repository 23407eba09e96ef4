package io.datadock.connectors.pulsar;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.connectors.http.EgressRestClient;
import io.datadock.connectors.http.HttpLogin;
import io.datadock.connectors.http.ServerUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pulsar's admin REST API ({@code /admin/v2}) at the depot's {@code adminUrl} ({@code
 * http(s)://host:port}, 8080 / 8443 by default), with the secret's {@code token} (a JWT, {@code
 * Authorization: Bearer}) or {@code username} and {@code password} (basic), or nothing: the calls
 * the check and the scan make, and what their answers mean.
 */
final class PulsarAdmin {

  static final String TENANTS = "/admin/v2/tenants";

  private PulsarAdmin() {}

  /**
   * @throws UnsafeConnectionField when {@code adminUrl} is missing or not a server's URL
   */
  static ServerUrl url(SourceConnection connection) {
    String text = connection.string("adminUrl");
    if (text == null || text.isBlank()) {
      throw new UnsafeConnectionField("the connection has no 'adminUrl'");
    }
    return ServerUrl.parse(text, "adminUrl", Map.of("http", 8080, "https", 8443));
  }

  static HttpLogin login(Credentials credentials) {
    return HttpLogin.of(credentials, "token", "Bearer", "a token");
  }

  static EgressRestClient client(
      ServerUrl url, HttpLogin login, EgressGate gate, Deadline deadline) {
    return new EgressRestClient(url.toString(), url.port(), login.authorization(), gate, deadline);
  }

  /** {@code /admin/v2/namespaces/<tenant>}. */
  static String namespaces(String tenant) {
    return "/admin/v2/namespaces/" + encode(tenant);
  }

  /** {@code /admin/v2/persistent/<tenant>/<namespace>} for a namespace named {@code tenant/ns}. */
  static String topics(String namespace) {
    int slash = namespace.indexOf('/');
    return "/admin/v2/persistent/"
        + encode(namespace.substring(0, slash))
        + "/"
        + encode(namespace.substring(slash + 1));
  }

  /**
   * The strings of a JSON array answer.
   *
   * @throws IllegalArgumentException naming the call when the body is not an array of strings
   */
  static List<String> names(JsonNode body, String call) {
    if (body == null || !body.isArray()) {
      throw new IllegalArgumentException(
          "the answer to " + call + " is not a list: is adminUrl Pulsar's admin API?");
    }
    List<String> names = new ArrayList<>();
    body.forEach(item -> names.add(item.asText()));
    return names;
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
