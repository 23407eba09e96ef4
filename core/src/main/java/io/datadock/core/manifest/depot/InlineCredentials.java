package io.datadock.core.manifest.depot;

import io.datadock.core.error.DatadockException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Refuses credentials written into a connection block: a depot is stored and shown as it is, so a
 * password there would reach everyone who may read the depot. Credentials belong in a secret the
 * depot references. Two tells, anywhere in the block (params and extra fields included):
 *
 * <ul>
 *   <li>a credential-like key: {@code password}, {@code pwd}, {@code secret}, {@code token}, {@code
 *       key}, {@code apikey}, {@code credentials}, ... exactly, or as the end of a longer name
 *       ({@code sslpassword}, {@code client_secret}, {@code accessKeyId}, {@code sasToken}, {@code
 *       accountKey}); case, {@code _}, {@code -} and {@code .} aside. A plain {@code key} suffix is
 *       not enough ({@code partitionKey}, {@code shardKey} are no secrets);
 *   <li>user information in an address: {@code scheme://user:pass@host} in any value, and {@code
 *       user:pass@host} in a host or node list.
 * </ul>
 *
 * The refusal names the field's path and never echoes the value.
 */
final class InlineCredentials {

  private static final Set<String> EXACT =
      Set.of("key", "pwd", "pass", "secret", "secrets", "auth", "authorization", "sas");

  private static final List<String> SUFFIXES =
      List.of(
          "password",
          "passwd",
          "passphrase",
          "secret",
          "secrets",
          "token",
          "credential",
          "credentials",
          "apikey",
          "accesskey",
          "accesskeyid",
          "secretkey",
          "privatekey",
          "accountkey",
          "masterkey",
          "sessionkey",
          "signingkey",
          "encryptionkey",
          "connectionstring");

  private static final String ADVICE =
      ": credentials belong in a secret the depot references under secrets, not in the connection";

  private InlineCredentials() {}

  /** Throws for the first credential-like key or address with user information in {@code block}. */
  static void refuse(Map<?, ?> block, String path) {
    block.forEach(
        (key, value) -> {
          String fieldPath = path + "." + key;
          if (isCredentialKey(String.valueOf(key))) {
            throw DatadockException.invalid(
                fieldPath, fieldPath + " looks like a credential" + ADVICE);
          }
          refuseValue(value, fieldPath);
        });
  }

  private static void refuseValue(Object value, String path) {
    if (value instanceof Map<?, ?> map) {
      refuse(map, path);
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        refuseValue(list.get(i), path + "[" + i + "]");
      }
    } else if (value instanceof String s && hasUserInfo(s)) {
      throw userInfo(path);
    }
  }

  /** The refusal of a value with user information in it. */
  static DatadockException userInfo(String path) {
    return DatadockException.invalid(
        path, path + " holds credentials (user information before an @ in the address)" + ADVICE);
  }

  static boolean isCredentialKey(String key) {
    String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[-_.\\s]", "");
    if (EXACT.contains(normalized)) {
      return true;
    }
    return SUFFIXES.stream().anyMatch(normalized::endsWith);
  }

  /** {@code scheme://user[:pass]@host...}: an {@code @} in the authority of a URL. */
  static boolean hasUserInfo(String value) {
    int scheme = value.indexOf("://");
    return scheme >= 0 && hasBareUserInfo(value.substring(scheme + 3));
  }

  /** {@code user[:pass]@host...}: an {@code @} before the first {@code / ? #}. */
  static boolean hasBareUserInfo(String value) {
    int end = value.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int at = value.indexOf(c);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return value.substring(0, end).indexOf('@') >= 0;
  }
}
