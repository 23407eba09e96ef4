package io.datadock.gateway.auth;

/**
 * Who is calling: the identity a verified token stands for.
 *
 * @param id user id, recorded as owner and actor
 * @param defaultTenant the tenant used when a request names none
 */
public record Caller(String id, String defaultTenant) {}
