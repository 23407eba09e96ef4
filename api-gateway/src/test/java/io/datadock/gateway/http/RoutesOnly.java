package io.datadock.gateway.http;

import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.http.resources.ResourceApi;
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
        new ApiComponents(
            new ApiComponents.Admission(
                token -> Optional.empty(),
                new RateLimiter(0, System::nanoTime),
                new Authorizer(tenant -> false),
                1024),
            new ApiComponents.Operations(Map.of(), () -> true, metrics),
            new ResourceApi.Services(
                null,
                new ResourceView(),
                () -> java.util.concurrent.CompletableFuture.completedFuture(null),
                null),
            new ApiComponents.Catalog(new CatalogView(), null),
            new IdentityServices(null, null, null),
            null));
  }
}
