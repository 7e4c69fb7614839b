package io.inkstone.api;

import java.util.List;

/**
 * A new webhook as posted: its address, the events it wants and, for an admin, whether it
 * is site-wide. What a usable address and event list are is {@link Webhooks#register}'s
 * rule, which the API shares.
 */
record WebhookForm(String url, List<String> events, String site) {

	WebhookForm {
		url = url == null ? "" : url;
	}

}
