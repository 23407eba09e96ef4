package io.datadock.catalog.model;

import io.datadock.core.udl.Udl;

/**
 * The record key of a dataset on {@code catalog.datasets} and {@code catalog.events}: {@code
 * <tenant>/<udl>}. UDLs name a depot without its tenant, and depot names are unique per tenant
 * only.
 */
public final class DatasetKeys {

  private DatasetKeys() {}

  public static String of(String tenant, Udl udl) {
    return tenant + "/" + udl;
  }

  public static String of(String tenant, String udl) {
    return tenant + "/" + udl;
  }
}
