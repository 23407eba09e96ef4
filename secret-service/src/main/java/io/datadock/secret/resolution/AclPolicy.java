package io.datadock.secret.resolution;

/**
 * Which purposes a secret's acl allows: an {@code r} secret (a v1 instance secret, or a v1
 * workspace secret that names one) serves reading only ({@code scan}, {@code query}); {@code rw},
 * and secrets without an acl (v2alpha ones, whose depot references name their purposes), serve
 * every purpose.
 */
public final class AclPolicy {

  private AclPolicy() {}

  public static boolean allows(String acl, Purpose purpose) {
    return !"r".equals(acl) || purpose != Purpose.RW;
  }
}
