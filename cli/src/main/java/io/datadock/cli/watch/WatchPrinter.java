package io.datadock.cli.watch;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.cli.output.ResourceTable;
import java.io.PrintWriter;
import java.util.List;

/**
 * A watch as {@code datadock get} prints it: the table of the resources at the start, as without
 * {@code --watch}, then one row per change, aligned with that table and ending with the change's
 * kind ({@code ADDED}, {@code MODIFIED}, {@code DELETED}).
 */
public final class WatchPrinter implements ResourceWatch.Listener {

  private final PrintWriter out;
  private final WatchedResources watched;
  private final boolean workspace;
  private ResourceTable table;
  private int changes;

  /**
   * @param workspace whether the table has a WORKSPACE column: chosen before any row is known, so
   *     for the type that may hold workspace-level resources (secret)
   */
  public WatchPrinter(PrintWriter out, WatchedResources watched, boolean workspace) {
    this.out = out;
    this.watched = watched;
    this.workspace = workspace;
  }

  @Override
  public void snapshot(List<JsonNode> resources) {
    List<WatchedResources.Change> changed = watched.snapshot(resources);
    if (table == null) {
      table = ResourceTable.empty(workspace);
      changed.forEach(c -> table.add(c.resource()));
      out.print(table.render());
      out.flush();
    } else {
      changed.forEach(this::print);
    }
  }

  @Override
  public void change(String type, JsonNode resource) {
    watched.event(type, resource).ifPresent(this::print);
  }

  /** How many change rows have been printed (the table's rows not counted). */
  public int changes() {
    return changes;
  }

  private void print(WatchedResources.Change change) {
    out.println(table.align(change.resource()) + " | " + change.kind());
    out.flush();
    changes++;
  }
}
