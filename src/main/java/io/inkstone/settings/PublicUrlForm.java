package io.inkstone.settings;

import jakarta.validation.constraints.Size;

/**
 * The site's public address as posted: empty returns to the configured one; anything else
 * must be an http(s) address with a host and no query or fragment (checked by
 * {@link SiteIdentityChanges}).
 */
public record PublicUrlForm(@Size(max = PublicUrlForm.MAX, message = "siteIdentity.error.publicUrl") String publicUrl) {

	static final int MAX = 200;

}
