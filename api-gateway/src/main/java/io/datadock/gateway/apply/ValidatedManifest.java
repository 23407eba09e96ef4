package io.datadock.gateway.apply;

import io.datadock.core.error.DatadockException;
import io.datadock.core.manifest.ApplyContext;
import io.datadock.core.manifest.ManifestHeader;
import io.datadock.core.manifest.SecretManifest;
import io.datadock.core.manifest.SecretManifestValidator;
import io.datadock.core.manifest.depot.DepotManifest;
import io.datadock.core.manifest.depot.DepotManifestValidator;
import io.datadock.core.resource.ResourceKey;
import io.datadock.core.resource.ResourceKind;
import io.datadock.gateway.auth.WriteIntent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One validated document of an apply: a secret (of either shape) or a depot, never both. */
public sealed interface ValidatedManifest
    permits ValidatedManifest.SecretDocument, ValidatedManifest.DepotDocument {

  ResourceKey key();

  /** The manifest's {@code version} ({@code v1}, {@code v2alpha}, ...). */
  String version();

  /** What it would write, for authorization. */
  WriteIntent intent();

  /** A secret or an instance secret. */
  record SecretDocument(SecretManifest manifest) implements ValidatedManifest {
    @Override
    public ResourceKey key() {
      return manifest.key();
    }

    @Override
    public String version() {
      return manifest.manifestVersion();
    }

    @Override
    public WriteIntent intent() {
      return WriteIntent.of(manifest);
    }
  }

  /** A depot, of either shape. */
  record DepotDocument(DepotManifest manifest) implements ValidatedManifest {
    @Override
    public ResourceKey key() {
      return manifest.key();
    }

    @Override
    public String version() {
      return manifest.manifestVersion();
    }

    @Override
    public WriteIntent intent() {
      return WriteIntent.of(manifest);
    }
  }

  /** One document, validated as its {@code type} says. */
  static ValidatedManifest of(Map<String, Object> document, ApplyContext context) {
    if (ManifestHeader.type(document) == ResourceKind.DEPOT) {
      return new DepotDocument(DepotManifestValidator.validate(document, context));
    }
    return new SecretDocument(SecretManifestValidator.validate(document, context));
  }

  /**
   * Every document of a request, validated before any is sent.
   *
   * @throws DatadockException the first document's error; when there are several, its message
   *     starts with {@code document <n>: }
   */
  static List<ValidatedManifest> all(List<Map<String, Object>> documents, ApplyContext context) {
    List<ValidatedManifest> manifests = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      try {
        manifests.add(of(documents.get(i), context));
      } catch (DatadockException e) {
        if (documents.size() == 1) {
          throw e;
        }
        throw new DatadockException(
            e.code(), "document " + (i + 1) + ": " + e.getMessage(), e.field());
      }
    }
    return manifests;
  }
}
