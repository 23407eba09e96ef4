package io.datadock.connectors.objectstore.azure;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.objectstore.LocationFields;
import io.datadock.connectors.objectstore.StoreLocation;
import io.datadock.core.manifest.depot.SourceType;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where an abfss or wasbs depot points: its storage {@code account}, its {@code container}, the
 * prefix under it ({@code relativePath}) and the Blob service it is reached through. Both types go
 * through the Blob endpoint, which an ADLS Gen2 (hierarchical namespace) account serves too: {@code
 * https://<account>.blob.<endpointSuffix>} (default suffix {@value #DEFAULT_SUFFIX}; a suffix given
 * as DataOS writes it, {@code dfs.core.windows.net} or {@code blob.core.windows.net}, is read as
 * the same cloud), or the depot's {@code endpoint} (an emulator such as Azurite, addressed
 * path-style: {@code <endpoint>/<account>}).
 */
public record AzureLocation(
    SourceType type,
    String account,
    String container,
    String prefix,
    URI serviceUrl,
    boolean custom)
    implements StoreLocation {

  static final String DEFAULT_SUFFIX = "core.windows.net";

  /** Azure's rules: 3–24 lower-case letters and digits. */
  private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");

  /** Azure's rules: 3–63 lower-case letters, digits and single dashes, not at either end. */
  private static final Pattern CONTAINER = Pattern.compile("[a-z0-9](?:-?[a-z0-9]){2,62}");

  /**
   * @throws UnsafeConnectionField when a field is missing or not usable (naming the field)
   */
  public static AzureLocation of(SourceType type, SourceConnection connection) {
    String account = required(connection, "account");
    if (!ACCOUNT.matcher(account).matches()) {
      throw new UnsafeConnectionField(
          "account must be 3 to 24 lower-case letters and digits (an Azure storage account name)");
    }
    String container = required(connection, "container");
    if (container.length() > 63 || !CONTAINER.matcher(container).matches()) {
      throw new UnsafeConnectionField(
          "container must be 3 to 63 lower-case letters, digits and single dashes");
    }
    String prefix = LocationFields.prefix(connection);
    String endpoint = connection.string("endpoint");
    if (endpoint != null && !endpoint.isBlank()) {
      URI base = LocationFields.endpoint(endpoint);
      URI service = URI.create(base.getScheme() + "://" + base.getRawAuthority() + "/" + account);
      return new AzureLocation(type, account, container, prefix, service, true);
    }
    URI service = URI.create("https://" + account + ".blob." + suffix(connection));
    return new AzureLocation(type, account, container, prefix, service, false);
  }

  @Override
  public String host() {
    return serviceUrl.getHost();
  }

  @Override
  public int port() {
    return LocationFields.port(serviceUrl);
  }

  /** {@code abfss://container@account/prefix}, for messages and dataset paths. */
  @Override
  public String describe() {
    return root() + prefix;
  }

  /** {@code abfss://container@account/}. */
  public String root() {
    return type.canonical() + "://" + container + "@" + account + "/";
  }

  /**
   * The cloud's suffix without the service: {@code core.windows.net}, {@code
   * core.chinacloudapi.cn}.
   */
  private static String suffix(SourceConnection connection) {
    String suffix = connection.string("endpointSuffix");
    if (suffix == null || suffix.isBlank()) {
      return DEFAULT_SUFFIX;
    }
    String cloud = suffix.strip().toLowerCase(Locale.ROOT);
    for (String service : new String[] {"dfs.", "blob."}) {
      if (cloud.startsWith(service)) {
        cloud = cloud.substring(service.length());
      }
    }
    if (!cloud.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
      throw new UnsafeConnectionField("endpointSuffix must be a domain such as core.windows.net");
    }
    return cloud;
  }

  private static String required(SourceConnection connection, String field) {
    String value = connection.string(field);
    if (value == null || value.isBlank()) {
      throw new UnsafeConnectionField("the connection has no '" + field + "'");
    }
    return value.strip();
  }
}
