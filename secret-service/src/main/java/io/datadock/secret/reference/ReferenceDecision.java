package io.datadock.secret.reference;

import io.datadock.schemas.reference.ReferenceReply;
import io.datadock.schemas.secret.SecretState;

/**
 * What one reference request leads to.
 *
 * @param newState the secret's new state when its dependents changed, else null
 * @param reply the reply to the depot (GRANTED, DENIED or RELEASED)
 */
public record ReferenceDecision(SecretState newState, ReferenceReply reply) {}
