package io.datadock.gateway.identity;

import io.datadock.runtime.identity.IdentityDirectory;

/**
 * What the identity endpoints work with: the directory they read, the writer of the identity
 * topics, and what follows when someone loses a permission.
 */
public record IdentityServices(
    IdentityDirectory directory, IdentityWriter writer, AccessRevalidation revalidation) {}
