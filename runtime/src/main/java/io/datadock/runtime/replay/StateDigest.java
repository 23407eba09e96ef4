package io.datadock.runtime.replay;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of a service's state: the sum, modulo 2<sup>256</sup>, of one SHA-256 per entry (over
 * its key and its encoded value). Equal digests mean equal state. Because it is a sum, it does not
 * depend on the order entries are read in nor on how partitions are spread over instances: the
 * shares of every instance add up to the digest of the whole service, before and after a replay
 * moved partitions around.
 *
 * @param entries how many entries the state holds
 * @param sha256 the sum, 64 hex digits
 */
public record StateDigest(long entries, String sha256) {

  private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);
  private static final HexFormat HEX = HexFormat.of();

  public static final StateDigest EMPTY = new StateDigest(0, hex(BigInteger.ZERO));

  /** The digest of two disjoint shares of a state. */
  public StateDigest plus(StateDigest other) {
    BigInteger sum = new BigInteger(sha256, 16).add(new BigInteger(other.sha256, 16)).mod(MODULUS);
    return new StateDigest(entries + other.entries, hex(sum));
  }

  /** The digest of a state from the digests of its partitions. */
  public static StateDigest total(java.util.Map<Integer, StateDigest> byPartition) {
    return byPartition.values().stream().reduce(EMPTY, StateDigest::plus);
  }

  public static Builder builder() {
    return new Builder();
  }

  private static String hex(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] fixed = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, fixed, 32 - n, n);
    return HEX.formatHex(fixed);
  }

  /** Adds entries one by one, in any order. */
  public static final class Builder {

    private final MessageDigest sha = newDigest();
    private BigInteger sum = BigInteger.ZERO;
    private long entries;

    private Builder() {}

    public Builder add(String key, byte[] value) {
      byte[] k = key.getBytes(StandardCharsets.UTF_8);
      sha.update(length(k.length));
      sha.update(k);
      sha.update(length(value.length));
      sha.update(value);
      sum = sum.add(new BigInteger(1, sha.digest()));
      entries++;
      return this;
    }

    public StateDigest build() {
      return new StateDigest(entries, hex(sum.mod(MODULUS)));
    }

    private static byte[] length(int n) {
      return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    private static MessageDigest newDigest() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
