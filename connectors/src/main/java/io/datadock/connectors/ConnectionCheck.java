package io.datadock.connectors;

import java.time.Duration;

/**
 * Checks that a source can be used with the given credentials: steps {@link CheckSteps#REACH},
 * {@link CheckSteps#AUTHENTICATE}, {@link CheckSteps#LIST} (and {@link CheckSteps#PERMISSION} where
 * it is a separate probe). Never throws for a failing source, never takes longer than {@code
 * timeout}, and never puts a credential value into a message.
 */
public interface ConnectionCheck {
  CheckReport check(SourceConnection connection, Credentials credentials, Duration timeout);
}
