package io.inkstone.api;

import java.util.List;

import io.inkstone.channels.Channel;
import io.inkstone.web.Ui;
import java.util.Map;

/** Page models of {@code /studio/tokens} and {@code /studio/webhooks}. */
public final class TokenPages {

	private TokenPages() {
	}

	/**
	 * @param created the token just created, shown once with its secret, or null
	 * @param error a message key for the form, or null
	 */
	public record Tokens(Ui ui, List<Channel> nav, List<ApiToken> tokens, ApiTokens.Created created, String error,
			String name, long now) {
	}

	/**
	 * @param created the hook just registered, shown once with its secret, or null
	 * @param errors field → message key
	 * @param log the chosen hook's latest deliveries (empty when none is chosen)
	 */
	public record Hooks(Ui ui, List<Channel> nav, List<Webhook> hooks, Webhook created, Map<String, String> errors,
			String url, boolean admin, boolean creator, Webhook shown, List<WebhookDelivery> log) {

		public String error(String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

	}

}
