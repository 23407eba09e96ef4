package io.datadock.gateway.auth;

import io.datadock.core.identity.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * The bootstrap operator, known by the token the platform was started with ({@code
 * DATADOCK_ADMIN_TOKEN} or a generated one): a member of every tenant with every role, so a fresh
 * installation can create tenants, users and their keys.
 */
public final class AdminTokenVerifier implements TokenVerifier {

  public static final String ADMIN_ID = "admin";
  public static final String DEFAULT_TENANT = "default";

  public static final Principal ADMIN =
      new Principal(
          ADMIN_ID,
          "Bootstrap operator",
          "person",
          Set.of(Principal.EVERY_TENANT),
          Set.of(Principal.USER, Principal.DATA_DEV, Principal.OPERATOR, Principal.TENANT_ADMIN),
          Set.of(Principal.READ_SECRET, Principal.UNSANITIZE, Principal.MANAGE_INSTANCE));

  private final byte[] token;

  public AdminTokenVerifier(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Optional<Caller> verify(String presented) {
    // Constant-time: the comparison must not reveal how much of a guess was right.
    boolean match = MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    return match ? Optional.of(new Caller(ADMIN_ID, DEFAULT_TENANT, ADMIN)) : Optional.empty();
  }
}
