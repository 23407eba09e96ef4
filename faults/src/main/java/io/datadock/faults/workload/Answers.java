package io.datadock.faults.workload;

import io.datadock.faults.history.Operation.Outcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** What an HTTP answer of the gateway says happened, in the checker's terms. */
final class Answers {

  private Answers() {}

  /** An answer: its outcome and the version it names. */
  record Answer(Outcome outcome, long version) {}

  static final Answer UNKNOWN = new Answer(Outcome.UNKNOWN, -1);

  static Answer ofApply(int status, String body) {
    if (status == 200) {
      JsonArray results = new JsonObject(body).getJsonArray("results");
      JsonObject first = results.getJsonObject(0);
      Outcome outcome =
          switch (first.getString("outcome")) {
            case "created" -> Outcome.CREATED;
            case "updated" -> Outcome.UPDATED;
            case "unchanged" -> Outcome.UNCHANGED;
            default -> Outcome.UNKNOWN;
          };
      return new Answer(outcome, version(first));
    }
    return failure(status);
  }

  static Answer ofDelete(int status, String body) {
    if (status == 200) {
      return new Answer(Outcome.DELETED, version(new JsonObject(body)));
    }
    if (status == 404) {
      return new Answer(Outcome.NOT_FOUND, -1);
    }
    if (status == 409) {
      return new Answer(Outcome.REFUSED, -1);
    }
    return failure(status);
  }

  static Answer ofRead(int status, String body) {
    if (status == 200) {
      return new Answer(Outcome.FOUND, version(new JsonObject(body)));
    }
    if (status == 404) {
      return new Answer(Outcome.ABSENT, -1);
    }
    return failure(status);
  }

  /** A 4xx is a definite refusal; a 5xx (a 504 reply timeout above all) tells nothing. */
  private static Answer failure(int status) {
    return status >= 400 && status < 500 ? new Answer(Outcome.FAILED, -1) : UNKNOWN;
  }

  private static long version(JsonObject o) {
    String v = o.getString("resourceVersion");
    return v == null || v.equals("null") ? -1 : Long.parseLong(v);
  }
}
