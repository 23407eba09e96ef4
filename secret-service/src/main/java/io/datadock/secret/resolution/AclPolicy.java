package io.datadock.secret.resolution;

/**
 * Which purposes a secret's acl allows: an {@code r} instance secret serves reading only ({@code
 * scan}, {@code query}); {@code rw}, and secrets without an acl, serve every purpose.
 */
public final class AclPolicy {

  private AclPolicy() {}

  public static boolean allows(String acl, Purpose purpose) {
    return !"r".equals(acl) || purpose != Purpose.RW;
  }
}
