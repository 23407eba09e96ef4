package io.datadock.secret.lifecycle;

import io.datadock.schemas.common.SealedPayload;

/** Opens sealed secret payloads; implemented by the key ring, faked nowhere in production. */
@FunctionalInterface
public interface PayloadOpener {

  /**
   * @return the plaintext (a canonical SecretPayloads encoding)
   * @throws io.datadock.core.crypto.SealingException when the payload cannot be opened
   */
  byte[] open(SealedPayload payload, byte[] associatedData);
}
