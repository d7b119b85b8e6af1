package dev.lakeformation.jdbc.local;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful answer: a JSON document, or raw bytes (a work unit's Arrow stream). */
record Reply(String contentType, byte[] body, boolean isWorkUnit) {
  static Reply json(String contentType, JsonNode document) {
    return new Reply(contentType, Json.bytes(document), false);
  }

  static Reply workUnit(byte[] arrowStream) {
    return new Reply("application/octet-stream", arrowStream, true);
  }
}
