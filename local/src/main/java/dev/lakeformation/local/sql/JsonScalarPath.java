package dev.lakeformation.local.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSONPath subset of Athena's {@code json_extract_scalar}: {@code $} followed by member
 * steps ({@code .name} or {@code ["name"]}) and array steps ({@code [0]}). The document is
 * streamed and only the path's branch is read; the value found is returned as text when it is
 * a scalar (a string without its quotes, a number as written, {@code true} or {@code false}),
 * and as NULL when it is missing, an object, an array or JSON null, or when the document is not
 * valid JSON. A path outside the subset is an error, as in Athena.
 */
final class JsonScalarPath {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Map<String, JsonScalarPath> CACHE = new ConcurrentHashMap<>();
  private static final int CACHE_LIMIT = 256;

  /** One step: a member name, or (when name is null) an array index. */
  private record Step(String name, int index) {}

  private final List<Step> steps;

  private JsonScalarPath(List<Step> steps) {
    this.steps = steps;
  }

  static JsonScalarPath of(String path) throws SQLException {
    JsonScalarPath cached = CACHE.get(path);
    if (cached == null) {
      cached = new JsonScalarPath(parse(path));
      if (CACHE.size() >= CACHE_LIMIT) {
        CACHE.clear();
      }
      CACHE.put(path, cached);
    }
    return cached;
  }

  String extract(String json) {
    try (JsonParser parser = JSON.createParser(json)) {
      JsonToken token = parser.nextToken();
      for (Step step : steps) {
        if (!enter(parser, token, step)) {
          return null;
        }
        token = parser.currentToken();
      }
      return token != null && token.isScalarValue() && token != JsonToken.VALUE_NULL ? parser.getText() : null;
    } catch (IOException e) {
      return null; // not valid JSON
    }
  }

  /** Moves the parser onto the value {@code step} selects in the value at {@code token}; false if there is none. */
  private static boolean enter(JsonParser parser, JsonToken token, Step step) throws IOException {
    if (step.name != null && token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String member = parser.currentName();
        parser.nextToken();
        if (member.equals(step.name)) {
          return true;
        }
        parser.skipChildren();
      }
      return false;
    }
    if (step.name == null && token == JsonToken.START_ARRAY) {
      for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
        if (i == step.index) {
          return true;
        }
        parser.skipChildren();
      }
    }
    return false;
  }

  private static List<Step> parse(String path) throws SQLException {
    if (!path.startsWith("$")) {
      throw invalid(path);
    }
    List<Step> steps = new ArrayList<>();
    int at = 1;
    while (at < path.length()) {
      char c = path.charAt(at);
      if (c == '.') {
        int end = at + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        String name = path.substring(at + 1, end);
        if (name.isEmpty() || name.equals("*")) {
          throw invalid(path);
        }
        steps.add(new Step(name, -1));
        at = end;
      } else if (c == '[' && at + 1 < path.length() && path.charAt(at + 1) == '"') {
        StringBuilder name = new StringBuilder();
        int i = at + 2;
        for (; i < path.length() && path.charAt(i) != '"'; i++) {
          if (path.charAt(i) == '\\' && i + 1 < path.length()) {
            i++;
          }
          name.append(path.charAt(i));
        }
        if (i + 1 >= path.length() || path.charAt(i + 1) != ']') {
          throw invalid(path);
        }
        steps.add(new Step(name.toString(), -1));
        at = i + 2;
      } else if (c == '[') {
        int end = path.indexOf(']', at);
        if (end < 0) {
          throw invalid(path);
        }
        try {
          int index = Integer.parseInt(path.substring(at + 1, end).trim());
          if (index < 0) {
            throw invalid(path);
          }
          steps.add(new Step(null, index));
        } catch (NumberFormatException e) {
          throw invalid(path);
        }
        at = end + 1;
      } else {
        throw invalid(path);
      }
    }
    return List.copyOf(steps);
  }

  private static SQLException invalid(String path) {
    return new SQLException("Invalid JSON path: '" + path + "'", "22023");
  }
}
