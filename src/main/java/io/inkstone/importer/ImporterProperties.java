package io.inkstone.importer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inkstone.importer.*}: how the WordPress import fetches attachments that are not
 * under {@code --uploads}.
 *
 * @param fetchAttachments fetch them from their URL (http/https only)
 * @param fetchMaxBytes the largest image fetched (larger ones keep their original link)
 * @param fetchTimeout connect and whole-request time limit of one fetch
 * @param allowPrivateTargets fetch from loopback, private and other non-public addresses
 * too (off: SSRF guard; tests turn it on to serve images from loopback)
 */
@ConfigurationProperties(prefix = "inkstone.importer")
record ImporterProperties(@DefaultValue("true") boolean fetchAttachments, @DefaultValue("10485760") long fetchMaxBytes,
		@DefaultValue("20s") Duration fetchTimeout, @DefaultValue("false") boolean allowPrivateTargets) {
}
