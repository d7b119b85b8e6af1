package dev.lakeformation.local.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.util.deparser.ExpressionDeParser;
import net.sf.jsqlparser.util.deparser.SelectDeParser;
import net.sf.jsqlparser.util.deparser.StatementDeParser;

/**
 * Athena SQL turned into SQL H2 runs with Athena's meaning, for the forms H2 lacks or reads
 * differently:
 *
 * <ul>
 *   <li>{@code GROUP BY 1, 2}: positions in the select list (H2 would group by the constants);
 *   <li>{@code AwsDataCatalog.db.t}: a table named with its data catalog, as SQL tools write it;
 *   <li>{@code TRY_CAST(x AS t)}: NULL where the cast fails ({@link TryCast});
 *   <li>{@code element_at(array, i)}: 1-based, negative from the end, NULL out of range;
 *   <li>{@code contains(array, x)}: NULL, not false, when x is absent but the array holds a NULL;
 *   <li>{@code cardinality(x)}: BIGINT, as in Athena;
 *   <li>{@code approx_distinct(x)}: an exact {@code COUNT(DISTINCT x)} (Athena's estimate is within
 *       2.3% of it);
 *   <li>{@code date_add(unit, n, t)}: H2's DATEADD, after checking the unit is one Athena knows;
 *   <li>{@code TIMESTAMP '2020-03-01 00:00:00 UTC'}: a TIMESTAMP WITH TIME ZONE, as in Athena (H2
 *       would convert it to a TIMESTAMP in the session's zone).
 * </ul>
 *
 * <p>These return the type of their arguments, so they cannot be H2 user functions, whose type
 * is fixed by a Java method; Athena functions with a fixed type are ({@link AthenaFunctions}).
 * The statement is parsed with JSqlParser and printed again only when one of these forms occurs:
 * any other statement, and any statement JSqlParser cannot read, reaches H2 exactly as written.
 */
public final class AthenaSql {
  /** The one data catalog LakeFormation Local serves; its databases are H2's schemas. */
  public static final String CATALOG = "AwsDataCatalog";
  /** The H2 user functions the rewrites call. */
  static final String ELEMENT_INDEX = "lf_element_index";
  static final String TRY_CAST = "lf_try_cast";

  /** A quoted timestamp followed by a zone: Z, an offset (+05:30) or a region (UTC, America/New_York). */
  private static final Pattern ZONED_TIMESTAMP = Pattern.compile(
      "'\\s*[0-9-]+[ T][0-9:.]+\\s*(Z|[+-][0-9]{1,2}(:?[0-9]{2})?|[A-Za-z][A-Za-z0-9_/+-]*)\\s*'");
  private static final Set<String> DATE_ADD_UNITS =
      Set.of("millisecond", "second", "minute", "hour", "day", "week", "month", "quarter", "year");

  private AthenaSql() {}

  /** {@code sql} as H2 should run it; an SQLException for a form Athena itself would reject. */
  public static String toH2(String sql) throws SQLException {
    Statement statement;
    try {
      statement = CCJSqlParserUtil.parse(sql);
    } catch (JSQLParserException | RuntimeException e) {
      return sql; // H2 reports the error in its own words
    }
    StringBuilder out = new StringBuilder();
    Rewriter expressions = new Rewriter();
    Selects selects = new Selects(expressions, out);
    expressions.setSelectVisitor(selects);
    expressions.setBuilder(out);
    try {
      statement.accept(new StatementDeParser(expressions, selects, out));
    } catch (RewriteError e) {
      throw e.sqlException;
    } catch (RuntimeException e) {
      // JSqlParser read the statement but cannot print it (it fails on some H2 forms, such as a
      // CAST to a ROW type): H2 gets it as written, which is still right for all but the forms above.
      return sql;
    }
    return expressions.rewritten || selects.rewritten ? out.toString() : sql;
  }

  /** Carries an SQLException out of JSqlParser's visitor methods, which cannot throw checked ones. */
  private static final class RewriteError extends RuntimeException {
    final SQLException sqlException;

    RewriteError(String message) {
      super(message, null, false, false);
      this.sqlException = new SQLException(message, "42000");
    }
  }

  /** Prints expressions, replacing the Athena functions H2 lacks. */
  private static final class Rewriter extends ExpressionDeParser {
    boolean rewritten;

    @Override
    public <S> StringBuilder visit(Function function, S context) {
      String replacement = replacement(function);
      if (replacement == null) {
        return super.visit(function, context);
      }
      rewritten = true;
      return getBuilder().append(replacement);
    }

    /** Athena reads {@code TIMESTAMP '… +05:00'} as a TIMESTAMP WITH TIME ZONE; H2 would convert it to UTC. */
    @Override
    public <S> StringBuilder visit(DateTimeLiteralExpression literal, S context) {
      if (literal.getType() != DateTimeLiteralExpression.DateTime.TIMESTAMP
          || !ZONED_TIMESTAMP.matcher(literal.getValue()).matches()) {
        return super.visit(literal, context);
      }
      rewritten = true;
      return getBuilder().append("TIMESTAMP WITH TIME ZONE ").append(literal.getValue());
    }

