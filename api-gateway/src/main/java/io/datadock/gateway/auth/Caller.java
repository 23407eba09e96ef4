package io.datadock.gateway.auth;

import io.datadock.core.identity.Principal;

/**
 * Who is calling: the identity a verified token stands for.
 *
 * @param id user id, recorded as owner and actor
 * @param defaultTenant the tenant used when a request names none
 * @param principal tenants, role tags and use-cases, for authorization
 */
public record Caller(String id, String defaultTenant, Principal principal) {

  public static Caller of(Principal principal) {
    return new Caller(principal.id(), principal.defaultTenant(), principal);
  }
}
