package io.datadock.connectors;

import io.datadock.connectors.egress.Egress;
import java.time.Duration;

/**
 * Checks that a source can be used with the given credentials: steps {@link CheckSteps#REACH},
 * {@link CheckSteps#AUTHENTICATE}, {@link CheckSteps#LIST} (and {@link CheckSteps#PERMISSION} where
 * it is a separate probe). Never throws for a failing source, never takes longer than {@code
 * timeout}, and never puts a credential value into a message. Connects only where {@code egress}
 * allows (a denied address fails {@link CheckSteps#REACH} with the policy's message) and reads
 * files only inside its roots.
 */
public interface ConnectionCheck {
  CheckReport check(
      SourceConnection connection, Credentials credentials, Duration timeout, Egress egress);
}
