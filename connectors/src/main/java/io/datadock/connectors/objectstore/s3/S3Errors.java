package io.datadock.connectors.objectstore.s3;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SafeMessages;
import io.datadock.connectors.egress.EgressDeniedException;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What an S3 failure means, as a step's message: by the store's error code where it sent one. */
final class S3Errors {

  /** Codes that mean the request's signature was not accepted: the credentials are wrong. */
  static final Set<String> LOGIN =
      Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken");

  static final Set<String> REGION =
      Set.of(
          "PermanentRedirect",
          "AuthorizationHeaderMalformed",
          "IllegalLocationConstraintException");

  private S3Errors() {}

  /** The store's error code, when the failure is an answer from the store. */
  static Optional<String> code(Throwable error) {
    if (error instanceof S3Exception s3 && s3.awsErrorDetails() != null) {
      return Optional.ofNullable(s3.awsErrorDetails().errorCode());
    }
    return Optional.empty();
  }

  static boolean isLogin(Throwable error) {
    return code(error).filter(LOGIN::contains).isPresent();
  }

  /** Why the credentials were refused, in words. */
  static String loginProblem(Throwable error) {
    return switch (code(error).orElse("")) {
      case "InvalidAccessKeyId" -> "the access key id is not known to the store";
      case "SignatureDoesNotMatch" -> "the secret key does not match the access key id";
      default -> "the credentials were refused (" + code(error).orElse("?") + ")";
    };
  }

  /** Any other failure: an egress denial, a timeout, the store's code and status, or the cause. */
  static String describe(Throwable error, Deadline deadline, Credentials credentials) {
    Optional<String> denied = EgressDeniedException.messageIn(error);
    if (denied.isPresent()) {
      return denied.get();
    }
    if (error instanceof ApiCallTimeoutException || deadline.expired()) {
      return "no answer within " + deadline.describe();
    }
    if (error instanceof S3Exception s3) {
      Optional<String> code = code(error);
      if (code.isEmpty()) {
        return "HTTP " + s3.statusCode() + " without an S3 error code: is the endpoint an S3 API?";
      }
      if (REGION.contains(code.get())) {
        return "the bucket is in another region than the depot's 'region' (" + code.get() + ")";
      }
      return code.get() + " (HTTP " + s3.statusCode() + ")";
    }
    Throwable cause = error.getCause() == null ? error : error.getCause();
    return SafeMessages.of(cause, credentials);
  }
}
