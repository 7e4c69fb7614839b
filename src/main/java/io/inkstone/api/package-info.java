/**
 * The REST API ({@code /api/v1/**}) for software: public reads of articles, channels and
 * creators, and a creator's own writing (drafts, publishing, media) through the same
 * services, rules and review pipeline as the studio. Callers authenticate with personal
 * access tokens ({@code Authorization: Bearer}) created at {@code /studio/tokens}, stored
 * as SHA-256 hashes, scoped read or read+write. This module owns its own security filter
 * chain for {@code /api/**} and the OpenAPI description ({@code /api/openapi.json},
 * browsable at {@code /api/docs}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "articles", "channels", "creators",
		"discovery", "engagement", "media", "shared", "web" })
package io.inkstone.api;
