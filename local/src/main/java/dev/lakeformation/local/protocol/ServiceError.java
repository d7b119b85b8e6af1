package dev.lakeformation.local.protocol;

import java.util.Map;

/**
 * An error answered to a client in the shape the service model gives it: the exception name
 * (which the SDK reads from {@code x-amzn-ErrorType} or {@code __type}), its HTTP status, and
 * any extra members the shape has besides {@code Message}.
 */
public final class ServiceError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public final String type;
  public final int httpStatus;
  public final Map<String, String> extraMembers;

  public ServiceError(String type, int httpStatus, String message, Map<String, String> extraMembers) {
    super(message, null, false, false);
    this.type = type;
    this.httpStatus = httpStatus;
    this.extraMembers = extraMembers;
  }

  // Lake Formation (rest-json): statuses from the model's httpError traits.
  public static ServiceError invalidInput(String message) {
    return new ServiceError("InvalidInputException", 400, message, Map.of());
  }

  static ServiceError accessDenied(String message) {
    return new ServiceError("AccessDeniedException", 403, message, Map.of());
  }

  public static ServiceError expired(String message) {
    return new ServiceError("ExpiredException", 410, message, Map.of());
  }

  public static ServiceError workUnitsNotReadyYet(String message) {
    return new ServiceError("WorkUnitsNotReadyYetException", 420, message, Map.of());
  }

  public static ServiceError statisticsNotReadyYet(String message) {
    return new ServiceError("StatisticsNotReadyYetException", 420, message, Map.of());
  }

  public static ServiceError throttled(String message) {
    return new ServiceError("ThrottledException", 429, message, Map.of());
  }

  public static ServiceError internal(String message) {
    return new ServiceError("InternalServiceException", 500, message, Map.of());
  }

  // Athena (json 1.1): client errors are 400, server errors 500.
  public static ServiceError athenaInvalidRequest(String message) {
    return new ServiceError(
        "InvalidRequestException", 400, message, Map.of("AthenaErrorCode", "INVALID_INPUT"));
  }

  public static ServiceError athenaMetadata(String message) {
    return new ServiceError("MetadataException", 400, message, Map.of());
  }

  public static ServiceError athenaInternal(String message) {
    return new ServiceError("InternalServerException", 500, message, Map.of());
  }

  // STS (AWS Query protocol, rendered as an XML ErrorResponse): codes and statuses as AWS answers them.
  public static ServiceError stsValidation(String message) {
    return new ServiceError("ValidationError", 400, message, Map.of());
  }

  public static ServiceError stsInvalidAction(String message) {
    return new ServiceError("InvalidAction", 400, message, Map.of());
  }

  public static ServiceError stsInvalidIdentityToken(String message) {
    return new ServiceError("InvalidIdentityToken", 400, message, Map.of());
  }

  public static ServiceError athenaTooManyRequests(String message) {
    return new ServiceError(
        "TooManyRequestsException", 400, message, Map.of("Reason", "CONCURRENT_QUERY_LIMIT_EXCEEDED"));
  }
}
