package dev.lakeformation.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lakeformation.docs.MarkdownBlocks.CodeBlock;
import dev.lakeformation.docs.MarkdownBlocks.Marker;
import dev.lakeformation.docs.MarkdownBlocks.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownBlocksTest {
  @Test
  void aBlockHasItsLanguageLinesAndTheMarkersRightAboveIt() {
    Page page = MarkdownBlocks.read("a.md", """
        # Title

        <!-- docs-test: skip: needs an AWS account -->
        <!-- docs-test: skip: has … to fill in -->
        ```Bash title="x"
        echo 1
        ```
        """);
    CodeBlock block = page.blocks().get(0);
    assertEquals("bash", block.language());
    assertEquals(5, block.line());
    assertEquals(List.of("echo 1"), block.lines());
    assertEquals(6, block.lineOf(0));
    assertEquals(List.of(new Marker("a.md", 3, "skip: needs an AWS account"), new Marker("a.md", 4,
        "skip: has … to fill in")), block.markers());
    assertEquals(List.of(), page.strayMarkers());
  }

  @Test
  void aFenceInAListItemLosesItsIndentationAndOnlyALongEnoughFenceOfTheSameKindClosesIt() {
    Page page = MarkdownBlocks.read("a.md", """
        - item

          ````sh
          a
            b
          ```
          ~~~
          ````
        ~~~
        c
        ~~~
        """);
    assertEquals(List.of("a", "  b", "```", "~~~"), page.blocks().get(0).lines());
    assertEquals("", page.blocks().get(1).language());
    assertEquals(List.of("c"), page.blocks().get(1).lines());
  }

  @Test
  void aMarkerAwayFromAFenceOrInsideABlockIsNoBlocksMarker() {
    Page page = MarkdownBlocks.read("a.md", """
        <!-- docs-test: skip: needs an AWS account -->

        ```sh
        <!-- docs-test: skip: needs an AWS account -->
        ```
        <!-- docs-test: skip: builds the project itself -->
        """);
    assertEquals(List.of(), page.blocks().get(0).markers());
    assertEquals(List.of(1, 6), page.strayMarkers().stream().map(Marker::line).toList());
  }

  @Test
  void anUnclosedFenceIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MarkdownBlocks.read("a.md", "text\n```sh\nls\n"));
    assertEquals("a.md:2: this code block is never closed", e.getMessage());
  }
}
