package dev.lakeformation.jdbc.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamePatternTest {
  @Test
  void wildcardsEscapesAndCase() {
    assertTrue(NamePattern.of(null).matches("anything"));
    assertTrue(NamePattern.of("%").matches(""));
    assertTrue(NamePattern.of("line%").matches("LINEITEM"));
    assertTrue(NamePattern.of("_egion").matches("region"));
    assertFalse(NamePattern.of("_egion").matches("eregion"));
    assertTrue(NamePattern.of("query\\_results").matches("query_results"));
    assertFalse(NamePattern.of("query\\_results").matches("queryXresults"));
    assertTrue(NamePattern.of("%a%b%").matches("xxaxxbxx"));
    assertFalse(NamePattern.of("%a%b%").matches("xxbxxaxx"));
  }

  @Test
  void exactNamesAreRecognised() {
    assertEquals("query_results", NamePattern.of("query\\_results").exactName());
    assertEquals("tpch", NamePattern.of("tpch").exactName());
    assertNull(NamePattern.of("tp%").exactName());
    assertNull(NamePattern.of(null).exactName());
  }
}
