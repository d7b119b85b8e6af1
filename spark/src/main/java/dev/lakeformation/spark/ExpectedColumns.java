package dev.lakeformation.spark;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.api.WorkUnit;
import dev.lakeformation.spark.column.ArrowColumns;
import java.io.Serializable;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What a scan of a table read by name expects of its query's results: the columns Spark was
 * told it reads, with the catalog's names and types, in order. The query's schema is not read
 * on the Spark driver (that would fetch a work unit twice); each task checks the first unit it
 * opens instead, so a table changed since {@code load()} fails its tasks with a clear message.
 */
record ExpectedColumns(String table, StructType columns) implements Serializable {
  /** Throws unless {@code fields}, the schema of {@code unit}, reads as Spark was told. */
  void check(List<Field> fields, WorkUnit unit) throws LakeFormationException {
    StructField[] got = ArrowColumns.sparkSchema(fields).fields();
    StructField[] asked = columns.fields();
    for (int i = 0; i < asked.length; i++) {
      if (i >= got.length || !got[i].name().equalsIgnoreCase(asked[i].name())
          || !got[i].dataType().sameType(asked[i].dataType())) {
        throw new LakeFormationException(SqlState.DATA_EXCEPTION, "Table " + table + " does not read as its"
            + " catalog described it when it was loaded: column " + asked[i].name() + " is "
            + asked[i].dataType().simpleString() + " in the catalog, but " + unit + " holds "
            + (i < got.length ? got[i].name() + " " + got[i].dataType().simpleString() : "no such column")
            + ". Load the table again if it has changed, or read it with the query option.");
      }
    }
  }
}
