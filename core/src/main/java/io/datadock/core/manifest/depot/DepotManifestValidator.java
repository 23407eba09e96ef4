package io.datadock.core.manifest.depot;

import io.datadock.core.error.DatadockException;
import io.datadock.core.manifest.ApplyContext;
import io.datadock.core.manifest.ManifestHeader;
import io.datadock.core.manifest.Names;
import io.datadock.core.resource.ResourceKind;
import java.util.Map;

/**
 * Validates a depot manifest of either v2alpha shape (MANIFESTS.md §4 and §5) field by field and
 * normalizes it. Each failure names its field path. Unknown fields are ignored, and unknown
 * connection fields kept: DataOS manifests carry extras and must apply unchanged. In the
 * instance-secret shape {@code depot.description} wins over the header's {@code description}.
 *
 * <p>Tenant, owner, layer and resourceVersion follow {@code SecretManifestValidator}, so that a
 * secret and a depot applied together land in the same tenant.
 */
public final class DepotManifestValidator {

  private static final String VERSION = "v2alpha";

  private DepotManifestValidator() {}

  /**
   * @throws DatadockException (code INVALID → HTTP 422) naming the field path and the problem
   */
  public static DepotManifest validate(Map<String, Object> document, ApplyContext context) {
    String name = Names.resourceName("name", ManifestHeader.requiredString(document, "name"));
    String version = ManifestHeader.requiredString(document, "version");
    if (!version.equals(VERSION)) {
      throw DatadockException.invalid(
          "version", "depot manifests are version v2alpha, not '" + Values.shorten(version) + "'");
    }
    ResourceKind kind = ManifestHeader.type(document);
    if (kind != ResourceKind.DEPOT) {
      throw DatadockException.invalid("type", "type must be depot, not '" + kind + "'");
    }
    String tenant = tenant(document, context);
    DepotBody body = body(document, name, tenant);
    String description =
        body.description() != null
            ? body.description()
            : ManifestHeader.optionalString(document, "description", "description");
    return new DepotManifest(
        name,
        VERSION,
        tenant,
        owner(document, context),
        ManifestHeader.layer(document),
        description,
        ManifestHeader.tags(document),
        body.shape(),
        body.sourceType(),
        body.declaredType(),
        body.connection(),
        body.secrets(),
        body.external(),
        body.source(),
        ScanBlock.read(document),
        ManifestHeader.resourceVersion(document));
  }

  private static DepotBody body(Map<String, Object> document, String name, String tenant) {
    Map<String, Object> spec = Values.optionalMap(document, "spec", "spec");
    Map<String, Object> depot = Values.optionalMap(document, "depot", "depot");
    if (spec != null && depot != null) {
      throw DatadockException.invalid(
          "spec",
          "a depot has either spec: (tenant shape) or depot: (instance-secret shape), not both");
    }
    if (spec != null) {
      return TenantShape.read(spec, name);
    }
    if (depot != null) {
      return InstanceSecretShape.read(depot, name, tenant);
    }
    throw DatadockException.invalid(
        "spec", "a depot needs spec: (tenant shape) or depot: (instance-secret shape)");
  }

  private static String tenant(Map<String, Object> document, ApplyContext context) {
    String tenant = ManifestHeader.optionalString(document, "tenant", "tenant");
    if (tenant == null) {
      tenant = context.tenantParam() != null ? context.tenantParam() : context.defaultTenant();
    }
    return Names.resourceName("tenant", tenant);
  }

  private static String owner(Map<String, Object> document, ApplyContext context) {
    String owner = ManifestHeader.optionalString(document, "owner", "owner");
    return owner == null ? context.callerId() : owner;
  }
}
