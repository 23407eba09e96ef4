package io.datadock.core.resolution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * An allowed credential resolution: {@code {"secret", "purpose", "fields": {name: value}, "files":
 * {name: base64}}}. It holds plaintext values: its {@link #toString()} names keys only.
 *
 * @param fields the values by the secret type's semantics
 * @param files the secret's files, base64, by name (empty for {@code unsanitize}, and from older
 *     secret-services)
 */
public record ResolveAnswer(
    String secret, String purpose, Map<String, String> fields, Map<String, String> files) {

  public ResolveAnswer {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }

  @Override
  public String toString() {
    return "ResolveAnswer[secret="
        + secret
        + ", purpose="
        + purpose
        + ", field keys="
        + new TreeSet<>(fields.keySet())
        + ", file keys="
        + new TreeSet<>(files.keySet())
        + "]";
  }
}
