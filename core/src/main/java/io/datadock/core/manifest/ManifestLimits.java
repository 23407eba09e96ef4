package io.datadock.core.manifest;

/**
 * Bounds on what a request may make the parser do.
 *
 * @param maxBytes the largest body accepted
 * @param maxAliases YAML aliases per document: a second bound, as the parser refuses anchors and
 *     aliases before building anything
 * @param maxDocuments documents per body
 * @param maxNestingDepth nesting depth of YAML collections
 * @param maxSecretBytes decoded size of one secret's data and files together
 */
public record ManifestLimits(
    int maxBytes, int maxAliases, int maxDocuments, int maxNestingDepth, int maxSecretBytes) {

  /** The same limits with another body size (the gateway's configured request limit). */
  public ManifestLimits withMaxBytes(int bytes) {
    return new ManifestLimits(bytes, maxAliases, maxDocuments, maxNestingDepth, maxSecretBytes);
  }

  public static ManifestLimits defaults() {
    return new ManifestLimits(1024 * 1024, 50, 100, 50, 512 * 1024);
  }
}
