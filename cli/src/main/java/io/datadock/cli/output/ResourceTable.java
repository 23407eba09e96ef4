package io.datadock.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The listing of {@code get}: {@code NAME | VERSION | TYPE | STATUS | RUNTIME | OWNER}, as
 * dataos-ctl prints it, with a WORKSPACE column after TYPE only when it is asked for: when the
 * listing holds a workspace-level resource (a v1 secret).
 */
public final class ResourceTable {

  private final boolean workspace;
  private final Table table;

  private ResourceTable(boolean workspace) {
    this.workspace = workspace;
    List<String> headers = new ArrayList<>(List.of("NAME", "VERSION", "TYPE"));
    if (workspace) {
      headers.add("WORKSPACE");
    }
    headers.addAll(List.of("STATUS", "RUNTIME", "OWNER"));
    this.table = new Table(headers);
  }

  /** A table of these resources, with WORKSPACE if one of them is workspace-level. */
  public static ResourceTable of(Iterable<JsonNode> items) {
    boolean workspace = false;
    for (JsonNode item : items) {
      workspace |= !ResourceDetails.text(item, "workspace").isEmpty();
    }
    ResourceTable table = new ResourceTable(workspace);
    items.forEach(table::add);
    return table;
  }

  /** An empty table, with or without the WORKSPACE column. */
  public static ResourceTable empty(boolean workspace) {
    return new ResourceTable(workspace);
  }

  public ResourceTable add(JsonNode item) {
    table.row(cells(item));
    return this;
  }

  public String render() {
    return table.render();
  }

  /** A row for {@code item} aligned with the rows so far (see {@link Table#align}). */
  public String align(JsonNode item) {
    return table.align(cells(item));
  }

  private String[] cells(JsonNode item) {
    List<String> cells =
        new ArrayList<>(
            List.of(
                ResourceDetails.text(item, "name"),
                ResourceDetails.text(item, "version"),
                ResourceDetails.text(item, "type")));
    if (workspace) {
      cells.add(ResourceDetails.text(item, "workspace"));
    }
    cells.add(ResourceDetails.text(item, "status"));
    cells.add(ResourceDetails.text(item, "runtime"));
    cells.add(ResourceDetails.text(item, "owner"));
    return cells.toArray(String[]::new);
  }
}