    @Override
    public <S> StringBuilder visit(CastExpression cast, S context) {
      if (!"TRY_CAST".equalsIgnoreCase(cast.keyword)) {
        return super.visit(cast, context);
      }
      rewritten = true;
      String type = cast.getColDataType().toString();
      return getBuilder().append("CAST(").append(TRY_CAST).append("((").append(sql(cast.getLeftExpression()))
          .append("), ARRAY[CAST(NULL AS ").append(type).append(")]) AS ").append(type).append(')');
    }

    private String replacement(Function function) {
      ExpressionList<?> args = function.getParameters();
      if (function.getMultipartName().size() != 1 || function.isDistinct() || function.isAllColumns()
          || function.getOrderByElements() != null || function.getNamedParameters() != null
          || function.getKeep() != null || args == null) {
        return null;
      }
      String name = function.getName().toLowerCase(Locale.ROOT);
      return switch (name + "/" + args.size()) {
        case "approx_distinct/1", "approx_distinct/2" -> "COUNT(DISTINCT (" + sql(args.get(0)) + "))";
        case "cardinality/1" -> "CAST(CARDINALITY((" + sql(args.get(0)) + ")) AS BIGINT)";
        case "element_at/2" -> {
          String array = "(" + sql(args.get(0)) + ")";
          yield array + "[" + ELEMENT_INDEX + "(CARDINALITY(" + array + "), " + sql(args.get(1)) + ")]";
        }
        case "contains/2" -> {
          String array = "(" + sql(args.get(0)) + ")";
          String element = "(" + sql(args.get(1)) + ")";
          yield "CASE WHEN " + array + " IS NULL OR " + element + " IS NULL THEN NULL WHEN ARRAY_CONTAINS(" + array
              + ", " + element + ") THEN TRUE WHEN ARRAY_CONTAINS(" + array + ", NULL) THEN NULL ELSE FALSE END";
        }
        case "date_add/3" -> {
          if (args.get(0) instanceof StringValue unit
              && !DATE_ADD_UNITS.contains(unit.getValue().toLowerCase(Locale.ROOT))) {
            throw new RewriteError("'" + unit.getValue() + "' is not a valid TIMESTAMP field");
          }
          yield "DATEADD(" + sql(args.get(0)) + ", " + sql(args.get(1)) + ", " + sql(args.get(2)) + ")";
        }
        default -> null;
      };
    }

    /** The SQL of {@code expression} as this deparser prints it (rewrites within it included). */
    private String sql(Expression expression) {
      StringBuilder builder = getBuilder();
      int start = builder.length();
      expression.accept(this, null);
      String sql = builder.substring(start);
      builder.setLength(start);
      return sql;
    }
  }

  /**
   * Replaces the integer literals of a GROUP BY with the select-list expressions they point
   * at, before the select is printed (ORDER BY positions H2 already reads as Athena does).
   */
  private static final class Selects extends SelectDeParser {
    boolean rewritten;

    Selects(ExpressionDeParser expressions, StringBuilder out) {
      super(expressions, out);
    }

    /**
     * Athena names a table by data catalog, database and name; H2's catalog is its own database,
     * so the data catalog LakeFormation Local serves ({@link #CATALOG}) is left out.
     */
    @Override
    public <S> StringBuilder visit(Table table, S context) {
      String catalog = table.getUnquotedDatabaseName();
      if (catalog != null && catalog.equalsIgnoreCase(CATALOG)) {
        // The parts run from the table's own name to the catalog's: the last one goes.
        List<String> parts = new ArrayList<>(table.getNameParts());
        parts.remove(parts.size() - 1);
        table.setNameParts(parts);
        rewritten = true;
      }
      return super.visit(table, context);
    }

    @Override
    public <S> StringBuilder visit(PlainSelect select, S context) {
      if (select.getGroupBy() != null) {
        replaceOrdinals(select, select.getGroupBy().getGroupByExpressionList());
      }
      return super.visit(select, context);
    }

    private void replaceOrdinals(PlainSelect select, ExpressionList<Expression> groupBy) {
      if (groupBy == null) {
        return;
      }
      for (int i = 0; i < groupBy.size(); i++) {
        if (groupBy.get(i) instanceof LongValue position) {
          groupBy.set(i, selected(select, position.getValue()));
          rewritten = true;
        }
      }
    }

    private static Expression selected(PlainSelect select, long position) {
      var items = select.getSelectItems();
      if (position < 1 || position > items.size()) {
        throw new RewriteError("GROUP BY position " + position + " is not in select list");
      }
      for (int i = 0; i < position; i++) {
        Expression item = items.get(i).getExpression();
        if (item instanceof AllColumns) { // * and t.* alike
          throw new RewriteError("GROUP BY position " + position + " cannot be resolved after a * in the select"
              + " list by LakeFormation Local; name the column instead");
        }
      }
      return items.get((int) position - 1).getExpression();
    }
  }
}
