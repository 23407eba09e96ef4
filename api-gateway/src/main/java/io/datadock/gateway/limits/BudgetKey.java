package io.datadock.gateway.limits;

import io.datadock.gateway.auth.Caller;
import java.util.function.BiPredicate;

/**
 * Whose request budget a request spends: the tenant it is for, when that tenant exists and the
 * caller is a member of it, else the caller's own. A tenant named in a request therefore never
 * creates a bucket by itself, and nobody spends the budget of a tenant they are not in.
 *
 * @param id the bucket's key
 * @param label how the 429 names the budget ({@code tenant 'a'}, {@code user 'b'})
 */
public record BudgetKey(String id, String label) {

  public static BudgetKey tenant(String tenant) {
    return new BudgetKey("tenant/" + tenant, "tenant '" + tenant + "'");
  }

  public static BudgetKey caller(Caller caller) {
    return new BudgetKey("user/" + caller.id(), "user '" + caller.id() + "'");
  }

  /**
   * @param requested the request's {@code tenant=}, or null for the caller's default tenant
   * @param isMember whether a tenant exists and the caller is a member of it
   */
  public static BudgetKey of(
      Caller caller, String requested, BiPredicate<Caller, String> isMember) {
    String tenant = requested != null ? requested : caller.defaultTenant();
    return isMember.test(caller, tenant) ? tenant(tenant) : caller(caller);
  }
}
