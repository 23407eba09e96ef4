package io.datadock.gateway.http;

import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.auth.TokenVerifier;
import io.datadock.gateway.http.resources.ResourceApi;
import io.datadock.gateway.identity.IdentityServices;
import io.datadock.gateway.kafka.CommandPublisher;
import io.datadock.gateway.limits.RateLimiter;
import io.datadock.gateway.replay.ReplayCoordinator;
import io.datadock.gateway.view.CatalogView;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What the API's handlers work with, grouped by area; built once by the gateway's wiring.
 *
 * @param replay null when replay is not enabled (the admin endpoint answers 503)
 */
public record ApiComponents(
    Admission admission,
    Operations operations,
    ResourceApi.Services resources,
    Catalog catalog,
    IdentityServices identity,
    ReplayCoordinator replay) {

  /**
   * What every {@code /api/*} request passes through: the body limit, authentication and the rate
   * limit; and the one authorizer every handler decides with.
   */
  public record Admission(
      TokenVerifier tokens, RateLimiter limiter, Authorizer authorizer, int maxBodyBytes) {}

  /**
   * What the gateway tells about itself: its readiness checks ({@code /readyz}), whether its
   * resource view has caught up (until then what is answered from it is 503) and where request
   * metrics go.
   */
  public record Operations(
      Map<String, BooleanSupplier> readiness,
      BooleanSupplier viewCaughtUp,
      MeterRegistry metrics) {}

  /** The catalog's read view and where rescans are requested. */
  public record Catalog(CatalogView view, CommandPublisher publisher) {}
}
