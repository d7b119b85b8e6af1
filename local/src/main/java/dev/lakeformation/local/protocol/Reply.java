package dev.lakeformation.local.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful answer: a JSON document, or raw bytes (a work unit's Arrow stream). */
public record Reply(String contentType, byte[] body, boolean isWorkUnit) {
  public static Reply json(String contentType, JsonNode document) {
    return new Reply(contentType, Json.bytes(document), false);
  }

  public static Reply workUnit(byte[] arrowStream) {
    return new Reply("application/octet-stream", arrowStream, true);
  }
}
