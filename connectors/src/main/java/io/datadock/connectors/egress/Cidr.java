package io.datadock.connectors.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An IPv4 or IPv6 address range ({@code 10.0.0.0/8}, {@code fd00:ec2::254/128}; a bare address is a
 * range of one). Addresses are compared after {@link #normalize}: an IPv4-mapped ({@code
 * ::ffff:169.254.169.254}), IPv4-compatible ({@code ::169.254.169.254}) or NAT64 ({@code
 * 64:ff9b::a9fe:a9fe}) IPv6 address is its IPv4 address. Parsing never does a DNS lookup.
 */
public final class Cidr {

  private static final byte[] NAT64_PREFIX = {
    0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0
  };

  private final byte[] network;
  private final int prefix;

  private Cidr(byte[] network, int prefix) {
    this.network = mask(network, prefix);
    this.prefix = prefix;
  }

  /**
   * Parses {@code address[/prefix]}.
   *
   * @throws IllegalArgumentException naming the text and the problem
   */
  public static Cidr parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("invalid CIDR '': empty");
    }
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    byte[] bytes = literal(address, trimmed);
    int max = bytes.length * 8;
    int prefix = max;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(trimmed.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "invalid CIDR '" + trimmed + "': prefix is not a number");
      }
      boolean mappedText = address.contains(":") && bytes.length == 4;
      if (mappedText) {
        // ::ffff:a.b.c.d/112 is a.b.c.d/16
        prefix -= 96;
      }
      if (prefix < 0 || prefix > max) {
        throw new IllegalArgumentException(
            "invalid CIDR '" + trimmed + "': prefix must be 0 to " + (mappedText ? 128 : max));
      }
    }
    return new Cidr(bytes, prefix);
  }

  /** Parses a comma-separated list; blank or null is empty. */
  public static List<Cidr> parseList(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(Cidr::parse)
        .toList();
  }

  /** Parses every entry of a list. */
  public static List<Cidr> parseAll(Collection<String> texts) {
    return texts == null ? List.of() : texts.stream().map(Cidr::parse).toList();
  }

  public int prefix() {
    return prefix;
  }

  /** Whether the (normalized) address is in this range. */
  public boolean contains(InetAddress address) {
    byte[] bytes = normalize(address).getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    return Arrays.equals(mask(bytes, prefix), network);
  }

  /**
   * The address to decide on: an IPv6 address that carries an IPv4 address (mapped, compatible,
   * NAT64 well-known prefix) as that IPv4 address; any other address as it is.
   */
  public static InetAddress normalize(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] b = address.getAddress();
    boolean mapped = zeros(b, 0, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    // ::a.b.c.d, but not :: and ::1 (and nothing else below ::1.0.0.0, which is not IPv4)
    boolean compatible = zeros(b, 0, 12) && (b[12] != 0 || b[13] != 0);
    boolean nat64 = Arrays.equals(Arrays.copyOfRange(b, 0, 12), NAT64_PREFIX);
    if (mapped || compatible || nat64) {
      try {
        return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
    return address;
  }

  /** The address as text, IPv6 in its shortest form ({@code fd00:ec2::254}). */
  public static String text(InetAddress address) {
    InetAddress a = normalize(address);
    if (a instanceof Inet4Address) {
      return a.getHostAddress();
    }
    byte[] b = a.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  @Override
  public String toString() {
    try {
      return text(InetAddress.getByAddress(network)) + "/" + prefix;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefix;
  }

  /** The bytes of an IP literal; never a DNS lookup. */
  private static byte[] literal(String address, String whole) {
    if (address.contains(":")) {
      try {
        // a text with ':' is parsed as an IPv6 literal only, never looked up
        return normalize(InetAddress.getByName(address)).getAddress();
      } catch (UnknownHostException | RuntimeException e) {
        throw new IllegalArgumentException("invalid CIDR '" + whole + "': not an IPv6 address");
      }
    }
    String[] parts = address.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("invalid CIDR '" + whole + "': not an IP address");
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) {
        throw new IllegalArgumentException("invalid CIDR '" + whole + "': not an IP address");
      }
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    return bytes;
  }

  private static byte[] mask(byte[] bytes, int prefix) {
    byte[] masked = bytes.clone();
    for (int i = 0; i < masked.length; i++) {
      int bits = Math.max(0, Math.min(8, prefix - 8 * i));
      masked[i] &= (byte) (0xff << (8 - bits));
    }
    return masked;
  }

  private static boolean zeros(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
