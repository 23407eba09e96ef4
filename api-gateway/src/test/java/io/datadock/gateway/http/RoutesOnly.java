package io.datadock.gateway.http;

import io.datadock.gateway.identity.IdentityServices;
import io.datadock.gateway.limits.RateLimiter;
import io.datadock.gateway.view.CatalogView;
import io.datadock.gateway.view.ResourceView;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link HttpApi} with its routes and nothing behind them: no token verifies, no service
 * answers. For tests of what the router itself does (which routes exist, how requests are timed).
 */
final class RoutesOnly {

  private RoutesOnly() {}

  static HttpApi api(PrometheusMeterRegistry metrics) {
    return new HttpApi(
        null,
        new ResourceView(),
        token -> Optional.empty(),
        Map.of(),
        1024,
        null,
        new CatalogView(),
        null,
        new IdentityServices(null, null, null),
        new RateLimiter(0, System::nanoTime),
        metrics,
        null);
  }
}
