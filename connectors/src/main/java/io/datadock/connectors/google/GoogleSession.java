package io.datadock.connectors.google;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.connectors.http.EgressRestClient;

/**
 * A check's or scan's session with one Google API (Cloud Storage, BigQuery) as the secret's service
 * account: the key file read ({@link ServiceAccount}), a token granted for the API's scope ({@link
 * TokenGrant}), and a client of the API's server sending it as {@code Authorization: Bearer}.
 */
public final class GoogleSession implements AutoCloseable {

  /** Why there is no session: a key file that cannot be used or a refused grant (no secret). */
  public static final class Failed extends Exception {
    Failed(String message) {
      super(message);
    }
  }

  private final String api;
  private final ServiceAccount account;
  private final EgressRestClient client;

  private GoogleSession(String api, ServiceAccount account, EgressRestClient client) {
    this.api = api;
    this.account = account;
    this.client = client;
  }

  /**
   * @param api how messages name the API ({@code storage API})
   * @param server the API's {@code scheme://host:port}
   * @param credentials the secret, with {@link ServiceAccount#redacting} applied
   * @throws Failed why no token was granted
   */
  public static GoogleSession open(
      String api,
      String server,
      int port,
      String scope,
      Credentials credentials,
      EgressGate gate,
      Deadline deadline)
      throws Failed {
    try {
      ServiceAccount account = ServiceAccount.of(credentials);
      String token = TokenGrant.fetch(account, scope, gate, deadline, credentials);
      return new GoogleSession(
          api, account, new EgressRestClient(server, port, "Bearer " + token, gate, deadline));
    } catch (ServiceAccount.Unusable | TokenGrant.Refused e) {
      throw new Failed(e.getMessage());
    }
  }

  public EgressRestClient client() {
    return client;
  }

  /** The {@code authenticate} step's message. */
  public String granted() {
    return "token granted to service account '" + account.clientEmail() + "'";
  }

  /**
   * Why the API answered {@code status} to {@code action} on {@code what}.
   *
   * @param what {@code bucket 'x'}, {@code project 'p'}
   * @param action {@code read}, {@code list the datasets of}
   */
  public String refusal(int status, String what, String action) {
    return switch (status) {
      case 401 ->
          "the " + api + " refused the access token of '" + account.clientEmail() + "' (HTTP 401)";
      case 403 ->
          "service account '"
              + account.clientEmail()
              + "' may not "
              + action
              + " "
              + what
              + " (HTTP 403)";
      case 404 -> what + " does not exist";
      default -> "HTTP " + status + " when trying to " + action + " " + what;
    };
  }

  @Override
  public void close() {
    client.close();
  }
}
