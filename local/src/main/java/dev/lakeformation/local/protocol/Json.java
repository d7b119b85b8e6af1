package dev.lakeformation.local.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Function;

/**
 * Reading request members with the model's types, and writing responses. A member of the
 * wrong JSON type is the caller's error, reported through {@code invalid} in the shape of the
 * API at hand (InvalidInputException for Lake Formation, InvalidRequestException for Athena).
 */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private final JsonNode body;
  private final Function<String, ServiceError> invalid;

  private Json(JsonNode body, Function<String, ServiceError> invalid) {
    this.body = body;
    this.invalid = invalid;
  }

  public static Json parse(byte[] bytes, Function<String, ServiceError> invalid) {
    if (bytes.length == 0) {
      return new Json(JsonNodeFactory.instance.objectNode(), invalid);
    }
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw invalid.apply("The request body must be a JSON object.");
      }
      return new Json(node, invalid);
    } catch (JsonProcessingException e) {
      throw invalid.apply("The request body is not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw invalid.apply("The request body could not be read.");
    }
  }

  public Json object(String member) {
    JsonNode node = body.get(member);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw invalid.apply(member + " must be an object.");
    }
    return new Json(node, invalid);
  }

  public Json requiredObject(String member) {
    Json value = object(member);
    if (value == null) {
      throw invalid.apply(member + " is required.");
    }
    return value;
  }

  public String string(String member) {
    JsonNode node = body.get(member);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw invalid.apply(member + " must be a string.");
    }
    return node.textValue();
  }

  public String requiredString(String member) {
    String value = string(member);
    if (value == null || value.isEmpty()) {
      throw invalid.apply(member + " is required.");
    }
    return value;
  }

  public Long longValue(String member) {
    JsonNode node = body.get(member);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw invalid.apply(member + " must be an integer.");
    }
    return node.longValue();
  }

  public Integer intValue(String member) {
    JsonNode node = body.get(member);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw invalid.apply(member + " must be a 32-bit integer.");
    }
    return node.intValue();
  }

  /** A timestamp member in the JSON protocols' default format: epoch seconds, fractions allowed. */
  public Instant epochSeconds(String member) {
    JsonNode node = body.get(member);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isNumber()) {
      throw invalid.apply(member + " must be a timestamp in epoch seconds.");
    }
    double seconds = node.doubleValue();
    long whole = (long) Math.floor(seconds);
    return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
  }

  public JsonNode raw(String member) {
    return body.get(member);
  }

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Epoch seconds with millisecond fraction, as the JSON protocols write timestamps. */
  public static double epochSeconds(Instant instant) {
    return instant.toEpochMilli() / 1000.0;
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
