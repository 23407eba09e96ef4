package io.datadock.local.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  void headingsGiveTheAnchorsGitHubGivesThem() {
    Markdown md =
        new Markdown(
            "# Datadock\n"
                + "## HTTP API (v1)\n"
                + "### Replay (operators)\n"
                + "## `Topics` and [links](x.md) and **bold**\n"
                + "## Notes\n"
                + "## Notes\n"
                + "<a id=\"custom\"></a>\n");

    assertThat(md.anchors())
        .containsExactly(
            "datadock",
            "http-api-v1",
            "replay-operators",
            "topics-and-links-and-bold",
            "notes",
            "notes-1",
            "custom");
  }

  @Test
  void linksAreReadFromProseNotFromCode() {
    Markdown md =
        new Markdown(
            "See [the API](docs/api.md#errors) and ![a picture](img/a.png).\n"
                + "Not `[code](nowhere.md)`.\n"
                + "```md\n"
                + "[in a block](nowhere.md)\n"
                + "```\n"
                + "[ref]: docs/cli.md\n"
                + "[`cli/README.md`](cli/README.md)\n");

    assertThat(md.links())
        .extracting(Markdown.Link::target)
        .containsExactly("docs/api.md#errors", "img/a.png", "docs/cli.md", "cli/README.md");
    assertThat(md.links().get(0).line()).isEqualTo(1);
  }

  @Test
  void codeSpansKnowWhetherTheyLabelAListItem() {
    Markdown md = new Markdown("- `kafka`: `TopicTail` reads a topic\n" + "Plain `kafka` here.\n");

    assertThat(md.codeSpans())
        .containsExactly(
            new Markdown.CodeSpan("kafka", 1, true),
            new Markdown.CodeSpan("TopicTail", 1, false),
            new Markdown.CodeSpan("kafka", 2, false));
  }

  @Test
  void aFenceClosesOnlyWithItsOwnMarker() {
    Markdown md = new Markdown("````\n```\n[x](a.md)\n```\n````\n[y](b.md)\n");

    assertThat(md.links()).extracting(Markdown.Link::target).containsExactly("b.md");
  }
}
