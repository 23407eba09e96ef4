package io.datadock.secret.resolution;

import io.datadock.schemas.secret.AccessOutcome;
import java.util.Collection;

/** Where every resolution, allowed or refused, is recorded before it is answered. */
@FunctionalInterface
public interface AccessRecorder {

  /**
   * @param fields the names handed out (files as {@code file:<name>}), never a value
   * @throws AccessAuditor.AuditUnavailableException when the record is not durable: no answer
   */
  void record(
      String resourceKey,
      String caller,
      String purpose,
      AccessOutcome outcome,
      String reason,
      Collection<String> fields);
}
