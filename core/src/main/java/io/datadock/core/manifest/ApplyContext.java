package io.datadock.core.manifest;

/**
 * What a manifest is applied with besides its own text.
 *
 * @param callerId the caller's user id: the default owner
 * @param defaultTenant the caller's tenant, used when neither manifest nor request names one
 * @param tenantParam the request's {@code tenant=}, or null
 * @param workspaceParam the request's {@code workspace=}, or null
 */
public record ApplyContext(
    String callerId, String defaultTenant, String tenantParam, String workspaceParam) {}
