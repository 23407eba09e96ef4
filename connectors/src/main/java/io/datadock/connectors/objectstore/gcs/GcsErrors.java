package io.datadock.connectors.objectstore.gcs;

/** What an error status of the JSON API means, as a step's or a scan's message. */
final class GcsErrors {

  private GcsErrors() {}

  /**
   * @param what {@code bucket 'x'}, {@code gs://x/prefix}
   * @param action what was tried on it: {@code read}, {@code list}
   */
  static String refusal(int status, String what, String action, ServiceAccount account) {
    return switch (status) {
      case 401 ->
          "the storage API refused the access token of '" + account.clientEmail() + "' (HTTP 401)";
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
}
