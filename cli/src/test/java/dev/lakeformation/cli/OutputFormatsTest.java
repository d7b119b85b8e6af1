package dev.lakeformation.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakeformation.core.arrow.IpcStreams;
import dev.lakeformation.jdbc.driver.LocalFixture;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every machine-readable format read back by a standard parser (Jackson for JSON, Commons CSV
 * for CSV) and compared, value by value, with what the driver gives through JDBC for the same
 * query: Local's type-coverage table (every type, edge values, a row of nulls) and TPC-H rows
 * with commas, quotes and line breaks.
 */
class OutputFormatsTest {
  private static final String ALL_TYPES = "SELECT * FROM types.all_types ORDER BY id";
  private static final String TPCH = "SELECT o_orderkey, o_orderdate, o_totalprice, o_comment,"
      + " 'say \"hi\", ' || CHAR(10) || o_clerk || CHAR(13) || CHAR(10) || '' AS tricky, '' AS empty"
      + " FROM tpch.orders ORDER BY o_orderkey LIMIT 300";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  static LocalFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalFixture.shared();
  }

  private static LfsqlRun lfsql(String format, String sql) {
    LfsqlRun run = LfsqlRun.of("--url", fixture.url("Database=tpch"), "--format", format, "-e", sql);
    assertEquals(0, run.exit(), run.err());
    return run;
  }

  @ParameterizedTest
  @ValueSource(strings = {ALL_TYPES, TPCH})
  void jsonIsAnArrayOfRowObjectsThatJacksonReadsBackExactly(String sql) throws Exception {
    JsonNode rows = JSON.readTree(lfsql("json", sql).out());
    assertTrue(rows.isArray());
    List<JsonNode> objects = new ArrayList<>();
    rows.forEach(objects::add);
    compareWithJdbc(sql, objects);
  }

  @ParameterizedTest
  @ValueSource(strings = {ALL_TYPES, TPCH})
  void jsonLinesHoldOneRowObjectPerLine(String sql) throws Exception {
    List<JsonNode> objects = new ArrayList<>();
    for (String line : lfsql("jsonl", sql).out().split("\n")) {
      objects.add(JSON.readTree(line));
    }
    compareWithJdbc(sql, objects);
  }

  @ParameterizedTest
  @ValueSource(strings = {ALL_TYPES, TPCH})
  void csvIsRfc4180ThatCommonsCsvReadsBackWithNullsApart(String sql) throws Exception {
    // ALL_NON_NULL: the parser reads an unquoted empty field as null and "" as the empty string.
    CSVFormat rfc4180 = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setQuoteMode(QuoteMode.ALL_NON_NULL).get();
    try (CSVParser parser = CSVParser.parse(lfsql("csv", sql).out(), rfc4180);
        Connection connection = fixture.connect("Database=tpch");
        ResultSet rs = connection.createStatement().executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> labels = new ArrayList<>();
      for (int c = 1; c <= md.getColumnCount(); c++) {
        labels.add(md.getColumnLabel(c));
      }
      assertEquals(labels, parser.getHeaderNames());
      List<CSVRecord> records = parser.getRecords();
      int row = 0;
      while (rs.next()) {
        CSVRecord record = records.get(row++);
        for (int c = 1; c <= labels.size(); c++) {
          String field = record.get(c - 1);
          String where = "row " + row + " " + labels.get(c - 1);
          if (md.getColumnType(c) == Types.ARRAY) {
            Array array = rs.getArray(c);
            if (array == null) {
              assertNull(field, where);
            } else {
              assertSameValue(array, Types.ARRAY, JSON.readTree(field), where);
            }
          } else {
            assertEquals(rs.getString(c), field, where);
          }
        }
      }
      assertEquals(row, records.size());
    }
  }

  /** Each JSON object against the same row read through JDBC, key by key and value by value. */
  private static void compareWithJdbc(String sql, List<JsonNode> objects) throws Exception {
    try (Connection connection = fixture.connect("Database=tpch"); ResultSet rs = connection.createStatement().executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      int row = 0;
      while (rs.next()) {
        JsonNode object = objects.get(row++);
        assertEquals(md.getColumnCount(), object.size());
        for (int c = 1; c <= md.getColumnCount(); c++) {
          String label = md.getColumnLabel(c);
          int type = md.getColumnType(c);
          Object expected = switch (type) {
            case Types.DATE -> rs.getObject(c, LocalDate.class);
            case Types.TIME -> rs.getObject(c, LocalTime.class);
            case Types.TIMESTAMP -> rs.getObject(c, LocalDateTime.class);
            default -> rs.getObject(c);
          };
          assertTrue(object.has(label), label);
          assertSameValue(expected, type, object.get(label), "row " + row + " " + label);
        }
      }
      assertEquals(row, objects.size());
    }
  }

  private static void assertSameValue(Object expected, int type, JsonNode node, String where) throws SQLException {
    if (expected == null) {
      assertTrue(node.isNull(), where + ": " + node);
    } else if (expected instanceof Integer || expected instanceof Long) {
      assertTrue(node.isIntegralNumber(), where + ": " + node);
      assertEquals(((Number) expected).longValue(), node.longValue(), where);
    } else if (expected instanceof BigDecimal d) {
      assertTrue(node.isNumber(), where + ": " + node);
      assertEquals(0, d.compareTo(node.decimalValue()), where + ": " + node);
    } else if (expected instanceof Double d) {
      assertEquals(d, node.decimalValue().doubleValue(), where);
    } else if (expected instanceof Float f) {
      assertEquals(f, node.decimalValue().floatValue(), where);
    } else if (expected instanceof Boolean b) {
      assertTrue(node.isBoolean(), where + ": " + node);
      assertEquals(b, node.booleanValue(), where);
    } else if (expected instanceof byte[] bytes) {
      assertArrayEquals(bytes, Base64.getDecoder().decode(node.textValue()), where);
    } else if (expected instanceof LocalDate d) {
      assertEquals(d, LocalDate.parse(node.textValue()), where);
    } else if (expected instanceof LocalTime t) {
      assertEquals(t, LocalTime.parse(node.textValue()), where);
    } else if (expected instanceof LocalDateTime t) {
      assertEquals(t, LocalDateTime.parse(node.textValue()), where);
    } else if (expected instanceof OffsetDateTime t) {
      assertEquals(t, OffsetDateTime.parse(node.textValue()), where);
    } else if (expected instanceof Array array) {
      Object[] elements = (Object[]) array.getArray();
      assertTrue(node.isArray(), where + ": " + node);
      assertEquals(elements.length, node.size(), where);
      for (int i = 0; i < elements.length; i++) {
        assertSameValue(elements[i], Types.OTHER, node.get(i), where + "[" + i + "]");
      }
    } else {
      assertTrue(expected instanceof String, where + ": unexpected " + expected.getClass() + " for type " + type);
      assertEquals(expected, node.textValue(), where);
    }
  }

  @Test
  void structsMapsAndNonFiniteNumbersInEveryFormat() throws Exception {
    String sql;
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(List.of(
            field("d", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            field("f", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
            field("point", ArrowType.Struct.INSTANCE, field("x", new ArrowType.Int(32, true)),
                field("label", ArrowType.Utf8.INSTANCE)),
            new Field("tags", FieldType.nullable(new ArrowType.Map(false)), List.of(new Field("entries",
                FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
                    new Field("key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                    field("value", new ArrowType.Int(64, true)))))))), allocator)) {
      root.allocateNew();
      Float8Vector d = (Float8Vector) root.getVector("d");
      d.setSafe(0, Double.NaN);
      d.setSafe(1, Double.POSITIVE_INFINITY);
      d.setSafe(2, Double.NEGATIVE_INFINITY);
      Float4Vector f = (Float4Vector) root.getVector("f");
      f.setSafe(0, Float.NaN);
      f.setSafe(1, Float.POSITIVE_INFINITY);
      f.setSafe(2, 1.5f);
      StructVector point = (StructVector) root.getVector("point");
      ((IntVector) point.getChild("x")).setSafe(0, 7);
      ((VarCharVector) point.getChild("label")).setSafe(0, "a \"b\"".getBytes(UTF_8));
      point.setIndexDefined(0);
      ((IntVector) point.getChild("x")).setSafe(1, 8);
      ((VarCharVector) point.getChild("label")).setNull(1);
      point.setIndexDefined(1);
      point.setNull(2);
      MapVector tags = (MapVector) root.getVector("tags");
      StructVector pairs = (StructVector) tags.getDataVector();
      int at = tags.startNewValue(0);
      ((VarCharVector) pairs.getChild("key")).setSafe(at, "zeta".getBytes(UTF_8));
      ((BigIntVector) pairs.getChild("value")).setSafe(at, 26);
      pairs.setIndexDefined(at);
      ((VarCharVector) pairs.getChild("key")).setSafe(at + 1, "alpha".getBytes(UTF_8));
      ((BigIntVector) pairs.getChild("value")).setNull(at + 1);
      pairs.setIndexDefined(at + 1);
      tags.endValue(0, 2);
      tags.startNewValue(1);
      tags.endValue(1, 0);
      tags.setNull(2);
      root.setRowCount(3);
      String queryId = fixture.local.publishQuery("lfsql formats", List.of(IpcStreams.of(root)));
      sql = "SELECT * FROM system.query_results WHERE query_id = '" + queryId + "'";
    }
    assertEquals("""
        {"d":"NaN","f":"NaN","point":{"x":7,"label":"a \\"b\\""},"tags":{"zeta":26,"alpha":null}}
        {"d":"Infinity","f":"Infinity","point":{"x":8,"label":null},"tags":{}}
        {"d":"-Infinity","f":1.5,"point":null,"tags":null}
        """, lfsql("jsonl", sql).out());
    assertEquals("""
        [
        {"d":"NaN","f":"NaN","point":{"x":7,"label":"a \\"b\\""},"tags":{"zeta":26,"alpha":null}},
        {"d":"Infinity","f":"Infinity","point":{"x":8,"label":null},"tags":{}},
        {"d":"-Infinity","f":1.5,"point":null,"tags":null}
        ]
        """, lfsql("json", sql).out());
    // (a text block cannot hold the runs of quotes that CSV doubles)
    assertEquals(String.join("\n",
        "d,f,point,tags",
        "NaN,NaN,\"{\"\"x\"\":7,\"\"label\"\":\"\"a \\\"\"b\\\"\"\"\"}\",\"{\"\"zeta\"\":26,\"\"alpha\"\":null}\"",
        "Infinity,Infinity,\"{\"\"x\"\":8,\"\"label\"\":null}\",{}",
        "-Infinity,1.5,,", ""), lfsql("csv", sql).out());
  }

  private static Field field(String name, ArrowType type, Field... children) {
    return new Field(name, FieldType.nullable(type), List.of(children));
  }

  @Test
  void anEmptyResultIsAnEmptyArrayNoLinesOrAHeaderAlone() {
    String none = "SELECT r_regionkey, r_name FROM tpch.region WHERE r_regionkey < 0";
    assertEquals("[]\n", lfsql("json", none).out());
    assertEquals("", lfsql("jsonl", none).out());
    assertEquals("r_regionkey,r_name\n", lfsql("csv", none).out());
  }
}
